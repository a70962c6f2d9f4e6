import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { deepFreeze } from '../../src/internal/deepFreeze.js';
import type { Dataset } from '../../src/schema/dataset.js';

/** Directory of the what-if fixture dataset (usable with `--data`). */
export const WHATIF_FIXTURE_DIR = join(import.meta.dirname, 'fixture');

const read = (file: string): unknown => JSON.parse(readFileSync(join(WHATIF_FIXTURE_DIR, file), 'utf8'));

/**
 * A tiny chain, frozen like the embedded data (so any mutation throws). Worked out by hand:
 *
 *   ore ─0.6→ ingot ─0.8→ sheet ─0.7→ parts        (industry metal)
 *                 └──────0.3──────────↗
 *   ingot ─0.1→ cell ─0.8→ pack                     (industry energy, strategic)
 *
 * Local firms (revenue 亿元, benchmark 50 → presence ln(1+r)/ln 51): ore-co 50 (p 1), ingot-co 50 (p 1),
 * parts-co 20 (p 0.7743). Verdicts: sheet 补链 (supplier ingot and customer parts present); cell, pack 建链
 * (strategic industry empty); ore, ingot, parts healthy (parts: 本地配套率 0.3 ≥ 0.15).
 * Completeness weights ω = 1 + Σ link weights: ore 1.6, ingot 2.8, sheet 2.5, parts 2.0, cell 1.9, pack 1.8
 * (Σ 12.6); completeness = (1.6 + 2.8 + 2.0) / 12.6 = 0.507937; 本地配套率 = (0.6 + 0.7743·0.3) / (0.6 + 0.7743) = 0.605604.
 * Landing sheet-co (band 10-50 → default size min(10, 30) = 10亿, p 0.6099) on sheet: completeness 8.9 / 12.6 =
 * 0.706349 (+0.198413), 本地配套率 0.886446 (+0.280842). Closing ingot-co (the only firm on ingot):
 * completeness (1.6 + 2.0) / 12.6 = 0.285714, ingot becomes 补链 (ore and parts still local).
 */
export function whatifFixture(): Dataset {
  return deepFreeze(
    parseDataset({
      meta: read('dataset.json'),
      industries: read('industries.json'),
      segments: read('segments.json'),
      links: read('links.json'),
      enterprises: read('enterprises.json'),
      companies: read('companies.json'),
      cities: read('cities.json'),
    }, 'whatif fixture'),
  );
}

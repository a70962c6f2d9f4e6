/**
 * Derive supply-link weights of the embedded 聊城 dataset from the national input-output table.
 *
 * Run: `npx tsx scripts/deriveIoWeights.ts`
 *
 * Input (not shipped with the package, GPL via CRAN ionet): the 2020 153-sector table of the
 * National Bureau of Statistics (国家统计局 2020年投入产出表), as a CSV at
 * `../shared/data/external/china_io_2020_153.csv` relative to the repository root. If the file is
 * absent the script prints a message and exits 0 without touching anything.
 *
 * For every link `from → to` of `data/liaocheng/links.json` whose two segments map (via
 * `segment.ioSector`) to DIFFERENT IO sectors, it computes the direct-input coefficient
 *
 *     a_ij = Z[i][j] / TI[j]      (row i = supplying sector of `from`, column j = using sector of `to`,
 *                                   TI = total-input row; 万元 / 万元, so a is a share of j's output)
 *
 * and maps it to a weight with a monotone log rule (see WEIGHT_RULE below). It then writes
 * `data/liaocheng/io-derivation.json` (sector mapping, every coefficient, every link kept on
 * judgement with the reason) and updates `links.json` in place.
 *
 * A link keeps its judgement weight (basis "judgement") when:
 * - both segments map to the same IO sector (the table cannot tell segments apart inside a sector);
 * - a segment has no ioSector;
 * - the link is listed in JUDGEMENT_ONLY: a capital-equipment, by-product or waste flow (the IO
 *   table records investment goods in final demand (GCF) and by-products not at all, so the
 *   intermediate-use cell says nothing about such a link), or a link for which the sector mapping is
 *   too coarse (the cell is dominated by other products of the two sectors);
 * - a_ij < MIN_COEFFICIENT: the flow is too small at sector level for the table to inform a
 *   segment-level link (sector aggregation hides it), so the judgement weight is kept.
 *
 * Deterministic: links sorted by (from, to), 2-space JSON, trailing newline.
 * Only node built-ins are imported. Only derived numbers are written; the table is not copied.
 *
 * Note: a link turned from io-table back to judgement (e.g. after a mapping change) keeps its last
 * weight; re-check such a weight by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TABLE_PATH = path.resolve(repoRoot, '../shared/data/external/china_io_2020_153.csv');
const DATA_DIR = path.join(repoRoot, 'data', 'liaocheng');
const SEGMENTS_PATH = path.join(DATA_DIR, 'segments.json');
const LINKS_PATH = path.join(DATA_DIR, 'links.json');
const OUT_PATH = path.join(DATA_DIR, 'io-derivation.json');

const TABLE_NAME = '国家统计局 2020年投入产出表 (153部门), competitive-import form, 万元, producers\' prices';
const TABLE_SOURCE =
  'National Bureau of Statistics of China, 2020 input-output table (153 sectors), via CRAN package ionet 0.2.2 (dataset china_2020_153), converted to CSV';
const IO_LINK_SOURCE = '国家统计局 2020年投入产出表 (153部门) direct-input coefficient, via CRAN ionet 0.2.2';
const JUDGEMENT_SOURCE = 'industry chain framing (judgement)';

/** Coefficients below this say nothing at segment level; such links keep their judgement weight. */
const MIN_COEFFICIENT = 0.001;
/** Coefficient that maps to weight 1 (about the largest direct-input shares between distinct sectors, e.g. parts → vehicles 0.299). */
const MAX_COEFFICIENT = 0.3;
const MIN_WEIGHT = 0.1;

const WEIGHT_RULE =
  'weight = clamp(round2(0.1 + 0.9 * log10(a / 0.001) / log10(0.3 / 0.001)), 0.1, 1), where a = Z[i][j] / TI[j] is the direct-input coefficient ' +
  '(row i = sector of the supplying segment, column j = sector of the using segment). Monotone in a: a = 0.001 → 0.1, 0.01 → 0.46, 0.05 → 0.72, ' +
  '0.1 → 0.83, 0.3 → 1. A log scale is used because coefficients are heavy-tailed (most inter-sector cells are 0.001–0.05) and so that IO-derived ' +
  'weights sit on the same 0.1–1 scale as the judgement weights (judgement 0.9 ≈ a core input of ~15% of output, 0.5 ≈ ~2%). ' +
  'Links with a < 0.001, links inside one IO sector, capital-equipment / by-product / waste flows and links where the sector cell is driven by other products keep their judgement weight (basis "judgement"); see the judgement list for each reason.';

/**
 * Links for which a_ij does not apply: not intermediate-input flows in the IO table (capital
 * equipment, by-products, waste), or sector mapping too coarse (the cell is driven by other products).
 * Key: "from>to". Value: reason.
 */
const COARSE = 'sector mapping too coarse: ';
const JUDGEMENT_ONLY: Readonly<Record<string, string>> = {
  'nf-cathode-copper>nf-aviation-al': `${COARSE}the 064→065 cell is mostly metal to its own rolling mills; copper is only an alloying addition here`,
  'ch-benzene-propylene>ch-pi-packaging': `${COARSE}the 041→047 cell is mostly bulk monomers for commodity resins, not polyimide precursors`,
  'ch-benzene-propylene>ch-carbon-fibre': `${COARSE}the 041→060 cell is mostly petroleum coke for carbon and graphite products`,
  'ne-pv-module>ne-bipv': `${COARSE}the 089→107 cell covers all building installation, of which BIPV is a tiny part`,
  'nf-captive-power>bm-desulf-gypsum': 'by-product (FGD gypsum) flow; the 100→054 cell records electricity sold to gypsum makers',
  'nf-captive-power>bm-solid-waste': 'by-product (fly ash) flow, not recorded as an intermediate sale',
  'nf-alumina>bm-solid-waste': 'by-product (red mud) flow, not recorded as an intermediate sale',
  'ne-battery-pack>ne-battery-recycling': 'waste flow (retired packs), not recorded as an intermediate sale',
  'eq-cnc-machine-tools>br-ring-turning': 'capital equipment (investment, in final demand GCF)',
  'eq-cnc-machine-tools>eq-aviation-parts': 'capital equipment (investment, in final demand GCF)',
  'eq-cnc-machine-tools>eq-reducers-gears': 'capital equipment (investment, in final demand GCF)',
  'eq-flat-precision>eq-cnc-machine-tools': 'inspection plates as workshop equipment; the 096→068 cell mostly records instruments',
  'ne-electrolyser>ne-hydrogen-production': 'capital equipment (investment, in final demand GCF)',
  'ne-hydrogen-storage>ne-hydrogen-station': 'capital equipment (investment, in final demand GCF)',
  'ne-pv-module>ne-pv-plant': 'capital equipment for power-plant construction (investment)',
  'ne-inverter>ne-pv-plant': 'capital equipment for power-plant construction (investment)',
  'ne-pv-mounting>ne-pv-plant': 'capital equipment for power-plant construction (investment)',
  'ne-energy-storage>ne-pv-plant': 'capital equipment for power-plant construction (investment)',
  'ne-energy-storage>ne-storage-station': 'capital equipment for power-plant construction (investment)',
  'ne-fuel-cell>ne-storage-station': 'capital equipment for power-plant construction (investment)',
  'ne-wind-turbine>ne-wind-farm': 'capital equipment for power-plant construction (investment)',
  'ne-wind-tower-blade>ne-wind-farm': 'capital equipment for power-plant construction (investment)',
  'eq-power-equipment>ne-storage-station': 'capital equipment for power-plant construction (investment)',
  'eq-power-equipment>ne-pv-plant': 'capital equipment for power-plant construction (investment)',
  'eq-power-equipment>ne-wind-farm': 'capital equipment for power-plant construction (investment)',
  'it-power-cable>ne-pv-plant': 'capital equipment for power-plant construction (investment)',
  'it-power-cable>ne-wind-farm': 'capital equipment for power-plant construction (investment)',
  'it-servers>it-data-centre': 'capital equipment for data centres (investment)',
  'it-optoelectronics>it-data-centre': 'capital equipment for data centres (investment)',
  'it-telecom-equipment>it-data-centre': 'capital equipment for data centres (investment)',
  'it-optical-cable>it-data-centre': 'capital equipment for data centres (investment)',
  'it-power-cable>it-data-centre': 'capital equipment for data centres (investment)',
  'hl-medical-devices>hl-elderly-care': 'capital equipment for care facilities (investment)',
  'hl-high-end-devices>hl-elderly-care': 'capital equipment for hospitals (investment)',
  // 2026-12 (issue #14): sector proxies that read as nonsense at segment level; the judgement weight in links.json is kept.
  'hl-api>hl-elderly-care': `${COARSE}the 050→145 cell is drugs bought by hospitals; care homes are not the main buyer of APIs and chemical drugs`,
  'hl-biologics>hl-elderly-care': `${COARSE}the 050→145 cell is drugs bought by hospitals (vaccines, blood products), not an input of care homes`,
  'hl-ivd>hl-elderly-care': `${COARSE}the 050→145 cell is drugs bought by hospitals; IVD reagents go to hospitals and labs, not care homes`,
  'hl-tcm-patent>hl-elderly-care': `${COARSE}the 050→145 cell is drugs bought by hospitals; overstates what integrated elderly-care facilities buy`,
  'ch-engineering-plastics>au-interior': `${COARSE}the 047→080 cell is diluted by the whole auto-parts sector; modified PP/ABS/PA is the main material of interior parts`,
  'nf-alumina>nf-red-mud-al-dross': 'by-product (red mud) flow, not recorded as an intermediate sale',
  'nf-primary-aluminium>nf-red-mud-al-dross': 'by-product (aluminium dross) flow, not recorded as an intermediate sale',
  'nf-red-mud-al-dross>nf-recycled-al': `${COARSE}the 098→064 cell is all scrap metal; metal recovered from aluminium dross is a small share of secondary aluminium`,
  'ch-pc-sheet>ag-vegetables': `${COARSE}the 053→001 cell is mostly PE mulch and greenhouse film, not polycarbonate sheet`,
  'ch-bopa-film>ne-battery-cell': `${COARSE}the 053→087 cell covers all plastic parts of batteries; BOPA goes only into the pouch-cell laminate`,
};

/** Checks from the external README: 汽车整车 (079) ← 汽车零部件及配件 (080) and 电池 (087) ← 有色金属及其合金 (064). */
const CHECKS: ReadonlyArray<{ from: string; to: string; expected: number }> = [
  { from: '080', to: '079', expected: 0.299 },
  { from: '064', to: '087', expected: 0.125 },
];

interface SegmentRec {
  id: string;
  ioSector?: string;
  industry: string;
}
interface LinkRec {
  from: string;
  to: string;
  weight: number;
  basis?: 'io-table' | 'judgement';
  ioCoefficient?: number;
  source?: string;
  confidence?: 'high' | 'medium' | 'low';
  asOf?: string;
  note?: string;
}

/** Minimal RFC-4180 CSV parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[k + 1] === '"') {
          field += '"';
          k++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

interface IoTable {
  coefficient(from: string, to: string): number;
  name(code: string): string;
  has(code: string): boolean;
}

function loadTable(file: string): IoTable {
  const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const header = rows[0]!;
  const col = new Map<string, number>();
  header.forEach((h, k) => col.set(h, k));
  const byCode = new Map<string, string[]>();
  for (const r of rows.slice(1)) byCode.set(r[0]!, r);
  const ti = byCode.get('TI');
  if (!ti) throw new Error('IO table has no TI (total input) row');
  const num = (s: string | undefined): number => {
    const v = Number(s);
    if (!Number.isFinite(v)) throw new Error(`IO table: not a number: ${String(s)}`);
    return v;
  };
  return {
    has: (code) => byCode.has(code) && col.has(code),
    name: (code) => byCode.get(code)?.[col.get('DescriptionInChinese') ?? 2] ?? '',
    coefficient(from, to) {
      const row = byCode.get(from);
      const j = col.get(to);
      if (!row || j === undefined) throw new Error(`IO table: unknown sector ${from} or ${to}`);
      const total = num(ti[j]);
      return total > 0 ? num(row[j]) / total : 0;
    },
  };
}

const round = (x: number, d: number): number => Number(x.toFixed(d));

function weightOf(a: number): number {
  const w = MIN_WEIGHT + ((1 - MIN_WEIGHT) * Math.log10(a / MIN_COEFFICIENT)) / Math.log10(MAX_COEFFICIENT / MIN_COEFFICIENT);
  return Math.min(1, Math.max(MIN_WEIGHT, round(w, 2)));
}

/** Fixed key order for a link record. */
function orderLink(l: LinkRec): LinkRec {
  const out: LinkRec = { from: l.from, to: l.to, weight: l.weight };
  if (l.basis !== undefined) out.basis = l.basis;
  if (l.ioCoefficient !== undefined) out.ioCoefficient = l.ioCoefficient;
  if (l.source !== undefined) out.source = l.source;
  if (l.confidence !== undefined) out.confidence = l.confidence;
  if (l.asOf !== undefined) out.asOf = l.asOf;
  if (l.note !== undefined) out.note = l.note;
  return out;
}

function main(): void {
  if (!fs.existsSync(TABLE_PATH)) {
    console.log(`IO table not found at ${TABLE_PATH}; nothing changed.`);
    return;
  }
  const table = loadTable(TABLE_PATH);

  const checks = CHECKS.map((c) => {
    const a = table.coefficient(c.from, c.to);
    if (Math.abs(a - c.expected) >= 0.0005) {
      throw new Error(`IO check failed: a(${c.from}→${c.to}) = ${a.toFixed(4)}, expected ${c.expected}`);
    }
    return { from: c.from, to: c.to, fromName: table.name(c.from), toName: table.name(c.to), expected: c.expected, a: round(a, 4) };
  });

  const segments = JSON.parse(fs.readFileSync(SEGMENTS_PATH, 'utf8')) as SegmentRec[];
  const links = JSON.parse(fs.readFileSync(LINKS_PATH, 'utf8')) as LinkRec[];
  const seg = new Map(segments.map((s) => [s.id, s]));

  const sectors: Record<string, string> = {};
  for (const s of [...segments].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    if (s.ioSector === undefined) continue;
    if (!table.has(s.ioSector)) throw new Error(`segment ${s.id}: ioSector ${s.ioSector} is not in the table`);
    sectors[s.id] = s.ioSector;
  }

  const coefficients: Array<{ from: string; to: string; fromSector: string; toSector: string; a: number; weight: number }> = [];
  const judgement: Array<{ from: string; to: string; fromSector?: string; toSector?: string; reason: string; a?: number }> = [];

  const updated = links.map((l): LinkRec => {
    const fs_ = seg.get(l.from)?.ioSector;
    const ts = seg.get(l.to)?.ioSector;
    const key = `${l.from}>${l.to}`;
    let reason: string | undefined;
    let a: number | undefined;
    if (fs_ === undefined || ts === undefined) reason = 'segment without ioSector';
    else if (fs_ === ts) reason = 'same IO sector';
    else if (JUDGEMENT_ONLY[key] !== undefined) reason = JUDGEMENT_ONLY[key];
    else {
      a = table.coefficient(fs_, ts);
      if (a < MIN_COEFFICIENT) reason = `coefficient below ${MIN_COEFFICIENT}: too small at sector level to inform the link`;
    }
    if (reason !== undefined || a === undefined) {
      judgement.push({
        from: l.from,
        to: l.to,
        ...(fs_ !== undefined ? { fromSector: fs_ } : {}),
        ...(ts !== undefined ? { toSector: ts } : {}),
        reason: reason ?? 'unknown',
        ...(a !== undefined ? { a: round(a, 5) } : {}),
      });
      const { ioCoefficient: _drop, ...rest } = l;
      return orderLink({
        ...rest,
        basis: 'judgement',
        source: JUDGEMENT_SOURCE,
        confidence: l.basis === 'judgement' && l.confidence ? l.confidence : l.weight >= 0.6 ? 'medium' : 'low',
      });
    }
    const weight = weightOf(a);
    coefficients.push({ from: l.from, to: l.to, fromSector: fs_!, toSector: ts!, a: round(a, 4), weight });
    return orderLink({
      ...l,
      weight,
      basis: 'io-table',
      ioCoefficient: round(a, 4),
      source: IO_LINK_SOURCE,
      confidence: 'medium',
      asOf: '2020',
    });
  });

  const linkKeys = new Set(links.map((l) => `${l.from}>${l.to}`));
  for (const key of Object.keys(JUDGEMENT_ONLY)) {
    if (!linkKeys.has(key)) console.warn(`warning: JUDGEMENT_ONLY entry ${key} matches no link`);
  }

  const byPair = (x: { from: string; to: string }, y: { from: string; to: string }): number =>
    x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0;
  updated.sort(byPair);
  coefficients.sort(byPair);
  judgement.sort(byPair);

  const usedCodes = [...new Set(Object.values(sectors))].sort();
  // An array, not an object: keys like "100" would be reordered ahead of "001" by JSON.stringify.
  const sectorNames = usedCodes.map((code) => ({ code, name: table.name(code) }));

  const derivation = {
    table: TABLE_NAME,
    source: TABLE_SOURCE,
    formula: 'a_ij = Z[i][j] / TI[j]; i = supplying sector (row), j = using sector (column), TI = total-input row',
    rule: WEIGHT_RULE,
    minCoefficient: MIN_COEFFICIENT,
    checks,
    counts: { links: updated.length, ioTable: coefficients.length, judgement: judgement.length },
    sectorNames,
    sectors,
    coefficients,
    judgement,
  };

  fs.writeFileSync(OUT_PATH, `${JSON.stringify(derivation, null, 2)}\n`);
  fs.writeFileSync(LINKS_PATH, `${JSON.stringify(updated, null, 2)}\n`);
  console.log(
    `checks ok (${checks.map((c) => `${c.toName}←${c.fromName} ${c.a}`).join('; ')}); ` +
      `${coefficients.length} links io-derived, ${judgement.length} kept on judgement; wrote ${path.relative(repoRoot, OUT_PATH)} and ${path.relative(repoRoot, LINKS_PATH)}`,
  );
}

main();

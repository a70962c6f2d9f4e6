// The shipped concordances are bundled into the build (JSON imports), like the embedded dataset: no file system.
import csrc2012 from '../../../data/concordance/csrc2012.json';
import gb4754Names from '../../../data/concordance/gb4754-names.json';
import nameWords from '../../../data/concordance/name-words.json';
import sw2021 from '../../../data/concordance/sw2021.json';
import tushare from '../../../data/concordance/tushare.json';
import tushareMix from '../../../data/concordance/tushare-sw2021-mix.json';
import vendorLabels from '../../../data/concordance/vendor-labels.json';
import type { IndustryLabel } from '../../schema/company.js';
import type { ConcordanceEntry } from '../../schema/concordance.js';
import type { LabelConcordance, LabelConcordanceEntry, LabelMixPart } from './labelCodes.js';

// 申万 L1–L3; 证监会 and GB/T sections (门类) are level 1, divisions (大类) level 2; free labels have none.
const LEVEL: Readonly<Record<string, number>> = { L1: 1, L2: 2, L3: 3, section: 1, division: 2 };

/**
 * A concordance file's entries (the `Concordance` schema of data/concordance/*.json) as placement reads them, for a
 * classification scheme. Use it to bring your own: `importCompanies(file, { concordances: [...defaultConcordances(),
 * concordance('vendor', myFile.entries)] })`.
 *
 * @example
 * concordance('vendor', [{ label: '铝加工', gb: ['3252'] }]);
 */
export function concordance(scheme: IndustryLabel['scheme'], entries: readonly ConcordanceEntry[]): LabelConcordance {
  return {
    scheme,
    entries: entries.map((e): LabelConcordanceEntry => ({ label: e.label, code: e.code, level: e.level !== undefined ? LEVEL[e.level] : undefined, gb: e.gb })),
  };
}

let cached: readonly LabelConcordance[] | undefined;

/**
 * The vendor classifications shipped with the package, mapped to GB/T 4754-2017: 申万2021 L1–L3 (511 entries),
 * 证监会 2012 (109), Tushare's industry labels (110), and the vendors' coarse labels with the standard's own
 * 门类/大类 names (242), and the standard's own 中类/小类 names (1,854). City-independent: a city's segments carry GB/T codes, so these serve any dataset. Sources
 * and licences are stated in each file under data/concordance/.
 *
 * @returns the concordances (built once, read-only)
 * @example
 * createPlacer(liaocheng(), defaultConcordances());
 */
export function defaultConcordances(): readonly LabelConcordance[] {
  cached ??= Object.freeze([
    concordance('sw2021', sw2021.entries as readonly ConcordanceEntry[]),
    concordance('csrc2012', csrc2012.entries as readonly ConcordanceEntry[]),
    // The GB/T 门类/大类 names are in the vendor file: an export's 国标行业 name without a code resolves through it.
    concordance('vendor', vendorLabels.entries as readonly ConcordanceEntry[]),
    withTushareMix(concordance('vendor', tushare.entries as readonly ConcordanceEntry[])),
    // The standard's 中类/小类 names (房地产开发经营 → 7010), last: a vendor's own meaning of a name comes first.
    gb4754NameConcordance(),
  ]);
  return cached;
}

/**
 * Tushare's coarse labels with their make-up by 申万2021 L3 (data/concordance/tushare-sw2021-mix.json: how many listed
 * firms under each Tushare label 申万 puts in each L3), read by placement as what the label's firms usually do.
 */
function withTushareMix(c: LabelConcordance): LabelConcordance {
  const byLabel = tushareMix.labels as Readonly<Record<string, Readonly<Record<string, number>>>>;
  return {
    scheme: c.scheme,
    entries: c.entries.map((e) => {
      const parts = byLabel[e.label];
      if (parts === undefined) return e;
      const mix = Object.entries(parts).map(([label, n]): LabelMixPart => ({ scheme: 'sw2021', label, n }));
      return mix.length > 0 ? { ...e, mix } : e;
    }),
  };
}

/** GB/T 4754-2017 中类 (3 digits) and 小类 (4 digits) by their official names; a 小类 named as its 中类 is read as the 小类. */
function gb4754NameConcordance(): LabelConcordance {
  const codes = Object.entries(gb4754Names.names as Readonly<Record<string, string>>).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  return { scheme: 'gb4754', entries: codes.map(([code, name]): LabelConcordanceEntry => ({ label: name, level: code.length, gb: [code] })) };
}

let cachedWords: readonly LabelConcordanceEntry[] | undefined;

/**
 * The industry words of company names shipped with the package (data/concordance/name-words.json): the 行业 part of
 * a name (轴承, 电气, 锂业 …) → GB/T 4754-2017 codes. City-independent, like the concordances; placement reads them
 * as a weak signal (see `createPlacer`).
 *
 * @returns the entries (built once, read-only)
 * @example
 * defaultNameWords().find((e) => e.label === '轴承')?.gb; // ['3451', '3452']
 */
export function defaultNameWords(): readonly LabelConcordanceEntry[] {
  // Words not listed as naming a sector (农业, 电气, 生物 …) name a product (轴承, 激光, 铜箔): those may lead over a label.
  const sector = new Set<string>(nameWords.sectorWords);
  cachedWords ??= Object.freeze(concordance('vendor', nameWords.entries as readonly ConcordanceEntry[]).entries.map((e) => ({ ...e, lead: !sector.has(e.label) })));
  return cachedWords;
}

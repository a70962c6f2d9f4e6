import type { IndustryLabel } from '../../schema/company.js';
import { normalizeText } from '../normalizeText.js';
import { toSimplified } from '../toSimplified.js';
import { divisionsOfSection, normalizeGbCode } from './gbCodes.js';

/** One entry of a vendor concordance: a classification label (and its code) → GB/T 4754-2017 codes. */
export interface LabelConcordanceEntry {
  readonly label: string;
  readonly code?: string | undefined;
  readonly level?: number | undefined;
  readonly gb: readonly string[];
  /** Name words only: the word names a product (轴承, 激光), not a sector (电气, 生物); see `createPlacer`'s `nameWordOverrides`. */
  readonly lead?: boolean | undefined;
  /**
   * What a coarse label is made of: how many listed firms under it a finer classification puts in each of its classes
   * (Tushare 软件服务: 申万 IT服务Ⅲ 112, 垂直应用软件 89, 横向通用软件 32 …). See `createPlacer`'s `labelMix`.
   */
  readonly mix?: readonly LabelMixPart[] | undefined;
}

/** One part of a coarse label's make-up: a finer class (a label of another scheme) and how many firms it holds. */
export interface LabelMixPart {
  readonly scheme: IndustryLabel['scheme'];
  readonly label: string;
  readonly n: number;
}

/** A vendor classification mapped to GB/T 4754-2017: which scheme it is, and its entries. */
export interface LabelConcordance {
  readonly scheme: IndustryLabel['scheme'];
  readonly entries: readonly LabelConcordanceEntry[];
}

/** GB/T codes a label stands for, and what in the concordance it matched. */
export interface LabelCodes {
  readonly codes: readonly string[];
  /** 'code' when the label's own code was read, else the concordance entry that matched ('申万 铝'). */
  readonly via: string;
  /** The matched entry's make-up by a finer classification, when the concordance has one. */
  readonly mix?: readonly LabelMixPart[] | undefined;
}

const key = (t: string): string => toSimplified(normalizeText(t)).toLowerCase().replace(/[\s()（）、,，·-]/g, '');

/**
 * Build a resolver from industry labels (as exports give them) to GB/T 4754-2017 codes: a GB/T label by its own
 * code (a 门类 letter expands to its 大类), else by name through the concordances; a 申万 / 证监会 / vendor label by
 * code, then by name within its scheme, then by name in any concordance.
 *
 * @example
 * const codesOf = createLabelResolver([{ scheme: 'sw2021', entries: [{ label: '铝', code: '240201', level: 3, gb: ['3216', '3252'] }] }]);
 * codesOf({ scheme: 'sw2021', level: 3, name: '铝' }); // { codes: ['3216', '3252'], via: 'sw2021 铝' }
 */
export function createLabelResolver(concordances: readonly LabelConcordance[]): (label: IndustryLabel) => LabelCodes | undefined {
  const byCode = new Map<string, LabelConcordanceEntry>();
  const byName = new Map<string, LabelConcordanceEntry[]>();
  const anyName = new Map<string, { entry: LabelConcordanceEntry; scheme: string }>();
  for (const c of concordances) {
    for (const e of c.entries) {
      if (e.code !== undefined) byCode.set(`${c.scheme}|${e.code.toUpperCase()}`, e);
      const k = `${c.scheme}|${key(e.label)}`;
      byName.set(k, [...(byName.get(k) ?? []), e]);
      if (!anyName.has(key(e.label))) anyName.set(key(e.label), { entry: e, scheme: c.scheme });
    }
  }
  const codesOf = (gb: readonly string[]): string[] => [...new Set(gb.flatMap((g) => (/^[A-T]$/i.test(g) ? divisionsOfSection(g) : [g])))];
  // Labels repeat down a list (a few hundred distinct ones in any export): each is resolved once per resolver.
  const memo = new Map<string, LabelCodes | undefined>();
  return (label) => {
    const k = `${label.scheme}|${label.level ?? ''}|${label.code ?? ''}|${label.name ?? ''}`;
    if (memo.has(k)) return memo.get(k);
    const r = resolveOnce(label);
    if (memo.size < 50_000) memo.set(k, r);
    return r;
  };
  function resolveOnce(label: IndustryLabel): LabelCodes | undefined {
    if (label.scheme === 'gb4754' && label.code !== undefined) {
      const code = normalizeGbCode(label.code);
      if (code !== undefined) return { codes: codesOf([code]), via: 'code' };
    }
    if (label.code !== undefined) {
      const e = byCode.get(`${label.scheme}|${label.code.toUpperCase()}`);
      if (e !== undefined) return withMix({ codes: codesOf(e.gb), via: `${label.scheme} ${e.label}` }, e);
    }
    if (label.name === undefined) return undefined;
    const k = key(label.name);
    const own = byName.get(`${label.scheme}|${k}`);
    if (own !== undefined && own.length > 0) {
      // The same name at several levels (申万 钢铁 is level 1 and 2): the stated level, else the finest.
      const e = own.find((x) => x.level === label.level) ?? [...own].sort((a, b) => (b.level ?? 0) - (a.level ?? 0))[0]!;
      return withMix({ codes: codesOf(e.gb), via: `${label.scheme} ${e.label}` }, e);
    }
    const any = anyName.get(k);
    return any !== undefined ? withMix({ codes: codesOf(any.entry.gb), via: `${any.scheme} ${any.entry.label}` }, any.entry) : undefined;
  }
}

const withMix = (r: LabelCodes, e: LabelConcordanceEntry): LabelCodes => (e.mix !== undefined && e.mix.length > 0 ? { ...r, mix: e.mix } : r);

import type { Company, Tie } from '../schema/company.js';
import type { Dataset } from '../schema/dataset.js';
import type { Enterprise } from '../schema/enterprise.js';
import type { FieldSource } from '../schema/provenance.js';

/**
 * Data quality of a dataset (issue 17): which facts a reader can check against a named public source, how old
 * they are, which are estimates, which companies have no size, which ties have no date, which absences are
 * unverified. Pure: the same dataset gives the same report. Used by `chain-targeting validate --report` and
 * `--strict`, and meant for the handbook appendix.
 */

/** Words that mark a source part as the compiler's own knowledge or judgement, not a document a reader can open. */
const UNFOLLOWABLE = /general knowledge|一般知识|编者|推断|记忆|from memory|judgement|judgment|estimate|估计|估算/i;
/** A part that only points at another file of this dataset names no outside source. */
const INTERNAL_ONLY = /^(?:见\s*)?(?:enterprises|companies|segments|links)\.json(?:\s+[a-z0-9._-]+)?$/i;

/**
 * Whether a source text names something a reader can follow: at least one `;`-separated part that is neither
 * general knowledge / the compiler's judgement nor a bare pointer to another file of the dataset.
 *
 * @example
 * isCheckableSource('a_share_companies_merged.csv 000830.SZ'); // true
 * isCheckableSource('general knowledge'); // false
 * isCheckableSource('东阿阿胶年报（实际控制人中国华润）; general knowledge'); // true
 */
export function isCheckableSource(source: string | undefined): boolean {
  if (source === undefined) return false;
  return source
    .split(/[;；]/)
    .map((p) => p.trim())
    .some((p) => p.length > 0 && !UNFOLLOWABLE.test(p) && !INTERNAL_ONLY.test(p));
}

/** The fields of a company whose support the report counts (each only when the record has it). */
export const COMPANY_FIELDS = ['hq', 'ownership', 'size', 'lists', 'stockCode', 'segments', 'signals', 'ties', 'parent'] as const;
/** The fields of a local enterprise whose support the report counts. */
export const ENTERPRISE_FIELDS = ['county', 'size', 'segments', 'listed'] as const;
type CheckedField = (typeof COMPANY_FIELDS)[number] | (typeof ENTERPRISE_FIELDS)[number];

/** One field of one record and what supports it. */
export interface FieldSupport {
  readonly file: 'companies.json' | 'enterprises.json';
  readonly id: string;
  readonly field: CheckedField;
  /** A per-field source (or, for signals and ties, each item's own source) names a checkable document. */
  readonly checkable: boolean;
  /** The checkable source is one of the project's reference files (a `.csv` list a script reads and matches). */
  readonly reference: boolean;
  /** The as-of date of the per-field source, when there is one. */
  readonly asOf?: string;
  /** The per-field source marks the value as an estimate (or the record says `revenueEstimated`). */
  readonly estimate: boolean;
}

/** A tie as the report sees it. */
export interface TieEntry {
  readonly company: string;
  readonly index: number;
  readonly type: Tie['type'];
  readonly since?: string;
  readonly followable: boolean;
  readonly confidence?: string;
}

/** Counts of a share: how many of how many. */
export interface Share {
  readonly n: number;
  readonly of: number;
  /** n / of, 0 when `of` is 0. */
  readonly share: number;
}

/** The data-quality report of a dataset. */
export interface DataQualityReport {
  readonly dataset: string;
  readonly asOf: string;
  readonly records: { readonly companies: number; readonly enterprises: number };
  /** Records with at least one field whose own source is checkable (per-field sources, signal or tie sources). */
  readonly recordsWithCheckableField: { readonly companies: Share; readonly enterprises: Share; readonly all: Share };
  /** Records with at least one field matched against a reference list of the project (Fortune, A-share …) by a script. */
  readonly recordsWithReferenceField: { readonly companies: Share; readonly enterprises: Share };
  /** Records with a checkable field source or a checkable record-level source. */
  readonly recordsSupported: Share;
  /** Records whose record-level `source` names a checkable document (a weaker test: it does not say which field). */
  readonly recordsWithCheckableRecordSource: { readonly companies: Share; readonly enterprises: Share };
  /** Records with neither a checkable record-level source nor any checkable field source. */
  readonly unsupportedRecords: readonly { readonly file: string; readonly id: string }[];
  /** Present fields with a checkable per-field source, over all present counted fields, and by field. */
  readonly fields: { readonly all: Share; readonly byField: Readonly<Record<string, Share>> };
  /** Age of the facts: record-level `asOf` years and per-field `asOf` years → count. */
  readonly ages: { readonly records: Readonly<Record<string, number>>; readonly fieldSources: Readonly<Record<string, number>>; readonly recordsBefore2023: number };
  /**
   * Estimates: companies/enterprises with `revenueEstimated`, per-field sources marked estimate, records of low
   * confidence, and the records whose size source says estimate while the record lacks `revenueEstimated` (the flag is
   * what the gap rules, scoring and handbook read, so such a size would be used as if it were a fact).
   */
  readonly estimates: {
    readonly revenueEstimated: number;
    readonly fieldSourceEstimates: number;
    readonly lowConfidenceRecords: number;
    readonly sizeEstimateUnflagged: readonly { readonly file: string; readonly id: string }[];
  };
  /** Companies with neither revenue nor band; companies and enterprises whose size has no year. */
  readonly sizes: { readonly companiesWithoutSize: readonly string[]; readonly sizesWithoutYear: number };
  /** Ties: total, undated (no `since`), unfollowable source, marked low confidence. */
  readonly ties: { readonly total: number; readonly undated: readonly TieEntry[]; readonly unfollowable: readonly TieEntry[]; readonly lowConfidence: number };
  /** Segments with no local enterprise and no present / verified-absent correction: absence seen in the data, not verified. */
  readonly unverifiedAbsences: readonly string[];
  /** Group links: companies with `parent`, and with `group`. */
  readonly groups: { readonly withParent: number; readonly withGroup: number };
}

/** A source that names one of the reference lists under ../shared/data/external (read by scripts, matched by code or name). */
const REFERENCE_FILE = /\.csv\b/;

const share = (n: number, of: number): Share => ({ n, of, share: of === 0 ? 0 : n / of });

const fieldSource = (sources: Readonly<Record<string, FieldSource>> | undefined, keys: readonly string[]): FieldSource | undefined => {
  if (sources === undefined) return undefined;
  for (const k of keys) if (sources[k] !== undefined) return sources[k];
  return undefined;
};

const hasSize = (x: { revenue?: number | undefined; revenueBand?: string | undefined }): boolean => x.revenue !== undefined || x.revenueBand !== undefined;

/** Per-field source keys that support each counted field (`lists.fortune-global-500` supports `lists`). */
function keysFor(field: CheckedField, sources: Readonly<Record<string, FieldSource>> | undefined): string[] {
  switch (field) {
    case 'size':
      return ['revenue', 'revenueBand'];
    case 'lists':
      return ['lists', ...Object.keys(sources ?? {}).filter((k) => k.startsWith('lists.')).sort()];
    case 'listed':
      return ['listed', 'stockCode'];
    default:
      return [field];
  }
}

function supportOf(file: FieldSupport['file'], id: string, field: CheckedField, sources: Readonly<Record<string, FieldSource>> | undefined, revenueEstimated: boolean): FieldSupport {
  const s = fieldSource(sources, keysFor(field, sources).filter((k) => isCheckableSource(sources?.[k]?.source)));
  const any = s ?? fieldSource(sources, keysFor(field, sources));
  return {
    file,
    id,
    field,
    checkable: s !== undefined,
    reference: s !== undefined && REFERENCE_FILE.test(s.source),
    ...(any !== undefined ? { asOf: any.asOf } : {}),
    estimate: any?.estimate === true || (field === 'size' && revenueEstimated),
  };
}

/**
 * Every counted field of a company and what supports it. Signals and ties count as checkable when every item's
 * own source is checkable (and, for ties, dated).
 *
 * @example
 * companyFieldSupport(liaocheng().companies[0]!).filter((f) => f.checkable).map((f) => f.field); // ['lists', 'size', …]
 */
export function companyFieldSupport(c: Company): FieldSupport[] {
  const out: FieldSupport[] = [];
  const est = c.revenueEstimated === true;
  const present: Record<(typeof COMPANY_FIELDS)[number], boolean> = {
    hq: true,
    ownership: true,
    size: hasSize(c),
    lists: (c.lists ?? []).length > 0,
    stockCode: c.stockCode !== undefined,
    segments: (c.segments ?? []).length > 0,
    signals: (c.signals ?? []).length > 0,
    ties: (c.ties ?? []).length > 0,
    parent: c.parent !== undefined,
  };
  for (const f of COMPANY_FIELDS) {
    if (!present[f]) continue;
    if (f === 'signals') {
      const sig = c.signals ?? [];
      out.push({ file: 'companies.json', id: c.id, field: f, checkable: sig.every((s) => isCheckableSource(s.source)), reference: sig.every((s) => REFERENCE_FILE.test(s.source)), estimate: false });
    } else if (f === 'ties') {
      const ties = c.ties ?? [];
      const ok = ties.every((t) => t.since !== undefined && isCheckableSource(t.source));
      out.push({ file: 'companies.json', id: c.id, field: f, checkable: ok, reference: ok && ties.every((t) => REFERENCE_FILE.test(t.source)), estimate: false });
    } else {
      out.push(supportOf('companies.json', c.id, f, c.sources, est));
    }
  }
  return out;
}

/**
 * Every counted field of a local enterprise and what supports it.
 *
 * @example
 * enterpriseFieldSupport(liaocheng().enterprises[0]!).map((f) => f.field); // ['county', 'size', 'segments', …]
 */
export function enterpriseFieldSupport(e: Enterprise): FieldSupport[] {
  const fields: (typeof ENTERPRISE_FIELDS)[number][] = ['county', 'size', 'segments'];
  if (e.listed !== undefined) fields.push('listed');
  return fields.map((f) => supportOf('enterprises.json', e.id, f, e.sources, e.revenueEstimated === true));
}

const yearOf = (d: string | undefined): string => (d === undefined ? 'none' : d.slice(0, 4));

const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

const sortedRecord = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));

/**
 * The data-quality report of a dataset: the figures issue 17 sets targets on (share of records with a checkable
 * field, companies without size, undated ties) and the context around them.
 *
 * @param dataset - a validated dataset
 * @returns the report (deterministic; lists sorted by id)
 * @example
 * const r = dataQualityReport(liaocheng());
 * r.sizes.companiesWithoutSize.length; // 0 is the target
 * r.recordsWithCheckableField.companies.share; // ≥ 0.9 is the target
 */
/** The size's own source (revenue, else band) is marked estimate, but the record does not say `revenueEstimated`. */
function sizeEstimateUnflagged(r: Company | Enterprise): boolean {
  const s = r.sources?.['revenue'] ?? r.sources?.['revenueBand'];
  return s?.estimate === true && r.revenueEstimated !== true;
}

export function dataQualityReport(dataset: Dataset): DataQualityReport {
  const companies = [...dataset.companies].sort((a, b) => a.id.localeCompare(b.id));
  const enterprises = [...dataset.enterprises].sort((a, b) => a.id.localeCompare(b.id));
  const cSupport = companies.map(companyFieldSupport);
  const eSupport = enterprises.map(enterpriseFieldSupport);
  const all = [...cSupport.flat(), ...eSupport.flat()];

  const cChecked = cSupport.filter((fs) => fs.some((f) => f.checkable)).length;
  const eChecked = eSupport.filter((fs) => fs.some((f) => f.checkable)).length;

  const byField = new Map<string, { n: number; of: number }>();
  for (const f of all) {
    const key = `${f.file === 'companies.json' ? 'company' : 'enterprise'}.${f.field}`;
    const x = byField.get(key) ?? { n: 0, of: 0 };
    byField.set(key, { n: x.n + (f.checkable ? 1 : 0), of: x.of + 1 });
  }

  const unsupported: { file: string; id: string }[] = [];
  companies.forEach((c, i) => {
    if (!isCheckableSource(c.source) && !cSupport[i]!.some((f) => f.checkable)) unsupported.push({ file: 'companies.json', id: c.id });
  });
  enterprises.forEach((e, i) => {
    if (!isCheckableSource(e.source) && !eSupport[i]!.some((f) => f.checkable)) unsupported.push({ file: 'enterprises.json', id: e.id });
  });

  const recordYears = new Map<string, number>();
  const fieldYears = new Map<string, number>();
  let before2023 = 0;
  let fieldEstimates = 0;
  for (const r of [...companies, ...enterprises]) {
    bump(recordYears, yearOf(r.asOf));
    if (Number(r.asOf.slice(0, 4)) < 2023) before2023 += 1;
    for (const s of Object.values(r.sources ?? {})) {
      bump(fieldYears, yearOf(s.asOf));
      if (s.estimate === true) fieldEstimates += 1;
    }
  }

  const ties: TieEntry[] = companies.flatMap((c) =>
    (c.ties ?? []).map((t, index) => ({
      company: c.id,
      index,
      type: t.type,
      ...(t.since !== undefined ? { since: t.since } : {}),
      followable: isCheckableSource(t.source),
      ...(t.confidence !== undefined ? { confidence: t.confidence } : {}),
    })),
  );

  const present = new Set<string>();
  for (const e of dataset.enterprises) for (const s of e.segments) present.add(s);
  for (const c of dataset.corrections ?? []) if (c.kind === 'present' || c.kind === 'verified-absent') present.add(c.segment);
  const unverifiedAbsences = dataset.segments.map((s) => s.id).filter((id) => !present.has(id)).sort();

  return {
    dataset: dataset.meta.id,
    asOf: dataset.meta.asOf,
    records: { companies: companies.length, enterprises: enterprises.length },
    recordsWithCheckableField: {
      companies: share(cChecked, companies.length),
      enterprises: share(eChecked, enterprises.length),
      all: share(cChecked + eChecked, companies.length + enterprises.length),
    },
    recordsWithReferenceField: {
      companies: share(cSupport.filter((fs) => fs.some((f) => f.reference)).length, companies.length),
      enterprises: share(eSupport.filter((fs) => fs.some((f) => f.reference)).length, enterprises.length),
    },
    recordsSupported: share(companies.length + enterprises.length - unsupported.length, companies.length + enterprises.length),
    recordsWithCheckableRecordSource: {
      companies: share(companies.filter((c) => isCheckableSource(c.source)).length, companies.length),
      enterprises: share(enterprises.filter((e) => isCheckableSource(e.source)).length, enterprises.length),
    },
    unsupportedRecords: unsupported,
    fields: {
      all: share(all.filter((f) => f.checkable).length, all.length),
      byField: Object.fromEntries([...byField.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, share(v.n, v.of)])),
    },
    ages: { records: sortedRecord(recordYears), fieldSources: sortedRecord(fieldYears), recordsBefore2023: before2023 },
    estimates: {
      revenueEstimated: [...companies, ...enterprises].filter((r) => r.revenueEstimated === true).length,
      fieldSourceEstimates: fieldEstimates,
      lowConfidenceRecords: [...companies, ...enterprises].filter((r) => r.confidence === 'low').length,
      sizeEstimateUnflagged: [
        ...companies.filter(sizeEstimateUnflagged).map((c) => ({ file: 'companies.json', id: c.id })),
        ...enterprises.filter(sizeEstimateUnflagged).map((e) => ({ file: 'enterprises.json', id: e.id })),
      ],
    },
    sizes: {
      companiesWithoutSize: companies.filter((c) => !hasSize(c)).map((c) => c.id),
      sizesWithoutYear: [...companies, ...enterprises].filter((r) => hasSize(r) && r.revenueYear === undefined).length,
    },
    ties: {
      total: ties.length,
      undated: ties.filter((t) => t.since === undefined),
      unfollowable: ties.filter((t) => !t.followable),
      lowConfidence: ties.filter((t) => t.confidence === 'low').length,
    },
    unverifiedAbsences,
    groups: { withParent: companies.filter((c) => c.parent !== undefined).length, withGroup: companies.filter((c) => c.group !== undefined).length },
  };
}

/** A field `validate --strict` reports: present, but no per-field source names a checkable document. */
export interface UnsupportedField {
  readonly file: string;
  readonly id: string;
  readonly field: string;
}

/**
 * What `validate --strict` reports: records no checkable source supports at all, and the size, list and
 * ownership fields (the ones a handbook card quotes) that have no checkable per-field source.
 *
 * @example
 * const s = strictFindings(liaocheng());
 * s.records.length; // records resting only on general knowledge
 */
export function strictFindings(dataset: Dataset): { readonly records: readonly { readonly file: string; readonly id: string }[]; readonly fields: readonly UnsupportedField[] } {
  const report = dataQualityReport(dataset);
  const quoted = new Set<CheckedField>(['size', 'lists', 'ownership', 'listed', 'stockCode', 'ties']);
  const fields = [...dataset.companies.flatMap(companyFieldSupport), ...dataset.enterprises.flatMap(enterpriseFieldSupport)]
    .filter((f) => quoted.has(f.field) && !f.checkable)
    .map((f) => ({ file: f.file, id: f.id, field: f.field }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.id.localeCompare(b.id) || a.field.localeCompare(b.field));
  return { records: report.unsupportedRecords, fields };
}

const pct = (s: Share): string => `${(s.share * 100).toFixed(1)}% (${s.n}/${s.of})`;

/**
 * The report as Markdown, in Chinese or English: for `validate --report` and the handbook appendix.
 *
 * @example
 * renderDataQualityReport(dataQualityReport(liaocheng()), 'zh').startsWith('# 数据质量报告'); // true
 */
export function renderDataQualityReport(r: DataQualityReport, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const t = (a: string, b: string): string => (zh ? a : b);
  const lines: string[] = [];
  lines.push(t(`# 数据质量报告：${r.dataset}（数据截至 ${r.asOf}）`, `# Data-quality report: ${r.dataset} (data as of ${r.asOf})`), '');
  lines.push(t('## 可核对性', '## Checkability'), '');
  lines.push(t('至少有一个字段带可核对的具名来源（逐字段来源、信号或联系各自的来源）的记录：', 'Records with at least one field backed by a checkable named source (per-field source, or each signal’s / tie’s own source):'));
  lines.push(`- ${t('目标企业', 'Companies')}: ${pct(r.recordsWithCheckableField.companies)}`);
  lines.push(`- ${t('本地企业', 'Local enterprises')}: ${pct(r.recordsWithCheckableField.enterprises)}`);
  lines.push(`- ${t('合计', 'All')}: ${pct(r.recordsWithCheckableField.all)}`);
  lines.push(
    `- ${t('其中有字段已由脚本对照项目参考名单（Fortune、A股名单）', 'of which with a field matched by a script against a reference list (Fortune, A-share)')}: ${t('目标企业', 'companies')} ${pct(r.recordsWithReferenceField.companies)}, ${t('本地企业', 'enterprises')} ${pct(r.recordsWithReferenceField.enterprises)}`,
  );
  lines.push(`- ${t('有任一可核对来源（字段级或记录级）的记录', 'Records with any checkable source (field or record level)')}: ${pct(r.recordsSupported)}`);
  lines.push(
    `- ${t('记录级来源可核对（不指明字段）', 'Record-level source checkable (field not named)')}: ${t('目标企业', 'companies')} ${pct(r.recordsWithCheckableRecordSource.companies)}, ${t('本地企业', 'enterprises')} ${pct(r.recordsWithCheckableRecordSource.enterprises)}`,
  );
  lines.push(`- ${t('没有任何可核对来源的记录', 'Records with no checkable source at all')}: ${r.unsupportedRecords.length}`);
  lines.push('', t(`字段（共 ${r.fields.all.of} 个）中有可核对来源的：${pct(r.fields.all)}`, `Fields with a checkable source: ${pct(r.fields.all)}`), '');
  lines.push(t('| 字段 | 可核对 |', '| Field | Checkable |'), '|---|---|');
  for (const [k, v] of Object.entries(r.fields.byField)) lines.push(`| ${k} | ${pct(v)} |`);
  lines.push('', t('## 时效', '## Age'), '');
  lines.push(t('记录 asOf 年份：', 'Record asOf years: ') + Object.entries(r.ages.records).map(([y, n]) => `${y}: ${n}`).join(', '));
  lines.push(t('逐字段来源 asOf 年份：', 'Per-field source asOf years: ') + (Object.entries(r.ages.fieldSources).map(([y, n]) => `${y}: ${n}`).join(', ') || '—'));
  lines.push(t(`2023 年以前的记录：${r.ages.recordsBefore2023}`, `Records dated before 2023: ${r.ages.recordsBefore2023}`));
  lines.push('', t('## 估计值', '## Estimates'), '');
  lines.push(`- ${t('收入标为估计（revenueEstimated）', 'Revenue marked estimated')}: ${r.estimates.revenueEstimated}`);
  lines.push(`- ${t('逐字段来源标为估计', 'Per-field sources marked estimate')}: ${r.estimates.fieldSourceEstimates}`);
  lines.push(`- ${t('低可信度记录', 'Low-confidence records')}: ${r.estimates.lowConfidenceRecords}`);
  const unflagged = r.estimates.sizeEstimateUnflagged;
  lines.push(
    `- ${t('规模来源标为估计、记录却未标 revenueEstimated（会被当作事实使用）', 'Size source marked estimate but record not marked revenueEstimated (used as if a fact)')}: ${unflagged.length}` +
      (unflagged.length > 0 ? `（${unflagged.slice(0, 10).map((x) => x.id).join(', ')}${unflagged.length > 10 ? ' …' : ''}）` : ''),
  );
  lines.push('', t('## 规模', '## Size'), '');
  lines.push(`- ${t('无收入也无区间的目标企业', 'Companies with neither revenue nor band')}: ${r.sizes.companiesWithoutSize.length}${r.sizes.companiesWithoutSize.length > 0 ? ` (${r.sizes.companiesWithoutSize.join(', ')})` : ''}`);
  lines.push(`- ${t('规模未注明年份的记录', 'Sizes without a year')}: ${r.sizes.sizesWithoutYear}`);
  lines.push('', t('## 与本地的联系', '## Ties'), '');
  lines.push(`- ${t('联系总数', 'Ties')}: ${r.ties.total}`);
  lines.push(`- ${t('未注明日期（since）', 'Undated (no since)')}: ${r.ties.undated.length}${r.ties.undated.length > 0 ? ` (${r.ties.undated.map((x) => `${x.company}#${x.index}`).join(', ')})` : ''}`);
  lines.push(`- ${t('来源无法追溯', 'Source not followable')}: ${r.ties.unfollowable.length}${r.ties.unfollowable.length > 0 ? ` (${r.ties.unfollowable.map((x) => `${x.company}#${x.index}`).join(', ')})` : ''}`);
  lines.push(`- ${t('标为低可信度', 'Marked low confidence')}: ${r.ties.lowConfidence}`);
  lines.push('', t('## 未核实的缺失', '## Unverified absences'), '');
  lines.push(
    t(
      `未见本地企业记录、也没有更正层"存在/核实缺失"说明的环节：${r.unverifiedAbsences.length} 个（是"未见记录"，不是"本地空白"）`,
      `Segments with no local enterprise record and no present / verified-absent correction: ${r.unverifiedAbsences.length} (not seen in the data, not verified absent)`,
    ),
  );
  lines.push('', t('## 集团关系', '## Groups'), '');
  lines.push(`- ${t('标明母公司（parent）的目标企业', 'Companies with parent')}: ${r.groups.withParent}; ${t('标明所属集团（group）', 'with group')}: ${r.groups.withGroup}`);
  return `${lines.join('\n')}\n`;
}

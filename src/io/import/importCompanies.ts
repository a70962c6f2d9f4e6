import { createKeywordTagger } from '../../match/createKeywordTagger.js';
import { dedupe } from '../../match/dedupe.js';
import { placeListFor } from '../../match/internal/companyKey.js';
import type { Company } from '../../schema/company.js';
import { createPlaceResolver } from './createPlaceResolver.js';
import { fieldColumns } from './fieldColumns.js';
import { rejectText } from './importMessages.js';
import { resolveImportOptions, type ImportOptions, type ResolvedImportOptions } from './importOptions.js';
import { parseUnit } from './parseUnit.js';
import { readSource, type ImportSource } from './readSource.js';
import { rowToCompany, type RowContext } from './rowToCompany.js';
import { selectTable } from './selectTable.js';
import type { ImportResult, ImportTag, MergedRow, RejectedRow } from './types.js';
import { warningLog, type WarningLog } from './warningLog.js';

/**
 * Import a company list (企查查 / 天眼查 / 启信宝 exports, 500强 or 专精特新 lists) from CSV, XLSX or JSON
 * — a path, the bytes, or rows — into valid `Company` records. Headers are mapped (built-in Chinese and
 * English aliases, overridden by `mapping`); text is decoded (UTF-8 with or without BOM, GB18030/GBK,
 * Big5), width-normalised, and matched in simplified characters (originals kept); amounts ('5,000万元',
 * '1.2亿', 'US$95m') become 亿元; HQs are matched to the dataset's cities; duplicates are merged within
 * the file and into the dataset's companies; companies without segments are tagged (挂链). Every data
 * row is accepted, merged or rejected with a reason: `stats.rows = accepted + merged + rejected`.
 *
 * @param source - a file path, file bytes (give `format` or `fileName` when the bytes are ambiguous), or rows
 * @param options - see `ImportOptionsSchema`; `asOf` or `dataset` is required
 * @returns companies, rejected rows (row, column, value, code, zh/en message), merges, warnings, stats, tags, meta
 * @throws {UsageError} OPTIONS_INVALID for bad options
 * @throws {ChainTargetingError} IMPORT_FAILED when the file cannot be read as a table with a company-name column
 * @example
 * const r = await importCompanies('targets.xlsx', { dataset: liaocheng() });
 * r.stats; // { rows: 120, accepted: 110, merged: 4, rejected: 6 }
 */
export async function importCompanies(source: ImportSource, options?: ImportOptions): Promise<ImportResult> {
  const o = resolveImportOptions(options);
  const read = await readSource(source, o);
  const table = selectTable(read.sheets, o);
  const log = warningLog();
  for (const w of [...read.warnings, ...table.warnings]) log.add(w.code, undefined, w.value, w.count ?? 1, w.detail);
  const columns = fieldColumns(table.plans);
  const unknown = table.plans.filter((p) => p.field === 'unknown' && p.header.trim().length > 0);
  if (unknown.length > 0) log.add('unknown-column', undefined, undefined, unknown.length, unknown.map((p) => p.header).join(', '));
  if (columns.duplicates.length > 0) log.add('duplicate-column', undefined, undefined, columns.duplicates.length, columns.duplicates.join('; '));

  const ctx = rowContext(o, read.fileName, columns);
  const rejected: RejectedRow[] = [];
  const accepted: { company: Company; row: number; creditCode: string | undefined }[] = [];
  for (const raw of table.rows) {
    const out = rowToCompany(raw, ctx);
    for (const n of out.notes) log.add(n.code, raw.row, n.value);
    if (out.kind === 'company') {
      accepted.push({ company: out.company, row: raw.row, creditCode: out.creditCode });
      continue;
    }
    for (const p of out.problems) {
      const t = rejectText(p.code, { column: p.column, value: p.value, ...(p.detail !== undefined ? { detail: p.detail } : {}) });
      rejected.push({ row: raw.row, column: p.column, value: p.value, code: p.code, message: t.en, messageZh: t.zh });
    }
  }
  const { companies, merged, rows } = mergeDuplicates(accepted, o, log);
  const tags = tagCompanies(companies, rows, o, log);
  return {
    companies,
    rejected,
    merged,
    warnings: log.list(),
    stats: { rows: table.rows.length, accepted: rows.filter((r) => r !== undefined).length, merged: merged.length, rejected: new Set(rejected.map((r) => r.row)).size },
    tags,
    meta: {
      fileName: read.fileName,
      format: read.format,
      ...(read.encoding !== undefined ? { encoding: read.encoding } : {}),
      ...(table.sheet.name !== undefined ? { sheet: table.sheet.name } : {}),
      headerRow: table.headerRow,
      columns: table.plans.map((p) => ({ header: p.header, field: p.field, ...(p.unit ? { unit: p.unit.label } : {}), ...(p.year !== undefined ? { year: p.year } : {}) })),
      asOf: o.asOf,
      exchangeRates: { ...o.exchangeRates },
      defaultUnit: o.defaultUnit,
    },
  };
}

function rowContext(o: ResolvedImportOptions, fileName: string, columns: RowContext['columns']): RowContext {
  const segmentIds = new Map<string, string>();
  for (const s of o.dataset?.segments ?? []) {
    for (const k of [s.id, s.name, s.nameEn]) if (!segmentIds.has(k.toLowerCase())) segmentIds.set(k.toLowerCase(), s.id);
  }
  return {
    options: o,
    fileName,
    columns,
    places: placeListFor(o.dataset?.cities.map((c) => c.name)),
    resolver: createPlaceResolver(o.dataset?.cities),
    segmentIds,
    defaultUnit: parseUnit(o.defaultUnit)!,
    rates: o.exchangeRates,
    pinyinCache: new Map(),
  };
}

/**
 * Merge duplicates (within the file, then into the dataset's companies), make ids unique, and map
 * merges back to rows. `rows[k]` is the row of output company k, or undefined for a dataset company.
 */
function mergeDuplicates(
  accepted: readonly { company: Company; row: number; creditCode: string | undefined }[],
  o: ResolvedImportOptions,
  log: WarningLog,
): { companies: Company[]; merged: MergedRow[]; rows: (number | undefined)[] } {
  const list = accepted.map((a) => a.company);
  const d = o.dedupe
    ? dedupe(list, {
        ...(o.dataset ? { against: o.dataset.companies, places: o.dataset.cities.map((c) => c.name) } : {}),
        registrationIds: accepted.map((a) => a.creditCode),
      })
    : { companies: list, updated: [], merges: [], possible: [] };
  for (const p of d.possible) log.add('possible-duplicate', accepted[p.index]!.row, `${accepted[p.index]!.company.name} ~ ${p.other}`);
  const mergedAway = new Set(d.merges.map((m) => m.index));
  const survivorsAt = accepted.map((_, k) => k).filter((k) => !mergedAway.has(k));
  // Unique ids: a generated id already used (by the dataset or an earlier row) gets -2, -3 …
  const taken = new Set((o.dataset?.companies ?? []).map((c) => c.id));
  const finalId = new Map<number, string>();
  const companies = d.companies.map((c, n) => {
    let id = c.id;
    for (let k = 2; taken.has(id); k++) id = `${c.id}-${k}`;
    taken.add(id);
    finalId.set(survivorsAt[n]!, id);
    if (id !== c.id) log.add('id-renamed', accepted[survivorsAt[n]!]!.row, `${c.id} → ${id}`);
    return id === c.id ? c : { ...c, id };
  });
  const merged: MergedRow[] = d.merges.map((m) => ({
    row: accepted[m.index]!.row,
    into: m.intoIndex !== undefined ? (finalId.get(m.intoIndex) ?? m.into) : m.into,
    intoRow: m.intoIndex !== undefined ? accepted[m.intoIndex]!.row : undefined,
    confidence: m.confidence,
    reason: m.reason,
  }));
  return {
    companies: [...companies, ...d.updated],
    merged,
    rows: [...survivorsAt.map((k) => accepted[k]!.row), ...d.updated.map(() => undefined)],
  };
}

/** Tag (挂链) companies that have no segments, in place in the output list; returns the evidence per company. */
function tagCompanies(companies: Company[], rows: readonly (number | undefined)[], o: ResolvedImportOptions, log: WarningLog): ImportTag[] {
  if (!o.tag || o.dataset === undefined) return [];
  const tagger = createKeywordTagger(o.dataset, o.tagOptions);
  const tags: ImportTag[] = [];
  companies.forEach((c, k) => {
    if (c.segments !== undefined && c.segments.length > 0) return;
    const { segments: candidates, industries } = tagger.classify(c);
    const row = rows[k];
    if (row !== undefined) tags.push({ id: c.id, row, candidates, industries });
    const confirmed = candidates.filter((x) => x.status === 'confirmed').map((x) => x.segment);
    if (confirmed.length > 0) companies[k] = { ...c, segments: confirmed };
    else log.add('untagged', row, c.name);
  });
  return tags;
}

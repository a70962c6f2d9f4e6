import { dedupe } from '../../match/dedupe.js';
import { placeListFor } from '../../match/companyKey.js';
import { createPlacer } from '../../match/placement/createPlacer.js';
import type { Company } from '../../schema/company.js';
import type { Dataset } from '../../schema/dataset.js';
import { createPlaceResolver } from './createPlaceResolver.js';
import { fieldColumns } from './fieldColumns.js';
import { rejectText } from './importMessages.js';
import { resolveImportOptions, type ImportOptions, type ResolvedImportOptions } from './importOptions.js';
import { parseUnit } from './parseUnit.js';
import { readSource, type ImportSource, type SourceTables } from './readSource.js';
import { importReport } from './importReport.js';
import { rowToCompany, type RowContext, type RowNote } from './rowToCompany.js';
import { selectTable } from './selectTable.js';
import type { ImportResult, ImportTag, MergedRow, RejectedRow } from './types.js';
import { warningLog, type WarningLog } from './warningLog.js';

/**
 * Import a company list (企查查 / 天眼查 / 启信宝 exports, 500强 or 专精特新 lists) from CSV, XLSX or JSON
 * — a path, the bytes, or rows — into valid `Company` records. Headers are mapped (built-in Chinese and
 * English aliases, overridden by `mapping`); text is decoded (UTF-8 with or without BOM, GB18030/GBK,
 * Big5), width-normalised, and matched in simplified characters (originals kept); amounts ('5,000万元',
 * '1.2亿', 'US$95m') become 亿元; HQs are matched to the dataset's cities; duplicates are merged within
 * the file and into the dataset's companies; every company is placed on the chains (挂链, see `createPlacer`) with
 * its evidence, and companies outside every chain are marked off-chain. Every data row is accounted for:
 * `stats.rows = accepted + merged + rejected + offChain` (local enterprises are counted within accepted).
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
  const log = warningLog();
  // Rows are read and turned into companies in `convertRows`; its raw cells (and a CSV's decoded text, which they are
  // slices of) are let go before duplicates are merged and companies placed, the import's other large steps.
  const { rejected, accepted, notesByRow, rowNumbers, meta } = convertRows(await readSource(source, o), o, log);
  const { companies, merged, rows } = mergeDuplicates(accepted, o, log);
  const { tags, offChain } = placeCompanies(companies, rows, o, log);
  const imported = rows.filter((r) => r !== undefined).length;
  return {
    companies,
    rejected,
    merged,
    report: importReport(rowNumbers, { companies, rows, offChain, rejected, merged, notesByRow }),
    warnings: log.list(),
    stats: {
      rows: rowNumbers.length,
      accepted: imported - offChain.size,
      merged: merged.length,
      rejected: new Set(rejected.map((r) => r.row)).size,
      offChain: offChain.size,
      local: companies.filter((c, k) => rows[k] !== undefined && c.local === true && !offChain.has(k)).length,
    },
    tags,
    meta: { ...meta, asOf: o.asOf, exchangeRates: { ...o.exchangeRates }, defaultUnit: o.defaultUnit },
  };
}

/** What `convertRows` keeps of the rows: companies and rejections by row, row numbers, and how the file was read. */
interface ConvertedRows {
  readonly rejected: RejectedRow[];
  readonly accepted: { company: Company; row: number; creditCode: string | undefined }[];
  readonly notesByRow: Map<number, readonly RowNote[]>;
  readonly rowNumbers: readonly number[];
  readonly meta: Omit<ImportResult['meta'], 'asOf' | 'exchangeRates' | 'defaultUnit'>;
}

/** Select the table, map its columns and turn each data row into a company or rejections; nothing of the raw rows is kept. */
function convertRows(read: SourceTables, o: ResolvedImportOptions, log: WarningLog): ConvertedRows {
  const table = selectTable(read.sheets, o);
  for (const w of [...read.warnings, ...table.warnings]) log.add(w.code, undefined, w.value, w.count ?? 1, w.detail);
  const columns = fieldColumns(table.plans);
  const unknown = table.plans.filter((p) => p.field === 'unknown' && p.header.trim().length > 0);
  if (unknown.length > 0) log.add('unknown-column', undefined, undefined, unknown.length, unknown.map((p) => p.header).join(', '));
  if (columns.duplicates.length > 0) log.add('duplicate-column', undefined, undefined, columns.duplicates.length, columns.duplicates.join('; '));

  const ctx = rowContext(o, read.fileName, columns);
  const rejected: RejectedRow[] = [];
  const accepted: { company: Company; row: number; creditCode: string | undefined }[] = [];
  const notesByRow = new Map<number, readonly RowNote[]>();
  for (const raw of table.rows) {
    const out = rowToCompany(raw, ctx);
    // Notes say what happened to a kept row's cells (按省级保留, 单位按万元 …): a rejected row has only its reasons.
    const notes = out.kind === 'company' ? out.notes : [];
    for (const n of notes) log.add(n.code, raw.row, n.value);
    if (notes.length > 0) notesByRow.set(raw.row, notes);
    if (out.kind === 'company') {
      accepted.push({ company: out.company, row: raw.row, creditCode: out.creditCode });
      continue;
    }
    for (const p of out.problems) {
      const t = rejectText(p.code, { column: p.column, value: p.value, ...(p.detail !== undefined ? { detail: p.detail } : {}) });
      rejected.push({ row: raw.row, name: out.name ?? '', column: p.column, value: p.value, code: p.code, message: t.en, messageZh: t.zh });
    }
  }
  return {
    rejected,
    accepted,
    notesByRow,
    rowNumbers: table.rows.map((r) => r.row),
    meta: {
      fileName: read.fileName,
      format: read.format,
      ...(read.encoding !== undefined ? { encoding: read.encoding } : {}),
      ...(table.sheet.name !== undefined ? { sheet: table.sheet.name } : {}),
      headerRow: table.headerRow,
      columns: table.plans.map((p) => ({ header: p.header, field: p.field, ...(p.unit ? { unit: p.unit.label } : {}), ...(p.year !== undefined ? { year: p.year } : {}) })),
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
    ...(o.dataset !== undefined ? { home: homeOf(o.dataset) } : {}),
  };
}

/**
 * The home city and every place of the dataset under it (its districts, counties, county-level cities such as
 * 临清市, parks): a row resolved to any of them is a local enterprise.
 */
function homeOf(dataset: Dataset): { province: string; city: string; places: ReadonlySet<string> } {
  const { province, city } = dataset.meta.home;
  const places = new Set([city, ...dataset.cities.filter((c) => c.province === province && c.parent === city).map((c) => c.name)]);
  return { province, city, places };
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
  for (const m of d.merges) if (m.intoIndex === undefined) log.add('merged-newer-values', accepted[m.index]!.row, m.into);
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
    name: accepted[m.index]!.company.name,
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

/**
 * Place (挂链) every imported company, in place in the output list: industries (main first), confirmed segments
 * (kept when the row named its segments), and the placement with its evidence. Dataset companies that received a
 * merge keep their curated placement. Returns the tagging evidence per row and the positions of off-chain companies.
 */
function placeCompanies(companies: Company[], rows: readonly (number | undefined)[], o: ResolvedImportOptions, log: WarningLog): { tags: ImportTag[]; offChain: Set<number> } {
  const offChain = new Set<number>();
  if (!o.tag || o.dataset === undefined) return { tags: [], offChain };
  const placer = createPlacer(o.dataset, o.concordances, { ...(o.placementOptions ?? {}), ...(o.tagOptions !== undefined ? { tagOptions: o.tagOptions } : {}) });
  const tags: ImportTag[] = [];
  companies.forEach((c, k) => {
    const row = rows[k];
    if (row === undefined) return;
    const p = placer.place(c);
    tags.push({ id: c.id, row, candidates: p.candidates, industries: p.industryCandidates });
    const given = c.segments !== undefined && c.segments.length > 0;
    const placement = given
      ? { status: 'confirmed' as const, score: 1, evidence: c.segments!.map((s) => ({ field: 'segments', text: s, matched: s })) }
      : { status: p.status, score: p.score, evidence: [...p.evidence] };
    const industries = given ? [...new Set(c.segments!.map((s) => o.dataset!.segments.find((x) => x.id === s)?.industry).filter((x): x is string => x !== undefined))] : [...p.industries];
    const next: Company = { ...c, placement };
    if (industries.length > 0) next.industries = industries;
    if (!given && p.segments.length > 0) next.segments = [...p.segments];
    companies[k] = next;
    if (placement.status === 'off-chain') {
      offChain.add(k);
      log.add('off-chain', row, c.name);
    } else if (!given && p.segments.length === 0) {
      log.add(industries.length > 0 ? 'placed-industry-only' : 'untagged', row, c.name);
    }
  });
  return { tags, offChain };
}

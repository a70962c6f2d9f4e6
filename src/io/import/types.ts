import type { Company } from '../../schema/company.js';
import type { IndustryCandidate, MergeConfidence, MergeReason, SegmentCandidate } from '../../match/types.js';

/** A column's meaning after header mapping. `ignore` columns are known but not imported (phone numbers, personal names). */
export type ImportField =
  | 'id'
  | 'name'
  | 'nameEn'
  | 'aliases'
  | 'creditCode'
  | 'founded'
  | 'registeredCapital'
  | 'province'
  | 'city'
  | 'county'
  | 'address'
  | 'industryCode'
  | 'gbSection'
  | 'gbDivision'
  | 'gbGroup'
  | 'gbClass'
  | 'gbIndustry'
  | 'swL1'
  | 'swL2'
  | 'swL3'
  | 'swIndustry'
  | 'csrcIndustry'
  | 'businessScope'
  | 'companyType'
  | 'status'
  | 'listed'
  | 'stockCode'
  | 'revenue'
  | 'revenueYear'
  | 'employees'
  | 'products'
  | 'lists'
  | 'segments'
  | 'website'
  | 'note'
  | 'ignore';

/** Why a row was not imported. */
export type RejectCode =
  | 'empty-row'
  | 'total-row'
  | 'header-row'
  | 'malformed-row'
  | 'missing-name'
  | 'invalid-name'
  | 'formula-in-cell'
  | 'inactive-company'
  | 'invalid-amount'
  | 'negative-amount'
  | 'absurd-amount'
  | 'missing-location'
  | 'invalid-record';

/** Something the analyst should know that did not stop a row. */
export type ImportWarningCode =
  | 'unknown-column'
  | 'duplicate-column'
  | 'title-rows-skipped'
  | 'trailing-empty-rows'
  | 'other-sheets'
  | 'encoding-guessed'
  | 'encoding-replaced'
  | 'quotes-repaired'
  | 'formula-result-used'
  | 'formula-ignored'
  | 'unit-assumed'
  | 'ownership-assumed'
  | 'unknown-city'
  | 'invalid-date'
  | 'invalid-value-dropped'
  | 'unknown-segment'
  | 'unknown-list'
  | 'id-renamed'
  | 'possible-duplicate'
  | 'untagged'
  | 'province-only-hq'
  | 'local-enterprise'
  | 'off-chain'
  | 'placed-industry-only'
  | 'sheet-picked'
  | 'merged-newer-values';

/** A row (or one cell of it) that was not imported, with where, what and why. */
export interface RejectedRow {
  /** Row number as the analyst sees it: the spreadsheet row (CSV/XLSX, header included), or the record number (JSON/rows), 1-based. */
  readonly row: number;
  /** The company name as written in the row ('' when the row has none). */
  readonly name: string;
  /** The column header, or '' when the whole row is at fault. */
  readonly column: string;
  /** The offending value (a cell, or the start of the row). */
  readonly value: string;
  readonly code: RejectCode;
  readonly message: string;
  readonly messageZh: string;
}

/** A warning, aggregated by code: the first rows it concerns and how many. */
export interface ImportWarning {
  readonly code: ImportWarningCode;
  readonly message: string;
  readonly messageZh: string;
  /** Rows concerned (at most 20, ascending); empty for file-level warnings. */
  readonly rows: readonly number[];
  readonly count: number;
}

/** A row that was merged into another company (a duplicate). */
export interface MergedRow {
  readonly row: number;
  /** The company name as written in the row. */
  readonly name: string;
  /** Id of the company it merged into. */
  readonly into: string;
  /** Row of that company when it came from the same file; undefined when it is a dataset company. */
  readonly intoRow: number | undefined;
  readonly confidence: MergeConfidence;
  readonly reason: MergeReason;
}

/** Row counts: `rows = accepted + merged + rejected + offChain`, always. */
export interface ImportStats {
  /** Data rows read (title rows and trailing blank rows excluded; see warnings). */
  readonly rows: number;
  /** Rows that became a new company on (or possibly on) the city's chains. */
  readonly accepted: number;
  /** Rows merged into another row's company or a dataset company. */
  readonly merged: number;
  /** Rows not imported (see `rejected` for every reason). */
  readonly rejected: number;
  /** Rows whose company lies outside every chain (finance, property, media …): kept in `companies`, left out of ranking by default. */
  readonly offChain: number;
  /** Of the accepted rows, those headquartered in the home city: local enterprises (以商招商 resources), not targets. */
  readonly local: number;
}

/** Placement (挂链) evidence of one imported company: segment and industry candidates. */
export interface ImportTag {
  readonly id: string;
  readonly row: number;
  readonly candidates: readonly SegmentCandidate[];
  /** Industry candidates, also from industry-level hints (useful when no segment keyword matched). */
  readonly industries: readonly IndustryCandidate[];
}

/** A column as understood. */
export interface ImportColumn {
  readonly header: string;
  readonly field: ImportField | 'unknown';
  /** Amount unit taken from the header or the mapping, e.g. '万元'. */
  readonly unit?: string;
  /** Year taken from the header, e.g. 2023 in '2023年营业收入'. */
  readonly year?: number;
}

/** What was read and with which settings. */
export interface ImportMeta {
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx' | 'json' | 'rows';
  readonly encoding?: string;
  readonly sheet?: string;
  /** Row number of the header (0 for JSON/rows). */
  readonly headerRow: number;
  readonly columns: readonly ImportColumn[];
  readonly asOf: string;
  /** CNY per unit of foreign currency used for amounts. */
  readonly exchangeRates: Readonly<Record<string, number>>;
  readonly defaultUnit: string;
}

/** What became of a row: a new target, a local enterprise, an off-chain company, a merge, or a rejection. */
export type RowOutcomeKind = 'accepted' | 'local' | 'off-chain' | 'merged' | 'rejected';

/**
 * One line of the import report: every data row has at least one (its outcome), plus one per problem or warning
 * about it. Written by the CLI as a CSV that opens in Excel (行号, 企业名称, 结果, 列, 值, 问题, 说明).
 */
export interface ImportReportRow {
  readonly row: number;
  readonly name: string;
  readonly outcome: RowOutcomeKind;
  readonly column: string;
  readonly value: string;
  /** A reject code, a warning code, or the placement status ('placed', 'placed-industry', 'unplaced', 'off-chain', 'merged-…'). */
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
}

/** Result of `importCompanies`. Every data row is accepted, merged or rejected; nothing is dropped silently. */
export interface ImportResult {
  /** Valid `Company` records: new ones in row order, then dataset companies that received merges. */
  readonly companies: Company[];
  readonly rejected: RejectedRow[];
  readonly merged: MergedRow[];
  readonly warnings: ImportWarning[];
  readonly stats: ImportStats;
  readonly tags: ImportTag[];
  /** Every row's outcome and every row-level problem or warning, in row order (see `ImportReportRow`). */
  readonly report: ImportReportRow[];
  readonly meta: ImportMeta;
}

import type { BenchCase } from './common.js';
import { rankDuckdb10M, rankDuckdb1M, rankDuckdbCities1M } from './duckdb.js';
import { handbookPdfS } from './handbookPdf.js';
import { gapsBetweenness, gapsL, gapsM, gapsS } from './gaps.js';
import { importM, importS } from './importing.js';
import { importMemoryCsv, importMemoryXlsx } from './importMemory.js';
import { loadL, loadM, loadS } from './load.js';
import { matchL, matchS } from './matching.js';
import { placementEvalHoldout } from './placementEval.js';
import { rankL, rankM, rankS } from './ranking.js';
import { scaleGaps, scaleRanking } from './scaling.js';
import { handbookS, opportunityS, whatifS } from './smallStages.js';
import { startS } from './start.js';

/** Every case, in run order: small first, then M, L and the scaling series. */
export const CASES: readonly BenchCase[] = [
  loadS, gapsS, rankS, whatifS, opportunityS, handbookS, handbookPdfS, startS, importS, matchS, placementEvalHoldout,
  loadM, gapsM, rankM, importM, importMemoryCsv, importMemoryXlsx,
  loadL, gapsL, gapsBetweenness, rankL, matchL,
  scaleGaps, scaleRanking,
  rankDuckdb1M, rankDuckdb10M, rankDuckdbCities1M,
];

/** A case by id. */
export function caseById(id: string): BenchCase | undefined {
  return CASES.find((c) => c.id === id);
}

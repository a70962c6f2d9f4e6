import * as z from 'zod';
import { City } from './city.js';
import { Company } from './company.js';
import { Correction } from './correction.js';
import { DatasetMeta } from './datasetMeta.js';
import { Enterprise } from './enterprise.js';
import { Industry } from './industry.js';
import { LearnedWeightsFile } from './learnedWeights.js';
import { Link } from './link.js';
import { Outcome } from './outcome.js';
import { Park } from './parks.js';
import { Policy } from './policies.js';
import { Project } from './projects.js';
import { Segment } from './segment.js';

/** The schema of each file of a dataset directory, by file name. */
export const DATASET_FILES = {
  'dataset.json': DatasetMeta,
  'industries.json': z.array(Industry),
  'segments.json': z.array(Segment),
  'links.json': z.array(Link),
  'enterprises.json': z.array(Enterprise),
  'companies.json': z.array(Company),
  'cities.json': z.array(City),
  'corrections.json': z.array(Correction),
  'projects.json': z.array(Project),
  'parks.json': z.array(Park),
  'policies.json': z.array(Policy),
  'outcomes.json': z.array(Outcome),
  'learned-weights.json': LearnedWeightsFile,
} as const;

/** A file name of a dataset directory. */
export type DatasetFileName = keyof typeof DATASET_FILES;

/** Files that may be absent (an empty list is used). */
export const OPTIONAL_DATASET_FILES: readonly DatasetFileName[] = ['companies.json', 'corrections.json', 'projects.json', 'parks.json', 'policies.json', 'outcomes.json', 'learned-weights.json'];

/**
 * A whole dataset as plain data: the parsed files. Produced by `loadDataset`, `parseDataset` or
 * `liaocheng()`; every function downstream takes it and never mutates it.
 */
export const DatasetSchema = z.object({
  meta: DatasetMeta,
  industries: z.array(Industry),
  segments: z.array(Segment),
  links: z.array(Link),
  enterprises: z.array(Enterprise),
  companies: z.array(Company),
  cities: z.array(City),
  corrections: z.array(Correction).optional(),
  projects: z.array(Project).optional(),
  parks: z.array(Park).optional(),
  policies: z.array(Policy).optional(),
  outcomes: z.array(Outcome).optional(),
  learnedWeights: LearnedWeightsFile.optional(),
});

/** A validated dataset (see `DatasetSchema`). */
export interface Dataset {
  readonly meta: DatasetMeta;
  readonly industries: readonly Industry[];
  readonly segments: readonly Segment[];
  readonly links: readonly Link[];
  readonly enterprises: readonly Enterprise[];
  readonly companies: readonly Company[];
  readonly cities: readonly City[];
  /** The 链长 office's corrections (`corrections.json`, optional; issue 14): read by the gap analysis. */
  readonly corrections?: readonly Correction[];
  /** 重点项目 (`projects.json`, optional; issue 18): shown in the handbook's 重点项目清单. */
  readonly projects?: readonly Project[];
  /** Parks and carriers (`parks.json`, optional; issue 18). */
  readonly parks?: readonly Park[];
  /** Policies (`policies.json`, optional; issue 18). */
  readonly policies?: readonly Policy[];
  /** The bureau's pipeline history (`outcomes.json`, optional; issue 15): read by the backtest and the learned weights. */
  readonly outcomes?: readonly Outcome[];
  /** Weights learned from backtest outcomes, with their provenance (`learned-weights.json`, optional; issue 15): used only when asked for (`weights: 'learned'`). */
  readonly learnedWeights?: LearnedWeightsFile;
}

/** Which dataset key each file fills. */
export const FILE_TO_KEY: Readonly<Record<DatasetFileName, keyof Dataset>> = {
  'dataset.json': 'meta',
  'industries.json': 'industries',
  'segments.json': 'segments',
  'links.json': 'links',
  'enterprises.json': 'enterprises',
  'companies.json': 'companies',
  'cities.json': 'cities',
  'corrections.json': 'corrections',
  'projects.json': 'projects',
  'parks.json': 'parks',
  'policies.json': 'policies',
  'outcomes.json': 'outcomes',
  'learned-weights.json': 'learnedWeights',
};

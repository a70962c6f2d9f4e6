import { join } from 'node:path';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import type { Dataset } from '../../src/schema/index.js';
import { generateDataset, SIZES } from '../generate/dataset.js';
import { timeOnce, measureRow, type BenchCase } from './common.js';

const STAGE = 'load + validate' as const;
const DATA_DIR = join(import.meta.dirname, '..', '..', 'data', 'liaocheng');

function counts(ds: Dataset): Record<string, number> {
  return { companies: ds.companies.length, segments: ds.segments.length, links: ds.links.length, enterprises: ds.enterprises.length };
}

/** load.S: `loadDataset('data/liaocheng')` — read the seven JSON files, parse, validate, check references. */
export const loadS: BenchCase = {
  id: 'load.S',
  size: 'S',
  stage: STAGE,
  title: 'load + validate 聊城 from data/liaocheng',
  async execute() {
    const { result } = await measureRow(
      { id: 'load.S', stage: STAGE, size: 'S', label: 'loadDataset(data/liaocheng): read files + zod + references' },
      () => loadDataset(DATA_DIR),
      { warmup: 2, minRuns: 10, maxRuns: 30, budgetMs: 3_000 },
      counts,
    );
    return { results: [result] };
  },
};

function generatedLoad(size: 'M' | 'L'): BenchCase {
  const id = `load.${size}`;
  return {
    id,
    size,
    stage: STAGE,
    title: `load + validate a generated ${size} dataset`,
    async execute() {
      const [raw, genMs] = timeOnce(() => generateDataset(SIZES[size]));
      const plan = size === 'L' ? { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 } : { warmup: 1, minRuns: 3, maxRuns: 7, budgetMs: 5_000 };
      const { result } = await measureRow(
        { id, stage: STAGE, size, label: `parseDataset (in memory): zod per record + references, ${SIZES[size].companies.toLocaleString('en')} companies` },
        () => parseDataset(raw),
        plan,
        (ds) => ({ ...counts(ds), generateMs: Math.round(genMs) }),
      );
      return { results: [result] };
    },
  };
}

export const loadM = generatedLoad('M');
export const loadL = generatedLoad('L');

import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../../src/io/loadDataset.js';
import type { Dataset } from '../../../src/schema/dataset.js';

/** Absolute path of a file under test/fixtures/import/. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));

/** The small hand-made dataset of the import tests (5 segments, 12 places, one known company: catl). */
export const importDataset = (): Promise<Dataset> => loadDataset(fixture('dataset'));

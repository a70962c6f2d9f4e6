import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { ImportResult } from '../../../src/io/import/types.js';
import { writeLargeCsv, type LargeCsv } from '../../fixtures/import/make-fixtures.js';
import { importDataset } from './helpers.js';

// The 20 MB file is generated into a temporary directory (never committed); see make-fixtures.ts for its rules.
describe('a 20 MB export', () => {
  let dir: string;
  let written: LargeCsv;
  let r: ImportResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-import-'));
    written = await writeLargeCsv(join(dir, 'big.csv'));
    r = await importCompanies(join(dir, 'big.csv'), { dataset: await importDataset() });
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is at least 20 MB and every row is accepted, merged or rejected', () => {
    expect(written.bytes).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(r.stats.rows).toBe(written.rows);
    expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(r.stats.rows);
    expect(r.companies.length).toBe(r.stats.accepted);
  });

  it('rejects exactly the bad rows, with their codes', () => {
    expect(r.rejected.map((x) => ({ row: x.row, code: x.code }))).toEqual(written.rejected);
  });

  it('keeps rows whose revenue is impossible, dropping the value with a row warning', () => {
    const w = r.warnings.find((x) => x.code === 'invalid-value-dropped')!;
    expect(w.count).toBe(written.dropped.length);
    expect(w.rows).toEqual(written.dropped.slice(0, 20));
  });

  it('merges exactly the repeated companies into their first row', () => {
    expect(r.merged.map((m) => ({ row: m.row, intoRow: m.intoRow }))).toEqual(written.merged);
    expect(r.merged.every((m) => m.confidence === 'medium' && m.reason === 'same-key')).toBe(true);
  });
});

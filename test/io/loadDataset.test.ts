import { describe, expect, it } from 'vitest';
import { DatasetError, UsageError, type DataIssue } from '../../src/errors.js';
import { loadDataset, safeLoadDataset } from '../../src/io/loadDataset.js';
import { fixtureDir } from '../helpers/fixtures.js';

async function issuesOf(name: string): Promise<DataIssue[]> {
  const r = await safeLoadDataset(fixtureDir(name));
  expect(r.success).toBe(false);
  return r.success ? [] : [...r.error.issues];
}

const where = (i: DataIssue): string => `${i.code} ${i.file}#${i.index ?? '-'} ${i.field ?? ''}`;

describe('loadDataset', () => {
  it('throws a DatasetError (code DATASET_INVALID) on bad data', async () => {
    const error = await loadDataset(fixtureDir('bad-refs')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe('DATASET_INVALID');
  });

  it('rejects invalid options with a UsageError', async () => {
    const error = await loadDataset(fixtureDir('good'), { maxFileBytes: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe('OPTIONS_INVALID');
  });

  it('loads the good fixture with every record', async () => {
    const ds = await loadDataset(fixtureDir('good'));
    expect(ds.meta.id).toBe('tiny');
    expect(ds.industries.map((i) => i.id)).toEqual(['metal', 'energy']);
    expect(ds.segments).toHaveLength(5);
    expect(ds.links).toHaveLength(4);
    expect(ds.enterprises.map((e) => e.id)).toEqual(['ore-co', 'ingot-co']);
    expect(ds.companies).toHaveLength(3);
    expect(ds.cities).toHaveLength(5);
  });

  it('reports every cross-file problem at once, each with file, record and field', async () => {
    const issues = await issuesOf('bad-refs');
    expect(issues.map(where).sort()).toEqual(
      [
        'duplicate-id industries.json#2 id',
        'duplicate-id industries.json#2 subDirections.0.id',
        'unknown-industry segments.json#5 industry',
        'unknown-sub-direction segments.json#2 subDirection',
        'unknown-segment links.json#4 to',
        'self-link links.json#5 to',
        'duplicate-link links.json#6 to',
        'unknown-segment enterprises.json#0 segments.1',
        'unknown-city enterprises.json#1 county',
        'unknown-company enterprises.json#1 parentCompanyId',
        'unknown-city companies.json#0 hq.city',
        'unknown-enterprise companies.json#1 ties.0.enterprise',
        'unknown-industry dataset.json#- priorities.industries.nosuch',
      ].sort(),
    );
    for (const i of issues) {
      expect(i.message.length).toBeGreaterThan(0);
      expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reports schema problems per record without cascading into bogus reference errors', async () => {
    const issues = await issuesOf('bad-schema');
    expect(issues.map(where).sort()).toEqual(
      [
        'invalid-value segments.json#0 stage',
        'invalid-value segments.json#1 keywords',
        'invalid-value links.json#0 weight',
        'invalid-value links.json#1 weight',
        'invalid-value enterprises.json#0 asOf',
        'invalid-value companies.json#0 ownership',
        'invalid-value cities.json#3 lat',
      ].sort(),
    );
    expect(issues.find((i) => i.file === 'links.json')?.value).toBe(0);
  });

  it('reports a missing required file', async () => {
    const issues = await issuesOf('missing-file');
    expect(issues.map((i) => [i.code, i.file])).toEqual([['file-missing', 'cities.json']]);
  });

  it('reports a directory that does not exist as every required file missing', async () => {
    const issues = await issuesOf('no-such-dir');
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['file-missing']));
    expect(issues).toHaveLength(6);
  });
});

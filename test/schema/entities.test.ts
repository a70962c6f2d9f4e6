import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { City, Company, DatasetMeta, Enterprise, Industry, Link, Segment } from '../../src/schema/index.js';
import { readFixture } from '../helpers/fixtures.js';

type Rec = Record<string, unknown>;
const first = (file: string): Rec => (readFixture<Rec[]>('good', file)[0] as Rec);

/** Paths (dotted) of the issues of a failed parse. */
function failingFields(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

const cases: [string, z.ZodType, () => Rec][] = [
  ['Industry', Industry, () => first('industries.json')],
  ['Segment', Segment, () => first('segments.json')],
  ['Link', Link, () => first('links.json')],
  ['Enterprise', Enterprise, () => first('enterprises.json')],
  ['Company', Company, () => first('companies.json')],
  ['City', City, () => first('cities.json')],
  ['DatasetMeta', DatasetMeta, () => readFixture<Rec>('good', 'dataset.json')],
];

describe.each(cases)('%s', (_name, schema, good) => {
  it('accepts a good record', () => {
    expect(schema.safeParse(good()).success).toBe(true);
  });
  it('rejects a record with a missing required field, naming the field', () => {
    const rec = good();
    const key = 'nameEn' in rec ? 'nameEn' : 'from' in rec ? 'from' : 'name';
    delete rec[key];
    expect(failingFields(schema, rec)).toContain(key);
  });
  it('rejects a field of the wrong type, naming the field', () => {
    const rec = good();
    const key = 'id' in rec ? 'id' : 'from' in rec ? 'from' : 'name';
    rec[key] = 42;
    expect(failingFields(schema, rec)).toContain(key);
  });
  it('rejects an array where an object belongs', () => {
    expect(schema.safeParse([good()]).success).toBe(false);
  });
});

describe('specific rules', () => {
  it('Link weight must be in (0, 1]', () => {
    const link = first('links.json');
    expect(failingFields(Link, { ...link, weight: 0 })).toEqual(['weight']);
    expect(failingFields(Link, { ...link, weight: 1.01 })).toEqual(['weight']);
    expect(failingFields(Link, { ...link, weight: -0.2 })).toEqual(['weight']);
    expect(Link.safeParse({ ...link, weight: 1 }).success).toBe(true);
  });
  it('Segment stage must be upstream, midstream or downstream', () => {
    expect(failingFields(Segment, { ...first('segments.json'), stage: 'sidestream' })).toEqual(['stage']);
  });
  it('Segment needs at least one keyword', () => {
    expect(failingFields(Segment, { ...first('segments.json'), keywords: [] })).toEqual(['keywords']);
  });
  it('dates must be YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const e = first('enterprises.json');
    for (const bad of ['2025-13', '2025-02-30x', '25-01-01', '2025/01/01', '']) {
      expect(failingFields(Enterprise, { ...e, asOf: bad })).toEqual(['asOf']);
    }
    for (const ok of ['2025', '2025-01', '2025-12-31']) expect(Enterprise.safeParse({ ...e, asOf: ok }).success).toBe(true);
  });
  it('an enterprise needs revenue or a revenue band', () => {
    const { revenueBand: _drop, ...e } = first('enterprises.json');
    expect(failingFields(Enterprise, e)).toEqual(['revenueBand']);
    expect(Enterprise.safeParse({ ...e, revenue: 3.5 }).success).toBe(true);
  });
  it('ids must be lowercase slugs', () => {
    expect(failingFields(Segment, { ...first('segments.json'), id: 'Has Space' })).toEqual(['id']);
  });
  it('provenance is required on companies: source, confidence high|medium|low, asOf', () => {
    const c = first('companies.json');
    expect(failingFields(Company, { ...c, confidence: 'sure' })).toEqual(['confidence']);
    const { source: _s, ...noSource } = c;
    expect(failingFields(Company, noSource)).toEqual(['source']);
  });
  it('unknown ownership and list names are rejected', () => {
    const c = first('companies.json');
    expect(failingFields(Company, { ...c, ownership: 'state' })).toEqual(['ownership']);
    expect(failingFields(Company, { ...c, lists: ['fortune-500'] })).toEqual(['lists.0']);
  });
  it('coordinates must be in range', () => {
    expect(failingFields(City, { ...first('cities.json'), lat: 91 })).toEqual(['lat']);
  });
});

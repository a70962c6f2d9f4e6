import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';

// The placement evaluation's labels (eval/placement/) follow the segments by the rule its README states: a manufacturer
// whose product a segment covers is `chain`. Only the label rows are read here — never a placement result.
const dir = fileURLToPath(new URL('../../../eval/placement/', import.meta.url));
const listed = Papa.parse<Record<string, string>>(readFileSync(`${dir}listed-labels.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
const products = (JSON.parse(readFileSync(`${dir}products-labels.json`, 'utf8')) as { companies: { name: string; businessScope?: string; industries: string[]; segments: string[]; otherManufacturing?: boolean }[] }).companies;
const ds = liaocheng();
const industryIds = new Set(ds.industries.map((i) => i.id));
const segmentIds = new Set(ds.segments.map((s) => s.id));
const ids = (x: string): string[] => x.split(';').filter((v) => v.length > 0);

describe('eval/placement labels', () => {
  it('乳制品 / 奶酪 makers are chain firms on ag-dairy (GB/T 144), not other-manufacturing', () => {
    expect(segmentIds.has('ag-dairy')).toBe(true);
    const dairy = listed.filter((r) => /^(乳制品|奶酪)/.test(r.note ?? ''));
    expect(dairy.length).toBe(7);
    for (const r of dairy) expect(r).toMatchObject({ label: 'chain', industries: 'agrifood', segments: 'ag-dairy' });
    expect(products.filter((c) => c.otherManufacturing === true && /乳制品/.test(c.businessScope ?? ''))).toEqual([]);
  });

  it('every industry and segment id a label names exists in the embedded data', () => {
    for (const r of listed) {
      for (const i of ids(r.industries ?? '')) expect(industryIds.has(i), `${r.name}: ${i}`).toBe(true);
      for (const s of ids(r.segments ?? '')) expect(segmentIds.has(s), `${r.name}: ${s}`).toBe(true);
    }
    for (const c of products) for (const s of c.segments) expect(segmentIds.has(s), `${c.name}: ${s}`).toBe(true);
  });
});

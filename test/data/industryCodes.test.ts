// GB/T 4754-2017 codes in the embedded 聊城 dataset. The official code list is read at test time from
// ../shared/data/external/gbt4754_2017_codes.csv (GPL-3.0, so it is not copied into this repository;
// only the codes, which are facts of the standard, are used in the data).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GB_CSV = join(ROOT, '..', 'shared', 'data', 'external', 'gbt4754_2017_codes.csv');
const ds = liaocheng();

/** Segments that legitimately carry no GB/T code (none at present); each needs a reason here. */
const NO_CODE_ALLOWED: ReadonlyMap<string, string> = new Map();

/** True when `code` lies under (or is) `parent`: GB/T codes nest by digit prefix. */
const under = (code: string, parent: string): boolean => code.startsWith(parent);

type Coded = { id: string; industryCodes?: readonly string[] | undefined; excludeCodes?: readonly string[] | undefined };
const records: [string, Coded][] = [
  ...ds.industries.map((i): [string, Coded] => [`industry ${i.id}`, i]),
  ...ds.segments.map((s): [string, Coded] => [`segment ${s.id}`, s]),
];

function officialCodes(): Map<string, string> {
  const rows = Papa.parse<{ code: string; name: string }>(readFileSync(GB_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return new Map(rows.map((r) => [r.code.trim(), r.name.trim()]));
}

describe('GB/T 4754-2017 industry codes in data/liaocheng', () => {
  it('every segment has codes, except the documented allow-list', () => {
    const missing = ds.segments.filter((s) => !s.industryCodes?.length).map((s) => s.id);
    expect(missing.sort()).toEqual([...NO_CODE_ALLOWED.keys()].sort());
    expect(ds.segments.length).toBe(219);
  });

  it('every industry has codes', () => {
    expect(ds.industries.filter((i) => !i.industryCodes?.length).map((i) => i.id)).toEqual([]);
  });

  it('no record repeats a code or lists one code under another of its own', () => {
    const problems: string[] = [];
    for (const [name, r] of records) {
      const inc = r.industryCodes ?? [];
      if (new Set(inc).size !== inc.length) problems.push(`${name}: duplicate code`);
      for (const a of inc) for (const b of inc) if (a !== b && under(a, b)) problems.push(`${name}: ${a} lies under ${b}`);
    }
    expect(problems).toEqual([]);
  });

  it('every exclude code lies strictly under one of the same record\'s included codes', () => {
    const problems: string[] = [];
    for (const [name, r] of records) {
      for (const e of r.excludeCodes ?? []) {
        if (!(r.industryCodes ?? []).some((c) => c !== e && under(e, c))) problems.push(`${name}: exclude ${e}`);
      }
    }
    expect(problems).toEqual([]);
    expect(records.some(([, r]) => r.excludeCodes?.length)).toBe(true);
  });

  it('every segment code is covered by its industry codes and not excluded there', () => {
    const byId = new Map(ds.industries.map((i) => [i.id, i]));
    const problems: string[] = [];
    for (const s of ds.segments) {
      const ind = byId.get(s.industry);
      for (const c of s.industryCodes ?? []) {
        if (!(ind?.industryCodes ?? []).some((p) => under(c, p))) problems.push(`${s.id}: ${c} not in ${s.industry}`);
        if ((ind?.excludeCodes ?? []).some((e) => under(c, e))) problems.push(`${s.id}: ${c} excluded by ${s.industry}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('segments rely on 4-digit codes: at most a few use 3-digit ones, none a 2-digit one', () => {
    const short = ds.segments.flatMap((s) => (s.industryCodes ?? []).filter((c) => c.length < 4).map((c) => `${s.id}:${c}`));
    expect(short.filter((x) => x.split(':')[1]!.length === 2)).toEqual([]);
    expect(short.length).toBeLessThanOrEqual(12);
  });

  it.skipIf(!existsSync(GB_CSV))('every code exists in the official GB/T 4754-2017 list (2–4 digits)', () => {
    const official = officialCodes();
    expect(official.size).toBeGreaterThan(1900);
    const unknown: string[] = [];
    for (const [name, r] of records) {
      for (const c of [...(r.industryCodes ?? []), ...(r.excludeCodes ?? [])]) if (!official.has(c)) unknown.push(`${name}: ${c}`);
    }
    expect(unknown).toEqual([]);
  });

  it.skipIf(!existsSync(GB_CSV))('spot checks against the official names', () => {
    const official = officialCodes();
    const seg = (id: string) => ds.segments.find((s) => s.id === id)!;
    expect(official.get(seg('nf-al-sheet-foil').industryCodes![0]!)).toBe('铝压延加工');
    expect(official.get(seg('nf-primary-aluminium').industryCodes![0]!)).toBe('铝冶炼');
    expect(official.get(seg('ne-pv-plant').industryCodes![0]!)).toBe('太阳能发电');
    expect(official.get(seg('fe-seamless-pipe').industryCodes![0]!)).toBe('钢压延加工');
    expect(seg('br-steel-ball').industryCodes).toContain('3451');
    expect(official.get('3451')).toBe('滚动轴承制造');
  });
});

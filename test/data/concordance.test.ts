// Vendor classification → GB/T 4754-2017 concordance files (data/concordance/*.json). The official GB/T
// code list and the vendor code lists are read at test time from ../shared/data/external (not copied
// into this repository).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Concordance } from '../../src/schema/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'data', 'concordance');
const EXTERNAL = join(ROOT, '..', 'shared', 'data', 'external');
const GB_CSV = join(EXTERNAL, 'gbt4754_2017_codes.csv');
const SW_CSV = join(EXTERNAL, 'sw2021_industry_codes.csv');
const TUSHARE_CSV = join(EXTERNAL, 'tushare_stock_basic_2025-06.csv');
const FILES = ['sw2021.json', 'tushare.json', 'csrc2012.json', 'vendor-labels.json'] as const;

const load = (file: string): Concordance => Concordance.parse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
const csv = (path: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const official = (): Map<string, string> => new Map(csv(GB_CSV).map((r) => [r.code!.trim(), r.name!.trim()]));

describe.each(FILES)('data/concordance/%s', (file) => {
  it('matches the Concordance schema and states source, licence and date', () => {
    const c = load(file);
    expect(c.entries.length).toBeGreaterThan(100);
    expect(c.source).toMatch(/GB\/T 4754-2017/);
    expect(c.licence.length).toBeGreaterThan(10);
  });

  it('has no duplicate entry, no nested codes in an entry, and a note on every entry without codes', () => {
    const c = load(file);
    const keys = c.entries.map((e) => `${e.level ?? ''}|${e.parent ?? ''}|${e.code ?? ''}|${e.label}`);
    expect(new Set(keys).size).toBe(keys.length);
    const problems: string[] = [];
    for (const e of c.entries) {
      if (new Set(e.gb).size !== e.gb.length) problems.push(`${e.label}: duplicate code`);
      for (const a of e.gb) for (const b of e.gb) if (a !== b && a.startsWith(b)) problems.push(`${e.label}: ${a} under ${b}`);
      if (e.gb.length === 0 && !e.note) problems.push(`${e.label}: no codes and no note`);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!existsSync(GB_CSV))('uses only codes of the official GB/T 4754-2017 list', () => {
    const gb = official();
    const unknown = load(file).entries.flatMap((e) => e.gb.filter((g) => !gb.has(g)).map((g) => `${e.label}: ${g}`));
    expect(unknown).toEqual([]);
  });
});

describe('申万2021 concordance', () => {
  it.skipIf(!existsSync(SW_CSV))('covers every L1, L2 and L3 industry of the 申万 code list by code and name', () => {
    const byCode = new Map(load('sw2021.json').entries.map((e) => [e.code, e]));
    const rows = csv(SW_CSV);
    let l3 = 0;
    for (const r of rows) {
      const level = r.l3_name ? 'L3' : r.l2_name ? 'L2' : 'L1';
      const name = r.l3_name || r.l2_name || r.l1_name;
      const e = byCode.get(r.sw_code);
      expect(e, r.sw_code).toBeDefined();
      expect([e?.label, e?.level]).toEqual([name, level]);
      if (level === 'L3') l3 += 1;
    }
    expect(l3).toBe(346);
    expect(byCode.size).toBe(rows.length);
  });

  it('maps services, finance and property to their service codes', () => {
    const get = (label: string) => load('sw2021.json').entries.find((e) => e.label === label)?.gb;
    expect(get('银行')).toEqual(['66']);
    expect(get('住宅开发')).toEqual(['7010']);
    expect(get('房地产')).toEqual(['70']);
    expect(get('证券Ⅲ')).toEqual(['671']);
    expect(get('半导体设备')).toEqual(['3562']);
    expect(get('铝')).toContain('3252');
  });

  it('gives every L3 industry except 综合 at least one code', () => {
    const empty = load('sw2021.json').entries.filter((e) => e.level === 'L3' && e.gb.length === 0).map((e) => e.label);
    expect(empty).toEqual(['综合Ⅲ']);
  });
});

describe('Tushare concordance', () => {
  it.skipIf(!existsSync(TUSHARE_CSV))('covers every distinct industry label of stock_basic', () => {
    const labels = new Set(csv(TUSHARE_CSV).map((r) => (r.industry ?? '').trim()).filter(Boolean));
    const mapped = new Set(load('tushare.json').entries.map((e) => e.label));
    expect([...labels].filter((l) => !mapped.has(l))).toEqual([]);
    expect([...mapped].filter((l) => !labels.has(l))).toEqual([]);
  });
});

describe('证监会2012 concordance', () => {
  const c = () => load('csrc2012.json');
  it('has the 19 sections and 90 divisions, each division under its section letter', () => {
    const sections = c().entries.filter((e) => e.level === 'section');
    const divisions = c().entries.filter((e) => e.level === 'division');
    expect(sections.length).toBe(19);
    expect(divisions.length).toBe(90);
    const sectionName = new Map(sections.map((s) => [s.code, s.label]));
    for (const d of divisions) {
      expect(d.code).toMatch(/^[A-S]\d{2}$/);
      expect(d.parent).toBe(sectionName.get(d.code!.slice(0, 1)));
    }
  });

  it('keeps the 2011 division numbers up to 78 and shifts O79–R89 by one for GB/T 4754-2017', () => {
    const gbOf = new Map(c().entries.map((e) => [e.code, e.gb]));
    expect(gbOf.get('C38')).toEqual(['38']);
    expect(gbOf.get('J66')).toEqual(['66']);
    expect(gbOf.get('N78')).toEqual(['78']);
    expect(gbOf.get('O79')).toEqual(['80']);
    expect(gbOf.get('Q83')).toEqual(['84']);
    expect(gbOf.get('R89')).toEqual(['90']);
    expect(gbOf.get('G58')).toEqual(['58', '591']);
    expect(gbOf.get('S90')).toEqual([]);
  });
});

describe('vendor-labels concordance', () => {
  const c = () => load('vendor-labels.json');
  it('has the 20 门类 and 97 大类, each 大类 mapping to its own code', () => {
    const sections = c().entries.filter((e) => e.level === 'section');
    const divisions = c().entries.filter((e) => e.level === 'division');
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(divisions.length).toBe(97);
    for (const d of divisions) expect([d.code!.slice(1)]).toEqual(d.gb);
    const all = divisions.flatMap((d) => d.gb).sort();
    expect(sections.flatMap((s) => s.gb).sort()).toEqual(all);
  });

  it.skipIf(!existsSync(GB_CSV))('uses the official 门类 and 大类 names', () => {
    const gb = official();
    for (const e of c().entries.filter((x) => x.level === 'section' || x.level === 'division')) {
      const key = e.level === 'section' ? e.code! : e.code!.slice(1);
      // the shared csv truncates one long name (37 铁路、船舶、航空航天和其他运输设备制…)
      expect(e.label.startsWith(gb.get(key)!), `${key} ${e.label}`).toBe(true);
    }
  });

  it('maps the common coarse labels of enterprise-database exports', () => {
    const gbOf = new Map(c().entries.map((e) => [e.label, e.gb]));
    expect(gbOf.get('汽车制造业')).toEqual(['36']);
    expect(gbOf.get('金融业')).toEqual(['66', '67', '68', '69']);
    expect(gbOf.get('房地产业')).toEqual(['70']);
    expect(gbOf.get('批发和零售业')).toEqual(['51', '52']);
    expect(gbOf.get('科学研究和技术服务业')).toEqual(['73', '74', '75']);
    expect(gbOf.get('软件和信息技术服务业')).toEqual(['65']);
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { safeParseDataset } from '../../src/dataset/parseDataset.js';
import { own } from '../../src/internal/own.js';
import { safeLoadDataset } from '../../src/io/loadDataset.js';
import { Id } from '../../src/schema/common.js';
import { ahpWeights } from '../../src/scoring/ahpWeights.js';
import { CustomWeights } from '../../src/scoring/weightsSpec.js';
import { fixtureDir, goodInput } from '../helpers/fixtures.js';
import { cli } from './capture.js';


/** A copy of the good fixture with one file edited. */
function editedGood(file: string, edit: (records: Record<string, unknown>[]) => unknown): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ct-data-')), 'ds');
  cpSync(fixtureDir('good'), dir, { recursive: true });
  const records = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
  writeFileSync(join(dir, file), JSON.stringify(edit(records) ?? records, null, 1));
  return dir;
}

describe('numbers: finite, plausible ranges', () => {
  test('revenue 1.7e308 is refused by validate with an invalid-value issue on companies.json revenue (exit 1)', async () => {
    const dir = editedGood('companies.json', (cs) => {
      cs[0]!.revenue = 1.7e308;
    });
    const r = await cli(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { issues: { code: string; file: string; index: number; field: string }[] };
    expect(out.issues.map((i) => [i.code, i.file, i.index, i.field])).toEqual([['invalid-value', 'companies.json', 0, 'revenue']]);
    const h = await cli(['handbook', '--data', dir, '--out', mkdtempSync(join(tmpdir(), 'ct-hb-'))]);
    expect(h.code).toBe(1);
  });

  test.each([
    ['companies.json', 'revenue', 100_001],
    ['companies.json', 'revenue', -1],
    ['companies.json', 'growth', 1e9],
    ['enterprises.json', 'revenue', 1e300],
    ['enterprises.json', 'firms', 1e12],
    ['segments.json', 'benchmarkRevenue', 1e308],
    ['links.json', 'weight', 1e308],
    ['links.json', 'ioCoefficient', 1e308],
    ['cities.json', 'lon', 181],
    ['cities.json', 'lat', -90.5],
  ])('%s %s = %d → invalid-value on that field', (file, field, value) => {
    const input = goodInput();
    const key = file.replace('.json', '') as 'companies' | 'enterprises' | 'segments' | 'links' | 'cities';
    input[key][0]![field] = value;
    const r = safeParseDataset(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.file, i.field])).toEqual([['invalid-value', file, field]]);
  });

  test('revenue at the cap (100000 亿元) is accepted; weights and AHP entries are capped so sums stay finite', () => {
    const input = goodInput();
    input.companies[0]!.revenue = 100_000;
    expect(safeParseDataset(input).success).toBe(true);
    expect(CustomWeights.safeParse({ gapFit: 1e308, synergy: 1e308 }).success).toBe(false);
    expect(() => ahpWeights([[1, 1e308], [1e-308, 1]])).toThrow(expect.objectContaining({ code: 'OPTIONS_INVALID' }));
  });
});

describe('unknown fields are warnings', () => {
  test('a misspelt "segmnets" in companies.json: validate exit 0 and lists it with file, record, field and a suggestion', async () => {
    const dir = editedGood('companies.json', (cs) => {
      cs[1]!.segmnets = ['m-ingot'];
      (cs[1]!.hq as Record<string, unknown>).citty = 'x';
    });
    const json = await cli(['validate', dir, '--format', 'json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { valid: boolean; warnings: { code: string; file: string; index: number; id: string; field: string; value: string; message: string }[] };
    expect(out.valid).toBe(true);
    expect(out.warnings.map((w) => [w.code, w.file, w.index, w.id, w.field])).toEqual([
      ['unknown-field', 'companies.json', 1, 'parent-co', 'hq.citty'],
      ['unknown-field', 'companies.json', 1, 'parent-co', 'segmnets'],
    ]);
    expect(out.warnings.find((w) => w.field === 'segmnets')!.message).toBe('unknown field "segmnets" is ignored; did you mean "segments"?');
    const table = await cli(['validate', dir, '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('⚠ 2 warning(s)');
    expect(table.stdout).toContain('companies.json record 2 (id=parent-co) field segmnets: unknown field "segmnets" is ignored; did you mean "segments"?');
  });

  test('warnings are capped (200 per file) however many unknown keys a record has', () => {
    const input = goodInput();
    input.companies[0] = { ...input.companies[0]!, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, i])) };
    const r = safeParseDataset(input);
    expect(r.success).toBe(true);
    expect(r.warnings).toHaveLength(200);
  });

  test('the library result carries the warnings; the data loads; the clean fixture has none', async () => {
    const input = goodInput();
    input.industries[0]!.subDirections = [{ ...((input.industries[0]!.subDirections as Record<string, unknown>[] | undefined)?.[0] ?? { id: 'sd', name: 'x' }), nmae: 'y' }];
    input.meta.hom = {};
    const r = safeParseDataset(input);
    expect(r.warnings?.map((w) => [w.file, w.field])).toEqual(expect.arrayContaining([['dataset.json', 'hom']]));
    expect((await safeLoadDataset(fixtureDir('good'))).warnings).toEqual([]);
  });
});

describe('rank --companies runs the loader reference checks', () => {
  const ok = { id: 'imp-a', name: '导入甲', hq: { province: '上海市', city: '上海市' }, ownership: 'private', source: 'import', confidence: 'low', asOf: '2026' };
  test('unknown segment, duplicate id, unknown enterprise and unknown city: exit 1, every issue with file, record and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-rank-'));
    const rows = [
      ok,
      { ...ok, segments: ['m-profile', 'no-such-segment'] },
      { ...ok, id: 'imp-b', ties: [{ type: 'supplier-of-local', enterprise: 'ghost-co', text: 't', source: 's' }] },
      { ...ok, id: 'imp-c', hq: { province: '火星省', city: '奥林匹斯市' } },
      { ...ok, id: 'imp-d', ownership: 'state' },
      // A parent the dataset does not hold (a typo) and a company naming itself: errors, not "a group the file replaced".
      { ...ok, id: 'imp-e', parent: 'no-such-group' },
      { ...ok, id: 'imp-f', parent: 'imp-f' },
    ];
    writeFileSync(join(dir, 'targets.json'), JSON.stringify(rows));
    const r = await cli(['rank', '--data', fixtureDir('good'), '--companies', 'targets.json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines.map((l) => l.replace(/:.*$/, ''))).toEqual([
      '  - targets.json record 2 (id=imp-a) field id',
      '  - targets.json record 2 (id=imp-a) field segments.1',
      '  - targets.json record 3 (id=imp-b) field ties.0.enterprise',
      '  - targets.json record 4 (id=imp-c) field hq.city',
      '  - targets.json record 5 (id=imp-d) field ownership',
      '  - targets.json record 6 (id=imp-e) field parent',
      '  - targets.json record 7 (id=imp-f) field parent',
    ]);
    expect(r.stderr).toContain('duplicate id "imp-a"');
    expect(r.stderr).toContain('"no-such-segment"');
  });

  test('a misspelt field in the --companies file is a warning on stderr; the ranking still runs (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-rank-'));
    writeFileSync(join(dir, 'targets.json'), JSON.stringify([{ ...ok, segmnets: ['m-profile'] }]));
    const r = await cli(['rank', '--data', fixtureDir('good'), '--companies', 'targets.json', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: targets.json record 1 (id=imp-a) field segmnets: unknown field "segmnets" is ignored; did you mean "segments"?\n');
  });
});

describe('prototype names as ids', () => {
  test('Id refuses constructor, prototype and __proto__ with a clear message; other names pass', () => {
    for (const id of ['constructor', 'prototype', '__proto__']) expect(Id.safeParse(id).success).toBe(false);
    expect(Id.safeParse('constructor')?.error?.issues[0]?.message).toContain('reserved');
    for (const id of ['tostring', 'constructors', 'valueof', 'hasownproperty']) expect(Id.safeParse(id).success).toBe(true);
    expect(own({ a: 1 } as Record<string, number>, 'constructor')).toBeUndefined();
    expect(own({ a: 1 } as Record<string, number>, 'toString')).toBeUndefined();
  });

  test('a segment id "constructor" and an industry id "constructor": validate reports invalid-value on the id (exit 1)', async () => {
    const seg = editedGood('segments.json', (ss) => {
      ss[0]!.id = 'constructor';
    });
    const s = JSON.parse((await cli(['validate', seg, '--format', 'json'])).stdout) as { valid: boolean; issues: { code: string; file: string; field: string }[] };
    expect(s.valid).toBe(false);
    expect(s.issues.filter((i) => i.file === 'segments.json').map((i) => [i.code, i.field])).toEqual([['invalid-value', 'id']]);
    const ind = editedGood('industries.json', (is) => {
      is[0]!.id = 'constructor';
    });
    const i = await cli(['validate', ind, '--format', 'json']);
    expect(i.code).toBe(1);
    expect((JSON.parse(i.stdout) as { issues: { code: string; file: string; field: string }[] }).issues[0]).toMatchObject({ code: 'invalid-value', file: 'industries.json', field: 'id' });
    for (const cmd of ['gaps', 'rank', 'whatif', 'plan']) {
      const r = await cli([cmd, '--data', ind, ...(cmd === 'whatif' ? ['--priority', 'metal=0.5'] : [])]);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('内部错误');
    }
  });

  test.each(['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty'])('whatif --priority %s=0.9 is a usage error (exit 2), not a TypeError', async (id) => {
    const r = await cli(['whatif', '--data', fixtureDir('good'), '--priority', `${id}=0.9`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^错误 \\[USAGE\\]: --priority：没有产业或环节“${id}”。[^\\n]*\\n$`));
  });

  test('prototype names as city, province and region names (not ids) work as ordinary text in every command', async () => {
    const dir = editedGood('cities.json', (cs) => {
      for (const c of cs) c.regions = ['toString', 'constructor', '__proto__'];
      cs.push({ name: 'toString', province: 'constructor', lon: 120, lat: 30, regions: ['valueOf', 'hasOwnProperty'] });
    });
    const companies = JSON.parse(readFileSync(join(dir, 'companies.json'), 'utf8')) as Record<string, unknown>[];
    companies[0]!.hq = { province: 'constructor', city: 'toString' };
    writeFileSync(join(dir, 'companies.json'), JSON.stringify(companies));
    const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { priorities: Record<string, unknown> };
    meta.priorities.regions = ['toString', 'valueOf', '__proto__'];
    writeFileSync(join(dir, 'dataset.json'), JSON.stringify(meta));
    expect((await cli(['validate', dir])).code).toBe(0);
    for (const args of [['rank', '--lang', 'en', '--format', 'json'], ['rank'], ['gaps', '--format', 'json'], ['plan', '--lang', 'en'], ['whatif', '--priority', 'metal=0.2', '--lang', 'en']]) {
      const r = await cli([args[0]!, '--data', dir, ...args.slice(1)]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/function |\[native code\]|NaN/);
    }
    const ranked = JSON.parse((await cli(['rank', '--data', dir, '--lang', 'en', '--format', 'json'])).stdout) as { items: { id: string; reasons: { en: string }[] }[] };
    expect(ranked.items.find((i) => i.id === companies[0]!.id)!.reasons.map((x) => x.en).join(' ')).toContain('HQ in valueOf (toString)');
    const out = mkdtempSync(join(tmpdir(), 'ct-hb-'));
    expect((await cli(['handbook', '--data', dir, '--out', out, '--lang', 'en'])).code).toBe(0);
    expect(readFileSync(join(out, 'handbook.md'), 'utf8')).not.toMatch(/function |\[native code\]|NaN|Infinity/);
  });
});

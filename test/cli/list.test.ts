import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { cli } from './capture.js';


const ds = liaocheng();

describe('chain-targeting list', () => {
  it('list industries prints every industry and sub-direction with Chinese headers', async () => {
    const r = await cli(['list', 'industries']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/类型\s*│\s*名称\s*│\s*id/);
    for (const i of ds.industries) {
      expect(r.stdout).toContain(i.name);
      expect(r.stdout).toContain(i.id);
      for (const s of i.subDirections) expect(r.stdout).toContain(s.id);
    }
  });

  it('list segments --industry 有色 lists exactly that industry’s segments, as JSON', async () => {
    const r = await cli(['list', 'segments', '--industry', '有色', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; name: string; industry: string }[];
    expect(rows.map((x) => x.id).sort()).toEqual(ds.segments.filter((s) => s.industry === 'nonferrous').map((s) => s.id).sort());
    expect(rows.find((x) => x.id === 'nf-al-sheet-foil')).toMatchObject({ name: '铝板带箔', industry: '有色金属' });
  });

  it('list enterprises and companies show the names --close and --land accept', async () => {
    const e = await cli(['list', 'enterprises', '--format', 'json']);
    expect((JSON.parse(e.stdout) as { id: string; name: string }[]).find((x) => x.id === 'xinfa-group')?.name).toBe('信发集团有限公司');
    expect((JSON.parse(e.stdout) as unknown[]).length).toBe(ds.enterprises.length);
    const c = await cli(['list', '目标企业', '--industry', 'nonferrous', '--format', 'json']);
    const rows = JSON.parse(c.stdout) as { id: string; aliases: string }[];
    expect(rows.find((x) => x.id === 'chinalco')?.aliases).toContain('中铝');
    expect(rows.length).toBeLessThan(ds.companies.length);
  });

  it('list counties as CSV (Chinese headers) and in English', async () => {
    const zh = await cli(['list', 'counties', '--format', 'csv']);
    expect(zh.code).toBe(0);
    expect(zh.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('区县,id,英文名,级别');
    expect(zh.stdout).toContain('临清市,临清市,');
    const en = await cli(['list', 'counties', '--lang', 'en']);
    expect(en.stdout).toMatch(/County\s*│\s*ID\s*│\s*English name/);
  });

  it('an unknown list kind is a one-line usage error naming the kinds', async () => {
    const r = await cli(['list', 'firms']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('industries');
    expect(r.stderr).toContain('counties');
  });
});

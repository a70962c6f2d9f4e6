import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { startResults } from '../../src/cli/commands/start.js';
import { topTargetsByIndustry } from '../../src/scoring/topTargetsByIndustry.js';
import { runBuiltCli } from '../helpers/runBuiltCli.js';
import { cli } from './capture.js';

describe('chain-targeting start (the main job behind npm start)', () => {
  it('prints the gap summary and top targets of every industry, and writes the handbook', () => {
    const out = mkdtempSync(join(tmpdir(), 'ct-start-'));
    const r = runBuiltCli(['start', '--out', out], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    for (const industry of liaocheng().industries) expect(r.stdout).toContain(`- ${industry.name}: `);
    expect(r.stdout).toMatch(/全市产业链完整度 0\.\d\d/);
    expect(r.stdout).toMatch(/ 1\. \[(补链|延链|强链|建链)\]/);
    for (const f of ['index.html', 'handbook.md', 'targets.xlsx', 'targets.csv']) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('聊城');
  });

  // in-process: the built binary is run once, above
  it('--format json returns the summary as data and --no-handbook writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ct-start-json-'));
    const r = await cli(['start', '--format', 'json', '--no-handbook', '--top', '2', '--out', out]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { industries: unknown[]; topGaps: { kind: string }[]; targets: { ranking: { items: unknown[] } }[] };
    expect(data.industries).toHaveLength(12);
    expect(data.topGaps).toHaveLength(10);
    expect(data.topGaps.every((g) => g.kind !== 'none')).toBe(true);
    expect(data.targets.map((t) => t.ranking.items.length)).toEqual(Array(12).fill(2));
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('exits 2 on a bad option value', async () => {
    const r = await cli(['start', '--top', '0', '--no-handbook']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/USAGE/);
  });
});

describe('startResults: each analysis of start computed once', () => {
  // By identity of the returned objects: the handbook reads start's model and gap analysis, and the printed
  // targets are the first items of the handbook's industry rankings (not a second ranking).
  it('with the handbook: one model, one gap analysis, one ranking per industry shared by print and handbook', async () => {
    const ds = liaocheng();
    const r = await startResults(ds, 3, true, 'zh');
    expect(r.model.dataset).toBe(ds);
    expect(r.results?.model).toBe(r.model);
    expect(r.results?.gaps).toBe(r.gaps);
    expect(r.targets.map((t) => t.industry)).toEqual(ds.industries.map((i) => i.id));
    for (const t of r.targets) {
      const full = r.results!.industryRankings![t.industry]!;
      expect(t.ranking.items).toHaveLength(Math.min(3, full.items.length));
      t.ranking.items.forEach((item, k) => expect(item).toBe(full.items[k]));
    }
  });

  it('without the handbook: the top N per industry on the same model and gaps, as topTargetsByIndustry of the dataset', async () => {
    const ds = liaocheng();
    const r = await startResults(ds, 2, false, 'zh');
    expect(r.results).toBeUndefined();
    expect(r.targets).toEqual(topTargetsByIndustry(ds, 2));
  });
});

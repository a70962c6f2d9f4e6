import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
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

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { fixtureDir } from '../helpers/fixtures.js';

async function run(args: readonly string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd });
  return { code, stdout, stderr };
}

const good = ['--data', fixtureDir('good')];

describe('chain-targeting rank', () => {
  it('exits 2 on a bad --top, --method, --weights or --industry', async () => {
    for (const args of [['--top', '0'], ['--method', 'sum'], ['--weights', 'nope'], ['--industry', 'nope']]) {
      expect((await run(['rank', ...good, ...args])).code).toBe(2);
    }
  });

  it('prints JSON as { items: [{ rank, id, name, score, contributions, matchedGaps, reasons, approach }], weights, method }', async () => {
    const r = await run(['rank', ...good, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { items: Record<string, unknown>[]; weights: Record<string, number>; method: string };
    expect(out.method).toBe('weighted');
    expect(Object.keys(out.weights)).toEqual(['gapFit', 'synergy', 'scale', 'momentum', 'proximity', 'policy', 'ties', 'risk']);
    expect(out.items).toHaveLength(3);
    for (const key of ['rank', 'id', 'name', 'score', 'contributions', 'matchedGaps', 'reasons', 'approach']) expect(out.items[0]).toHaveProperty(key);
    expect(out.items[0]).not.toHaveProperty('stability');
  });

  it('adds stability with --stability, and prints a table with 招商方式 and a CSV', async () => {
    const json = JSON.parse((await run(['rank', ...good, '--stability', '--format', 'json'])).stdout) as { items: { stability?: unknown }[] };
    expect(json.items.every((i) => i.stability !== undefined)).toBe(true);
    const table = await run(['rank', ...good, '--top', '2']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('招商方式');
    expect(table.stdout).toContain('以商招商');
    const csv = await run(['rank', ...good, '--format', 'csv', '--lang', 'en']);
    expect(csv.stdout.split('\r\n')[0]).toContain('Approach');
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(4);
  });

  it('reads --weights from a JSON file (custom numbers or an AHP matrix) and rejects an inconsistent matrix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-rank-'));
    writeFileSync(join(dir, 'w.json'), JSON.stringify({ gapFit: 1, ties: 1 }));
    writeFileSync(join(dir, 'ahp.json'), JSON.stringify({ method: 'ahp', criteria: ['gapFit', 'synergy', 'scale'], matrix: [[1, 9, 0.2], [1 / 9, 1, 9], [5, 1 / 9, 1]] }));
    const custom = JSON.parse((await run(['rank', ...good, '--weights', 'w.json', '--format', 'json'], dir)).stdout) as { weights: Record<string, number> };
    expect(custom.weights.gapFit).toBe(0.5);
    const ahp = await run(['rank', ...good, '--weights', 'ahp.json'], dir);
    expect(ahp.code).toBe(1);
    expect(ahp.stderr).toContain('AHP_INCONSISTENT');
  });

  it('ranks --companies FILE and names the file, row and field of a bad record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-rank-'));
    const ok = { id: 'imp-a', name: '导入甲', hq: { province: '上海市', city: '上海市' }, ownership: 'private', source: 'import', confidence: 'low', asOf: '2026' };
    writeFileSync(join(dir, 'ok.json'), JSON.stringify([ok, { ...ok, id: 'imp-b', name: '导入乙', segments: ['m-profile'] }]));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([ok, { ...ok, id: 'imp-b', ownership: 'state' }]));
    const r = await run(['rank', ...good, '--companies', 'ok.json', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { items: { id: string; reasons: { code: string }[] }[]; excluded: { unrelated: number } };
    // imp-a is on no segment: unrelated to the chains, counted apart (its score would be 0).
    expect(out.items.map((i) => i.id)).toEqual(['imp-b']);
    expect(out.excluded.unrelated).toBe(1);
    const all = JSON.parse((await run(['rank', ...good, '--companies', 'ok.json', '--include-unrelated', '--format', 'json'], dir)).stdout) as typeof out & { items: { score: number }[] };
    expect(all.items.map((i) => i.id)).toEqual(['imp-b', 'imp-a']);
    const a = all.items[1]!;
    expect(a.score).toBe(0);
    expect(a.reasons.some((x) => x.code === 'gap-fit.unplaced')).toBe(true);
    expect(a.reasons[0]!.code).toBe('relevance.none');
    const bad = await run(['rank', ...good, '--companies', 'bad.json', '--lang', 'en'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json record 2 \(id=imp-b\) field ownership/);
  });
});

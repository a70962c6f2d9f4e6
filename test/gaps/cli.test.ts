import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { fixtureDir } from '../helpers/fixtures.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('chain-targeting gaps', () => {
  it('exits 2 on an unknown industry, a bad --kind or a bad --top', async () => {
    for (const args of [['--industry', 'no-such'], ['--kind', 'repair'], ['--top', '0'], ['--top', 'x']]) {
      const r = await run(['gaps', '--data', fixtureDir('good'), ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/USAGE/);
    }
  });

  it('--format json has the documented shape: { segments: [{ id, name, industry, kind, priority, measures, reasons }], industries: [{ id, completeness, localSupplyRate, counts }] }', async () => {
    const r = await run(['gaps', '--data', fixtureDir('good'), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { segments: Record<string, unknown>[]; industries: Record<string, unknown>[] };
    expect(out.segments).toHaveLength(5);
    for (const s of out.segments) {
      for (const key of ['id', 'name', 'industry', 'kind', 'priority', 'measures', 'reasons']) expect(s).toHaveProperty(key);
      expect(['fill', 'extend', 'strengthen', 'build', 'none']).toContain(s['kind']);
    }
    expect(out.industries.map((i) => i['id'])).toEqual(['metal', 'energy']);
    for (const i of out.industries) for (const key of ['id', 'completeness', 'localSupplyRate', 'counts']) expect(i).toHaveProperty(key);
  });

  it('filters by --industry (or sub-direction) and --kind, and cuts to --top', async () => {
    const energy = JSON.parse((await run(['gaps', '--data', fixtureDir('good'), '--format', 'json', '--industry', 'energy'])).stdout) as { segments: { industry: string }[]; industries: unknown[] };
    expect(energy.segments.length).toBeGreaterThan(0);
    expect(energy.segments.every((s) => s.industry === 'energy')).toBe(true);
    expect(energy.industries).toHaveLength(1);
    const sub = JSON.parse((await run(['gaps', '--data', fixtureDir('good'), '--format', 'json', '--industry', 'metal-deep'])).stdout) as { segments: { id: string }[] };
    expect(sub.segments.map((s) => s.id)).toEqual(['m-profile']);
    const builds = JSON.parse((await run(['gaps', '--data', fixtureDir('good'), '--format', 'json', '--kind', 'build'])).stdout) as { segments: { kind: string }[] };
    expect(builds.segments.every((s) => s.kind === 'build')).toBe(true);
    const top = JSON.parse((await run(['gaps', '--data', fixtureDir('good'), '--format', 'json', '--top', '2'])).stdout) as { segments: unknown[] };
    expect(top.segments).toHaveLength(2);
  });

  it('prints a Chinese table by default (≤ 120 columns) and an English one with --lang en', async () => {
    const zh = await run(['gaps', '--data', fixtureDir('good')]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/完整度/);
    expect(zh.stdout).toMatch(/优先级/);
    const en = await run(['gaps', '--data', fixtureDir('good'), '--lang', 'en']);
    expect(en.stdout).toMatch(/completeness/);
    for (const line of en.stdout.split('\n').filter((l) => l.startsWith('│'))) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('writes formula-safe CSV with one row per segment', async () => {
    const r = await run(['gaps', '--data', fixtureDir('good'), '--format', 'csv', '--lang', 'en']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = r.stdout.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^rank,id,name,nameEn,industry/);
    expect(lines).toHaveLength(6);
  });
});

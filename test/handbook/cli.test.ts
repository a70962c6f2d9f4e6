import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { fixtureDir } from '../helpers/fixtures.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd });
  return { code, out, err };
}

describe('chain-targeting handbook', () => {
  it('writes the four files into --out and prints where', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ct-cli-'));
    dirs.push(cwd);
    const r = await run(['handbook', '--data', fixtureDir('good'), '--out', 'hb', '--top', '2', '--date', '2026-02-03'], cwd);
    expect(r.code).toBe(0);
    for (const f of ['index.html', 'handbook.md', 'targets.xlsx', 'targets.csv']) {
      expect(existsSync(join(cwd, 'hb', f))).toBe(true);
      expect(r.out).toContain(join('hb', f));
    }
    expect(await readFile(join(cwd, 'hb', 'index.html'), 'utf8')).toContain('2026-02-03');
  });

  it('writes one chapter in English with --industry and --lang en, and reports JSON with --format json', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ct-cli-'));
    dirs.push(cwd);
    const r = await run(['handbook', '--data', fixtureDir('good'), '--industry', 'energy', '--lang', 'en', '--format', 'json'], cwd);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { chapters: number; files: { html: string } };
    expect(out.chapters).toBe(1);
    expect(out.files.html).toBe(join(cwd, 'out', 'index.html'));
    expect(await readFile(out.files.html, 'utf8')).toContain('<html lang="en">');
  });

  it('exits 2 on bad options', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ct-cli-'));
    dirs.push(cwd);
    for (const args of [['--top', '0'], ['--date', 'tomorrow'], ['--industry', 'nope'], ['--weights', 'nope']]) {
      const r = await run(['handbook', '--data', fixtureDir('good'), ...args], cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(existsSync(join(cwd, 'out'))).toBe(false);
    }
  });
});

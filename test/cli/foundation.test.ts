import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/runBuiltCli.js';
import { cli } from './capture.js';
import { fixtureDir } from '../helpers/fixtures.js';

// Two cases run the built binary (its exit codes 2 and 1 reach the shell); the rest run the same CLI in-process, which
// skips a Node start and a module load per case.
describe('chain-targeting binary: validate, info, help, usage errors', () => {
  it('exits 2 with a one-line message on an unknown command', () => {
    const r = runBuiltCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on an unknown option and on a bad --format value', async () => {
    expect((await cli(['info', '--no-such-flag'])).code).toBe(2);
    const bad = await cli(['info', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/USAGE/);
  });

  it('prints help for the program and for each command, exit 0', async () => {
    const main = await cli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/validate/);
    expect(main.stdout).toMatch(/info/);
    const sub = await cli(['validate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/dataset directory/);
  });

  it('validate exits 0 on a good directory', async () => {
    const r = await cli(['validate', fixtureDir('good')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/segments 5/);
  });

  it('validate exits 1 on a bad directory and lists every problem', async () => {
    const r = await cli(['validate', fixtureDir('bad-refs')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toHaveLength(13);
    expect(r.stdout).toMatch(/links\.json 第 6 条/);
  });

  it('validate --format json returns the issue list as data', async () => {
    const r = await cli(['validate', fixtureDir('bad-files'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; issues: { code: string; file: string }[] };
    expect(out.valid).toBe(false);
    expect(out.issues.map((i) => i.code).sort()).toEqual(['forbidden-key', 'invalid-encoding', 'invalid-json', 'invalid-value']);
  });

  it('a bad --data directory makes data commands exit 1 with the issue list on stderr', () => {
    const r = runBuiltCli(['info', '--data', fixtureDir('missing-file'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cities\.json: file is missing/);
  });

  it('info --format json counts per file and per industry', async () => {
    const r = await cli(['info', '--data', fixtureDir('good'), '--format', 'json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { counts: Record<string, number>; industries: { id: string; segments: number; companies: number; enterprises: number }[] };
    expect(info.counts).toEqual({ industries: 2, subDirections: 2, segments: 5, links: 4, crossIndustryLinks: 1, enterprises: 2, companies: 3, cities: 5 });
    expect(info.industries).toEqual([
      expect.objectContaining({ id: 'metal', segments: 3, enterprises: 2, companies: 2 }),
      expect.objectContaining({ id: 'energy', segments: 2, enterprises: 0, companies: 1 }),
    ]);
  });

  it('info --format csv writes a header row in the chosen language', async () => {
    const r = await cli(['info', '--data', fixtureDir('good'), '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('\uFEFFid,Industry,Group,Sub-directions,Segments,Local firms,Targets');
  });
});

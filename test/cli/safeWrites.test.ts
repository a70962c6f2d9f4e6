import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { prepareOutputs, removePendingOutputs, writeOutputFiles } from '../../src/io/writeOutputFiles.js';
import { fixtureDir } from '../helpers/fixtures.js';
import { BUILT_CLI } from '../helpers/runBuiltCli.js';
import { cli } from './capture.js';

const IMPORT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');


const tmp = (): string => mkdtempSync(join(tmpdir(), 'ct-writes-'));
const tempFilesIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeOutputFiles', () => {
  test('replaces a symlink planted at the target instead of writing through it; no temporary file is left', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'victim.txt'), 'secret\n');
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'out', 'a.json'));
    const [written] = await writeOutputFiles([{ path: join(dir, 'out', 'a.json'), data: '[]\n' }]);
    expect(written).toBe(join(dir, 'out', 'a.json'));
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('secret\n');
    expect(lstatSync(join(dir, 'out', 'a.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'out', 'a.json'), 'utf8')).toBe('[]\n');
    expect(tempFilesIn(join(dir, 'out'))).toEqual([]);
    expect(removePendingOutputs()).toBe(0);
  });

  test('refuses a target that is a directory, and two outputs naming one file (also through a symlinked folder)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'taken.json'));
    await expect(writeOutputFiles([{ path: join(dir, 'taken.json'), data: 'x' }])).rejects.toBeInstanceOf(UsageError);
    symlinkSync(dir, join(dir, 'alias'));
    const twice = writeOutputFiles([{ path: join(dir, 'a.csv'), data: '1' }, { path: join(dir, 'alias', 'a.csv'), data: '2' }]);
    await expect(twice).rejects.toMatchObject({ code: 'USAGE' });
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
  });

  test.runIf(existsSync('/proc/self'))('a directory under /proc fails at once with a usage error (Node\'s recursive mkdir spins there)', async () => {
    await expect(prepareOutputs(['/proc/self/x/index.html'])).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('CLI writes', () => {
  test.runIf(existsSync('/proc/self'))('handbook --out /proc/self/x: exit 2 with a USAGE error before the handbook is built', async () => {
    const r = await cli(['handbook', '--data', fixtureDir('good'), '--out', '/proc/self/x'], tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[USAGE]');
  });

  test('handbook: a symlink planted in the --out folder is replaced, its target untouched', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'passwd'), 'root:x:0:0\n');
    mkdirSync(join(cwd, 'hb'));
    symlinkSync(join(cwd, 'passwd'), join(cwd, 'hb', 'handbook.md'));
    const r = await cli(['handbook', '--data', fixtureDir('good'), '--out', 'hb', '--top', '2'], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'passwd'), 'utf8')).toBe('root:x:0:0\n');
    expect(lstatSync(join(cwd, 'hb', 'handbook.md')).isFile()).toBe(true);
    expect(readdirSync(join(cwd, 'hb')).sort()).toEqual(['handbook.md', 'index.html', 'targets.csv', 'targets.xlsx']);
  });

  test('import --out X --report X, and --out equal to the imported file: exit 2, nothing written', async () => {
    const cwd = tmp();
    const data = ['--data', join(IMPORT_FIXTURES, 'dataset')];
    const same = await cli(['import', join(IMPORT_FIXTURES, 'mixed.csv'), '--out', 'x.json', '--report', './x.json', ...data], cwd);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--report');
    expect(existsSync(join(cwd, 'x.json'))).toBe(false);
    const copy = join(cwd, 'list.csv');
    writeFileSync(copy, readFileSync(join(IMPORT_FIXTURES, 'mixed.csv')));
    const over = await cli(['import', 'list.csv', '--out', 'list.csv', ...data], cwd);
    expect(over.code).toBe(2);
    expect(readFileSync(copy)).toEqual(readFileSync(join(IMPORT_FIXTURES, 'mixed.csv')));
    const ok = await cli(['import', 'list.csv', '--out', 'companies.json', '--report', 'report.csv', ...data], cwd);
    expect(ok.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['companies.json', 'list.csv', 'report.csv']);
  });
});

/** Spawn the built binary and hand back the child plus collected stderr. */
function spawnBuilt(args: readonly string[], cwd: string) {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, signal) => res({ code, signal })));
  return { child, done, stderr: () => stderr };
}

/**
 * Resolves once `path` exists: the handbook creates its --out folder after the CLI has installed its signal
 * handlers and before it writes anything, so a signal sent then interrupts a run in progress (a fixed delay fails
 * on a loaded machine, where Node can take longer than the delay to start).
 */
async function appears(path: string): Promise<void> {
  for (let i = 0; i < 3000 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 10));
}

describe.runIf(existsSync(BUILT_CLI))('built binary: EPIPE and signals', () => {
  test.each([
    ['rank --top 500', ['rank', '--top', '500']],
    ['rank --format json', ['rank', '--top', '500', '--format', 'json']],
    ['gaps', ['gaps']],
  ])('%s | head -1: exit 0 and nothing on stderr when stdout closes early', async (_name, args) => {
    const { child, done, stderr } = spawnBuilt(args, tmp());
    child.stdout.once('data', () => child.stdout.destroy());
    const r = await done;
    expect(stderr()).toBe('');
    expect(r).toEqual({ code: 0, signal: null });
  });

  test('SIGINT during handbook: exit 130, no partial file and no temporary file in --out', async () => {
    const cwd = tmp();
    const { child, done } = spawnBuilt(['handbook', '--out', 'hb'], cwd);
    child.stdout.resume();
    await appears(join(cwd, 'hb'));
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    const files = existsSync(join(cwd, 'hb')) ? readdirSync(join(cwd, 'hb')) : [];
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Whatever got renamed into place is complete: the HTML ends with its closing tag.
    if (files.includes('index.html')) expect(readFileSync(join(cwd, 'hb', 'index.html'), 'utf8').trimEnd().endsWith('</html>')).toBe(true);
  }, 30_000);
});

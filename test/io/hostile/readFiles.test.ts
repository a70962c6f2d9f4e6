import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/runCli.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import { safeLoadDataset } from '../../../src/io/loadDataset.js';
import { InputFileError, readInputFile } from '../../../src/io/readInputFile.js';
import { fixtureDir } from '../../helpers/fixtures.js';
import { importDataset } from '../import/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ct-hostile-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fifo = join(tmp, 'fifo');
execFileSync('mkfifo', [fifo]);
symlinkSync('/dev/zero', join(tmp, 'zero-link.json'));
writeFileSync(join(tmp, 'real.json'), '{"changes":[]}');
symlinkSync(join(tmp, 'real.json'), join(tmp, 'real-link.json'));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: tmp });
  return { code, stdout, stderr };
}

async function problemOf(path: string, maxBytes = 1024, withinDir?: string): Promise<[string, string]> {
  try {
    await readInputFile(path, { maxBytes, ...(withinDir !== undefined ? { withinDir } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(InputFileError);
    const e = error as InputFileError;
    return [e.code, e.problem];
  }
  return ['', 'read'];
}

describe('readInputFile: one bounded reader', () => {
  it('refuses /dev/zero, a symlink to it, a FIFO without a writer (no hang) and a directory', async () => {
    expect(await problemOf('/dev/zero')).toEqual(['FILE_NOT_REGULAR', 'not-regular']);
    expect(await problemOf(join(tmp, 'zero-link.json'))).toEqual(['FILE_NOT_REGULAR', 'not-regular']);
    expect(await problemOf(fifo)).toEqual(['FILE_NOT_REGULAR', 'not-regular']);
    expect(await problemOf(tmp)).toEqual(['FILE_NOT_REGULAR', 'not-regular']);
  });

  it('follows a symlink to a regular file named by the user, refuses one leaving withinDir', async () => {
    expect(await problemOf(join(tmp, 'real-link.json'))).toEqual(['', 'read']);
    const dir = join(tmp, 'inner');
    mkdirSync(dir);
    symlinkSync(join(tmp, 'real.json'), join(dir, 'out.json'));
    expect(await problemOf(join(dir, 'out.json'), 1024, dir)).toEqual(['FILE_NOT_REGULAR', 'outside-dir']);
  });

  it('states the limit and the setting that raises it; a missing file is FILE_UNREADABLE', async () => {
    writeFileSync(join(tmp, 'big.json'), Buffer.alloc(2000, 0x20));
    await expect(readInputFile(join(tmp, 'big.json'), { maxBytes: 1000, limitName: 'maxFileBytes', label: '--scenario' })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      limit: 1000,
      message: `--scenario: cannot read "${join(tmp, 'big.json')}": it is 2000 bytes, over the limit of 1000 bytes; split it or raise maxFileBytes`,
      messageZh: `--scenario：无法读取“${join(tmp, 'big.json')}”：文件 2000 字节，超过 1000 字节上限；请拆分文件或调大 maxFileBytes`,
    });
    expect(await problemOf(join(tmp, 'nope.json'))).toEqual(['FILE_UNREADABLE', 'missing']);
  });
});

describe('CLI files named by options', () => {
  it('whatif --scenario /dev/zero: FILE_NOT_REGULAR at once, exit 1', async () => {
    const r = await run(['whatif', '--scenario', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[FILE_NOT_REGULAR\]: --scenario：无法读取“\/dev\/zero”/);
  });

  it('import --mapping /dev/zero and --mapping via a symlink to /dev/zero: FILE_NOT_REGULAR', async () => {
    writeFileSync(join(tmp, 'a.csv'), '企业名称\n甲公司\n');
    for (const m of ['/dev/zero', 'zero-link.json']) {
      const r = await run(['import', 'a.csv', '--mapping', m, '--as-of', '2024']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/FILE_NOT_REGULAR/);
    }
  });

  it('rank --weights and --companies on a FIFO: FILE_NOT_REGULAR, no hang', async () => {
    symlinkSync(fifo, join(tmp, 'fifo.json'));
    for (const args of [['rank', '--weights', 'fifo.json'], ['rank', '--companies', 'fifo.json']]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/FILE_NOT_REGULAR/);
    }
  });

  it('--scenario with 200 kB of nested brackets: a typed error (json-too-complex) in well under a second', async () => {
    writeFileSync(join(tmp, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    const r = await run(['whatif', '--scenario', 'deep.json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.json: JSON is too complex: nested deeper than 64 levels/);
  });
});

describe('dataset files', () => {
  function copyGood(name: string): string {
    const dir = join(tmp, name);
    cpSync(fixtureDir('good'), dir, { recursive: true });
    return dir;
  }

  it('a links.json symlinked to /etc/passwd is refused and its bytes are never echoed', async () => {
    const dir = copyGood('passwd');
    rmSync(join(dir, 'links.json'));
    symlinkSync('/etc/passwd', join(dir, 'links.json'));
    const r = await safeLoadDataset(dir);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.file])).toEqual([['file-not-regular', 'links.json']]);
    expect(r.error.issues[0]!.message).toBe('file is refused: it is a symbolic link leading outside the dataset directory');
    expect(JSON.stringify(r.error.issues) + r.error.message).not.toMatch(/root|bin|nologin/);
  });

  it('a symlink inside the dataset directory is followed; one to /dev/zero is refused', async () => {
    const dir = copyGood('inner-link');
    cpSync(join(dir, 'links.json'), join(dir, 'links.real.json'));
    rmSync(join(dir, 'links.json'));
    symlinkSync('links.real.json', join(dir, 'links.json'));
    expect((await safeLoadDataset(dir)).success).toBe(true);
    rmSync(join(dir, 'links.json'));
    symlinkSync('/dev/zero', join(dir, 'links.json'));
    const r = await safeLoadDataset(dir);
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.file])).toEqual([['file-not-regular', 'links.json']]);
  });

  it('a 200 kB links.json of nested brackets: json-too-complex, fast (was: quadratic, > 120 s)', async () => {
    const dir = copyGood('deep');
    writeFileSync(join(dir, 'links.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    const r = await safeLoadDataset(dir);
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.file, i.message])).toEqual([
      ['json-too-complex', 'links.json', 'JSON is too complex: nested deeper than 64 levels (limit maxDepth) (line 1, column 65)'],
    ]);
  });

  it('a dataset file with 250,000 distinct keys: json-too-complex (limit maxKeys), no heap blow-up', async () => {
    const dir = copyGood('keys');
    const obj = Array.from({ length: 250_000 }, (_, i) => `"k${i}":1`).join(',');
    writeFileSync(join(dir, 'companies.json'), `[{${obj}}]`);
    const r = await safeLoadDataset(dir);
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.file])).toEqual([['json-too-complex', 'companies.json']]);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(/more than 100000 distinct property names \(limit maxKeys\)/);
  });
});

describe('import sources', () => {
  it('/dev/zero, a FIFO or a symlink to /dev/zero as the file to import: IMPORT_FAILED at once, naming the file', async () => {
    for (const [path, what] of [['/dev/zero', 'it is a device, not a regular file'], [fifo, 'it is a FIFO (named pipe), not a regular file'], [join(tmp, 'zero-link.json'), 'it leads to a device or other special file, not a regular file']] as const) {
      await expect(importCompanies(path, { asOf: '2024' })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: `importCompanies: cannot read "${path}": ${what}` });
    }
  });

  it('a file over maxBytes: IMPORT_FAILED stating the limit', async () => {
    writeFileSync(join(tmp, 'big.csv'), Buffer.alloc(5000, 0x41));
    await expect(importCompanies(join(tmp, 'big.csv'), { asOf: '2024', maxBytes: 4096 })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/it is 5000 bytes, over the limit of 4096 bytes; split it or raise maxBytes$/) });
  });
});

describe('JSON import', () => {
  it('a value nested 100,000 arrays or objects deep: IMPORT_FAILED, never RangeError', async () => {
    for (const [o, c] of [['[', ']'], ['{"a":', '}']] as const) {
      const text = `[{"企业名称":"甲公司","x":${o.repeat(100_000)}1${c.repeat(100_000)}}]`;
      await expect(importCompanies(Buffer.from(text), { format: 'json', asOf: '2024' })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/nested deeper than 64 levels/) });
    }
  });

  it('rows passed in memory with a value nested 100,000 deep: that row is rejected as malformed, the others count', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let deepObj: unknown = 1;
    for (let i = 0; i < 100_000; i++) deepObj = { a: deepObj };
    const r = await importCompanies([{ 企业名称: '聊城华泰纸业有限公司', 城市: '聊城' }, { 企业名称: '济南重工机械有限公司', 城市: '济南', x: deep }, { 企业名称: '烟台海洋化工有限公司', 城市: '烟台', hq: { x: deepObj } }], { dataset: await importDataset(), tag: false });
    expect(r.stats).toMatchObject({ rows: 3, accepted: 1, merged: 0, rejected: 2, offChain: 0 });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([[2, 'malformed-row'], [3, 'malformed-row']]);
  });

  it('rows passed in memory with a cycle or a 2^30-path shared structure: that row is malformed, quickly', async () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let diamond: unknown = [1];
    for (let i = 0; i < 30; i++) diamond = [diamond, diamond];
    const r = await importCompanies([{ 企业名称: '聊城华泰纸业有限公司', 城市: '聊城', x: cyclic }, { 企业名称: '济南重工机械有限公司', 城市: '济南', x: diamond }, { 企业名称: '烟台海洋化工有限公司', 城市: '烟台' }], { dataset: await importDataset(), tag: false });
    expect(r.stats).toMatchObject({ rows: 3, accepted: 1, merged: 0, rejected: 2, offChain: 0 });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([[1, 'malformed-row'], [2, 'malformed-row']]);
  });

  it('4.5 MB of records with 250,000 distinct keys: IMPORT_FAILED naming the limit, bounded memory', async () => {
    const text = `[${Array.from({ length: 250_000 }, (_, i) => `{"企业名称":"公司${i}","k${i}":1}`).join(',')}]`;
    await expect(importCompanies(Buffer.from(text), { format: 'json', asOf: '2024' })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/more than 100000 distinct property names/) });
  });

  it('a JSON import file with a __proto__ key is refused, naming the key (as dataset files are)', async () => {
    const text = '[{"企业名称":"聊城铝业科技有限公司","__proto__":{"polluted":1}}]';
    await expect(importCompanies(Buffer.from(text), { format: 'json', fileName: 'p.json', asOf: '2024' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: 'importCompanies: "p.json": key "__proto__" is not allowed (it could alter object prototypes); rename or remove it',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rows × distinct keys over maxCells: IMPORT_FAILED (maxCells)', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ 企业名称: `公司${i}`, [`k${i}`]: 1 }));
    await expect(importCompanies(rows, { asOf: '2024', maxCells: 1_000_000 })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/over the limit of 1000000 cells \(maxCells\)/) });
  });
});

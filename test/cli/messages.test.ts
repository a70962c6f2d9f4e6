import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cli } from './capture.js';


/** Latin words in a Chinese message, other than option names, ids and format values we quote. */
const ENGLISH_WORDS = /\b(Invalid|expected|received|Too small|Too big|option)\b/;

describe('messages in the user’s language', () => {
  it.each([
    [['rank', '--top', 'x'], 'rank：--top：'],
    [['plan', '--days', '0'], 'plan：--days：'],
    [['gaps', '--format', 'xml'], '--format：'],
    [['whatif', '--size', '-1', '--close', '信发集团'], 'whatif：--size：'],
    [['plan', '--cities-per-day', '0'], '--cities-per-day：'],
  ])('%j: one Chinese line, exit 2', async (args, lead) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(lead);
    expect(r.stderr).not.toMatch(ENGLISH_WORDS);
  });

  it('the same errors stay English with --lang en', async () => {
    const r = await cli(['rank', '--top', 'x', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error \[USAGE\]: rank: --top: Invalid input: expected number, received NaN\n$/);
  });

  it('a --data folder that does not exist is one line (exit 2), in Chinese and in English', async () => {
    const dir = join(tmpdir(), 'chain-targeting-no-such-dataset-dir');
    for (const cmd of ['gaps', 'rank', 'info', 'list']) {
      const r = await cli([cmd, ...(cmd === 'list' ? ['industries'] : []), '--data', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`错误 [USAGE]: --data：数据目录不存在：${dir}\n`);
    }
    const en = await cli(['gaps', '--data', dir, '--lang', 'en']);
    expect(en.stderr).toBe(`error [USAGE]: --data: no such dataset directory: ${dir}\n`);
  });
});

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium } from '../../../src/handbook/pdf/findChromium.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-chromium-'));
const fakeBin = join(dir, 'chromium');
writeFileSync(fakeBin, '#!/bin/sh\n');
chmodSync(fakeBin, 0o755);
const notExec = join(dir, 'plain');
writeFileSync(notExec, '');

describe('findChromium', () => {
  it('takes the explicit path first, then CHAIN_TARGETING_CHROMIUM, then CHROMIUM_PATH', () => {
    expect(findChromium(fakeBin, { CHAIN_TARGETING_CHROMIUM: '/nope' })).toBe(fakeBin);
    expect(findChromium(undefined, { CHAIN_TARGETING_CHROMIUM: fakeBin, CHROMIUM_PATH: '/nope' })).toBe(fakeBin);
    expect(findChromium(undefined, { CHROMIUM_PATH: fakeBin })).toBe(fakeBin);
  });

  it('rejects a named path that is missing or not executable, in Chinese and English, code BROWSER_NOT_FOUND', () => {
    for (const bad of [join(dir, 'missing'), notExec, dir]) {
      let err: unknown;
      try {
        findChromium(bad, {});
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(BrowserNotFoundError);
      expect((err as BrowserNotFoundError).code).toBe('BROWSER_NOT_FOUND');
      expect((err as BrowserNotFoundError).message).toContain(bad);
      expect((err as BrowserNotFoundError).localizedMessage('zh')).toContain('不是可执行文件');
    }
  });
});

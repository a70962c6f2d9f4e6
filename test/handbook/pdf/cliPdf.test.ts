import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/runCli.js';
import { fixtureDir } from '../../helpers/fixtures.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('chain-targeting handbook --pdf without a usable Chromium', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`exits 1 before writing anything, saying how to install or point at Chromium (${lang})`, async () => {
      const cwd = await mkdtemp(join(tmpdir(), 'ct-pdf-'));
      dirs.push(cwd);
      let out = '';
      let err = '';
      const code = await runCli(['handbook', '--data', fixtureDir('good'), '--pdf', '--chromium', join(cwd, 'no-such-chromium'), '--lang', lang], {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s) },
        cwd,
      });
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain('[BROWSER_NOT_FOUND]');
      expect(err).toContain(lang === 'zh' ? '不是可执行文件' : 'not an executable file');
      expect(existsSync(join(cwd, 'out'))).toBe(false);
    });
  }
});

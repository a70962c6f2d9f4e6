import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { UsageError } from '../../src/errors.js';
import { buildHandbook } from '../../src/handbook/buildHandbook.js';
import { renderHtml } from '../../src/handbook/render/html.js';
import { writeHandbookFiles } from '../../src/handbook/writeHandbookFiles.js';
import { tinyDataset } from './fixtures.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'ct-handbook-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('determinism', () => {
  it('writes byte-identical files for the same inputs, whatever the clock says', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const first = await writeHandbookFiles(tinyDataset(), { outDir: a, date: '2026-02-03' });
      vi.setSystemTime(new Date('2033-07-09T13:14:15Z'));
      const second = await writeHandbookFiles(tinyDataset(), { outDir: b, date: '2026-02-03' });
      for (const key of ['html', 'markdown', 'xlsx', 'csv'] as const) {
        const [x, y] = [await readFile(first.files[key]), await readFile(second.files[key])];
        expect(x.length).toBeGreaterThan(0);
        expect(Buffer.compare(x, y), key).toBe(0);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders the 聊城 handbook identically twice', () => {
    const ds = liaocheng();
    expect(renderHtml(buildHandbook(ds))).toBe(renderHtml(buildHandbook(ds)));
  });

  it('reports a directory it cannot write as a UsageError', async () => {
    const d = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(d, 'file'), 'x');
    await expect(writeHandbookFiles(tinyDataset(), { outDir: join(d, 'file', 'sub') })).rejects.toBeInstanceOf(UsageError);
  });
});

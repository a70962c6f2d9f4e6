import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeParseDataset } from '../../src/dataset/parseDataset.js';
import { safeLoadDataset } from '../../src/io/loadDataset.js';
import { fixtureDir, goodInput } from '../helpers/fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'ct-hostile-'));
function copyGood(name: string): string {
  const dir = join(tmp, name);
  cpSync(fixtureDir('good'), dir, { recursive: true });
  return dir;
}

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('hostile input', () => {
  it('rejects __proto__, constructor and prototype keys in files without polluting prototypes', async () => {
    const r = await safeLoadDataset(fixtureDir('bad-files'));
    expect(r.success).toBe(false);
    if (r.success) return;
    const forbidden = r.error.issues.filter((i) => i.code === 'forbidden-key');
    expect(forbidden.map((i) => [i.file, i.index, i.field])).toEqual([['enterprises.json', 0, '__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a constructor key deep inside an in-memory record', () => {
    const input = goodInput();
    const meta = JSON.parse('{"priorities": {"industries": {"constructor": 1}}}') as Record<string, unknown>;
    const r = safeParseDataset({ ...input, meta: { ...input.meta, ...meta } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.field])).toEqual([['forbidden-key', 'priorities.industries.constructor']]);
  });

  it('reports invalid UTF-8 with its line, invalid JSON with line and column, and an array where an object belongs', async () => {
    const r = await safeLoadDataset(fixtureDir('bad-files'));
    expect(r.success).toBe(false);
    if (r.success) return;
    const byFile = new Map(r.error.issues.map((i) => [i.file, i]));
    expect(byFile.get('segments.json')?.code).toBe('invalid-encoding');
    expect(byFile.get('segments.json')?.message).toMatch(/line 1/);
    expect(byFile.get('links.json')?.code).toBe('invalid-json');
    expect(byFile.get('links.json')?.message).toMatch(/line 1, column 51/);
    expect(byFile.get('dataset.json')?.code).toBe('invalid-value');
  });

  it('refuses a 50 MB file with a clear error instead of reading it', async () => {
    const dir = copyGood('huge');
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('[]', 0);
    writeFileSync(join(dir, 'companies.json'), big);
    const r = await safeLoadDataset(dir, { maxFileBytes: 32 * 1024 * 1024 });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.file])).toEqual([['file-too-large', 'companies.json']]);
  });

  it('reads a 50 MB file cleanly when the limit allows it (default 64 MiB)', async () => {
    const dir = copyGood('huge-ok');
    const json = Buffer.from(JSON.stringify(goodInput().companies));
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    json.copy(body, 0);
    writeFileSync(join(dir, 'companies.json'), body);
    const r = await safeLoadDataset(dir);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.companies.map((c) => c.id)).toEqual(['profile-co', 'parent-co', 'cell-co']);
  });

  it('accepts a UTF-8 BOM', async () => {
    const dir = copyGood('bom');
    const json = JSON.stringify(goodInput().links);
    writeFileSync(join(dir, 'links.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    const r = await safeLoadDataset(dir);
    expect(r.success).toBe(true);
  });

  it('never throws on non-object input', () => {
    for (const v of [null, 42, 'x', []]) {
      const r = safeParseDataset(v as never);
      expect(r.success).toBe(false);
    }
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/cli/output.js';
import { jsonArrayChunks } from '../../src/io/jsonChunks.js';
import { writeOutputFiles } from '../../src/io/writeOutputFiles.js';

describe('jsonArrayChunks', () => {
  it('gives byte for byte the text of toJson (JSON.stringify(…, null, 2), control characters escaped)', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue()), (items) => [...jsonArrayChunks(items)].join('') === toJson(items)), { numRuns: 500 });
  });

  it('handles the empty array, undefined and functions as JSON.stringify does in an array, and escapes ESC, C1, U+2028 and bidi', () => {
    const odd: unknown[] = [undefined, () => 1, Number.NaN, { s: 'a\u001b]0;x\u0007\u009b\u2028\u202e' }, [[]], {}, 'x\ny', new Date(0)];
    expect([...jsonArrayChunks(odd)].join('')).toBe(toJson(odd));
    expect([...jsonArrayChunks([])].join('')).toBe('[]\n');
    expect([...jsonArrayChunks(odd)].join('')).not.toMatch(/[\u001b\u009b\u2028\u202e]/);
  });

  it('is one chunk per item (plus the closing one), so no chunk holds the whole list', () => {
    expect([...jsonArrayChunks([{ a: 1 }, { b: 2 }, { c: 3 }])]).toHaveLength(4);
  });

  it('writeOutputFiles writes text chunks to the same bytes as the whole string', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'json-chunks-'));
    // 40 items of about 30,000 characters: past the writer's 1 MiB block, so the chunks are written in two blocks
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `co-${i}`, name: `测试${i}有限公司`, note: 'x'.repeat(30_000 + i) }));
    await writeOutputFiles([
      { path: join(dir, 'whole.json'), data: toJson(items) },
      { path: join(dir, 'chunks.json'), data: jsonArrayChunks(items) },
    ]);
    expect(readFileSync(join(dir, 'chunks.json'))).toEqual(readFileSync(join(dir, 'whole.json')));
  });
});

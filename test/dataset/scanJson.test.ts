import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJson, findForbiddenKeys, parseJsonText } from '../../src/dataset/decodeJson.js';
import { DEFAULT_JSON_LIMITS, scanJson } from '../../src/dataset/scanJson.js';

const parses = (t: string): boolean => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('scanJson', () => {
  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (v, pretty) => {
      const t = JSON.stringify(v, null, pretty ? 2 : undefined);
      expect(scanJson(t)).toBeUndefined();
    }), { numRuns: 300 });
  });

  it('agrees with JSON.parse on mangled JSON (one character changed, inserted or removed)', () => {
    const alphabet = '[]{}",:\\ \n0123456789-+.eEtrufalsn\u0001x';
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.nat(alphabet.length - 1), fc.constantFrom('set', 'insert', 'delete'), (v, at, ch, op) => {
      const t = JSON.stringify(v);
      const k = at % (t.length + 1);
      const c = alphabet[ch]!;
      const m = op === 'set' ? t.slice(0, k) + c + t.slice(k + 1) : op === 'insert' ? t.slice(0, k) + c + t.slice(k) : t.slice(0, k) + t.slice(k + 1);
      expect(scanJson(m) === undefined).toBe(parses(m));
    }), { numRuns: 2000 });
  });

  it.each([
    ['', 0], ['[1,2', 4], ['{"a":1,}', 7], ['[1 2]', 3], ['{a:1}', 1], ['[1]x', 3], ['[01]', 2], ['["a\nb"]', 3], ['[tru]', 1], ['-', 1], ['"\\x"', 1],
  ])('reports the position of the first error in %j', (text, position) => {
    expect(scanJson(text)?.position).toBe(position);
  });

  it('refuses depth past the limit in linear time: 100,000 nested arrays', () => {
    const t = '['.repeat(100_000) + ']'.repeat(100_000);
    const p = scanJson(t);
    expect(p).toMatchObject({ kind: 'limit', position: 64 });
  });

  it('caps values and distinct keys', () => {
    expect(scanJson('[1,2,3,4]', { ...DEFAULT_JSON_LIMITS, maxNodes: 4 })?.kind).toBe('limit');
    expect(scanJson('[1,2,3]', { ...DEFAULT_JSON_LIMITS, maxNodes: 4 })).toBeUndefined();
    expect(scanJson('[{"a":1,"b":2},{"a":3,"c":4}]', { ...DEFAULT_JSON_LIMITS, maxKeys: 2 })?.kind).toBe('limit');
    expect(scanJson('[{"a":1,"b":2},{"a":3,"b":4}]', { ...DEFAULT_JSON_LIMITS, maxKeys: 2 })).toBeUndefined();
  });
});

describe('parseJsonText / decodeJson', () => {
  it('gives a typed issue, never RangeError, for 100,000 nested arrays or objects', () => {
    for (const [o, c] of [['[', ']'], ['{"a":', '}']] as const) {
      const r = parseJsonText(o.repeat(100_000) + '1' + c.repeat(100_000), 'deep.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => [i.code, i.file])).toEqual([['json-too-complex', 'deep.json']]);
      if (!r.ok) expect(r.issues[0]!.message).toMatch(/nested deeper than 64 levels.*line 1, column (65|321)\)$/);
    }
  });

  it('never quotes the text in a syntax error (a file that is really /etc/passwd)', () => {
    const r = decodeJson(Buffer.from('root:x:0:0:root:/root:/bin/bash\nsecret:x:1:1::/:/bin/sh\n'), 'links.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'invalid-json', file: 'links.json' });
    expect(r.issues[0]!.message).toBe('file is not valid JSON: unexpected character where a value should be (line 1, column 1)');
    expect(JSON.stringify(r.issues)).not.toMatch(/root|secret|bin/);
  });

  it('strips a BOM from bytes and from text', () => {
    expect(decodeJson(Buffer.from('\uFEFF[1]'), 'a.json')).toEqual({ ok: true, value: [1] });
    expect(parseJsonText('\uFEFF[1]', 'a.json')).toEqual({ ok: true, value: [1] });
  });
});

describe('findForbiddenKeys', () => {
  it('is linear in depth: a 200 kB chain of nested objects is scanned at once', () => {
    let v: unknown = { constructor: 1 };
    for (let i = 0; i < 50_000; i++) v = { a: [v] };
    const found = findForbiddenKeys(v);
    expect(found).toHaveLength(1);
    expect(found[0]!.length).toBe(100_001);
    expect(found[0]![found[0]!.length - 1]).toBe('constructor');
  });

  it('finds keys in the same order and with the same paths as before, and survives cycles', () => {
    const v = JSON.parse('{"x":[{"__proto__":1},{"y":{"prototype":2}}],"constructor":3}') as unknown;
    expect(findForbiddenKeys(v)).toEqual([['constructor'], ['x', 0, '__proto__'], ['x', 1, 'y', 'prototype']]);
    const cyc: Record<string, unknown> = { a: 1 };
    cyc.self = cyc;
    expect(findForbiddenKeys(cyc)).toEqual([]);
  });
});

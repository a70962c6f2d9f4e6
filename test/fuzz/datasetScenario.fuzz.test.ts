// Fuzzing the dataset loader and the scenario parser with random values, mutated good files, random bytes
// and the hostile shapes of issue 21 (deep nesting, wide objects, prototype keys). Each call gives a
// result or a ChainTargetingError with a code (DATASET_INVALID, SCENARIO_INVALID), within the time bound.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ChainTargetingError } from '../../src/errors.js';
import { decodeJson } from '../../src/dataset/decodeJson.js';
import { parseDataset, safeParseDataset } from '../../src/dataset/parseDataset.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { parseScenario } from '../../src/whatif/parseScenario.js';
import { fixtureDir, goodInput } from '../helpers/fixtures.js';
import { fuzzRuns, typedOrResult } from './fuzzRuns.js';

const tmp = mkdtempSync(join(tmpdir(), 'ct-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Nested arrays or objects `depth` levels deep, built without recursion. */
function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom<unknown>('__proto__', 'constructor', 'prototype', '\u001b[2J', '', 1.7e308, -1, Number.MAX_SAFE_INTEGER),
  fc.constantFrom<unknown>(deep(100_000, 'array'), deep(100_000, 'object'), deep(70, 'array')),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1}}') as unknown),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 50 }),
);

type Path = (string | number)[];

/** A copy of `v` with the value at a random path replaced (the path chosen by `pick`). */
function mutate(v: unknown, pick: readonly number[], replacement: unknown): unknown {
  const root = structuredClone(v) as unknown;
  let cur = root;
  const path: Path = [];
  for (const p of pick) {
    if (cur === null || typeof cur !== 'object') break;
    const keys = Array.isArray(cur) ? cur.map((_, i) => i) : Object.keys(cur);
    if (keys.length === 0) break;
    const k = keys[p % keys.length]!;
    path.push(k);
    const next = (cur as Record<string | number, unknown>)[k];
    if (next === null || typeof next !== 'object' || path.length === pick.length) {
      (cur as Record<string | number, unknown>)[k] = replacement;
      return root;
    }
    cur = next;
  }
  return replacement;
}

describe('fuzz: parseDataset / loadDataset', () => {
  it('a good dataset with one value replaced by a hostile one: the dataset, or DATASET_INVALID', async () => {
    const good = goodInput();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostileValue, async (pick, replacement) => {
        const input = mutate(good, pick, replacement);
        await typedOrResult(() => parseDataset(input as never), ['DATASET_INVALID']);
        const r = safeParseDataset(input as never);
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: fuzzRuns(150) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('random bytes or mangled JSON as a dataset file: the dataset, or DATASET_INVALID naming the file', async () => {
    const dir = join(tmp, 'ds');
    cpSync(fixtureDir('good'), dir, { recursive: true });
    const file = fc.constantFrom('links.json', 'companies.json', 'dataset.json', 'segments.json');
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
      fc.tuple(fc.nat(2000), fc.constantFrom('[', '{"a":', '["')).map(([d, o]) => Buffer.from(o.repeat(d))),
      fc.constant(Buffer.from('[' + '{"x":1},'.repeat(1000) + ']')),
    );
    await fc.assert(
      fc.asyncProperty(file, content, async (name, bytes) => {
        const original = join(fixtureDir('good'), name);
        writeFileSync(join(dir, name), bytes);
        try {
          await typedOrResult(() => loadDataset(dir), ['DATASET_INVALID']);
        } finally {
          cpSync(original, join(dir, name));
        }
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it('decodeJson on random text never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v) ?? '')), (text) => {
        const r = decodeJson(Buffer.from(text), 'x.json');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});

describe('fuzz: parseScenario', () => {
  const change = fc.record(
    {
      type: fc.constantFrom('land', 'close-enterprise', 'add-enterprise', 'set-priority', 'set-weights', 'exclude', 'nonsense'),
      company: hostileValue,
      id: hostileValue,
      segments: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), hostileValue),
      size: hostileValue,
      industry: fc.string({ maxLength: 10 }),
      weight: fc.oneof(fc.double(), hostileValue),
    },
    { requiredKeys: ['type'] },
  );
  it('random and hostile scenarios: a scenario, or SCENARIO_INVALID — never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, fc.record({ name: fc.string(), changes: fc.oneof(fc.array(change, { maxLength: 4 }), hostileValue) })), async (raw) => {
        await typedOrResult(() => parseScenario(raw), ['SCENARIO_INVALID']);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('a scenario nested 100,000 levels deep is refused with SCENARIO_INVALID', () => {
    for (const kind of ['array', 'object'] as const) {
      expect(() => parseScenario({ changes: [{ type: 'land', company: deep(100_000, kind) }] })).toThrow(ChainTargetingError);
      expect(() => parseScenario(deep(100_000, kind))).toThrow(ChainTargetingError);
    }
  });
});

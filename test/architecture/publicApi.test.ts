import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

/** The names `src/index.ts` exports (values and types), read from its `export { … } from` lists. */
function indexExports(): string[] {
  const names: string[] = [];
  for (const m of read('src/index.ts').matchAll(/export (?:type )?\{([^}]*)\} from/g)) {
    for (const n of m[1]!.split(',')) if (n.trim() !== '') names.push(n.trim().replace(/^type /, ''));
  }
  return names;
}

/** The names imported from 'chain-targeting' in a text (code blocks of Markdown, or a .ts file). */
function importedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'chain-targeting'/g)) {
    for (const n of m[1]!.split(',')) if (n.trim() !== '') names.push(n.trim().replace(/^type /, ''));
  }
  return names;
}

describe('public surface (src/index.ts)', () => {
  const exported = indexExports();

  test('exports each name once, and neither the CLI nor an internal/ module', () => {
    expect(exported.length).toBeGreaterThan(100);
    expect(exported.filter((n, i) => exported.indexOf(n) !== i)).toEqual([]);
    expect(read('src/index.ts')).not.toMatch(/from '\.\/(cli\/|[a-z]+\/internal\/)/);
  });

  test('docs/api.md lists every export, and exports everything it lists', () => {
    const api = read('docs/api.md');
    const listed = [...api.matchAll(/^(?:Values|Types): (.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/`([A-Za-z_]\w*)`/g)].map((x) => x[1]!));
    expect([...listed].sort()).toEqual([...exported].sort());
  });

  test('every name the README, docs/ and examples/ import from the package is exported', () => {
    const texts = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`), ...readdirSync(join(ROOT, 'examples')).filter((f) => /\.(ts|md)$/.test(f)).map((f) => `examples/${f}`)];
    const imported = texts.flatMap((t) => importedNames(read(t)));
    expect(imported.length).toBeGreaterThan(20);
    expect([...new Set(imported.filter((n) => !exported.includes(n)))]).toEqual([]);
  });
});

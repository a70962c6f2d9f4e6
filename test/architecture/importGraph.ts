import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layers of src/, lowest first. A module may import from its own unit or from a unit in a LOWER layer; units in
 * the same layer are siblings and must not import each other. `cli` is the application on top: only `cli/` itself
 * imports it (the package entry `index.ts` does not). A top-level file (errors.ts, index.ts, jsonSchemas.ts) is a
 * unit of its own, named without `.ts`. A unit missing from this list is an error, so a new folder gets a place.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['internal'],
  ['errors'],
  ['messages', 'stats'],
  ['schema'],
  ['dataset'],
  ['match'],
  ['io'],
  ['model'],
  ['graph'],
  ['gaps'],
  ['scoring'],
  ['whatif', 'backtest', 'handbook', 'engine'],
  ['jsonSchemas'],
  ['index'],
  ['cli'],
];

/** One import of a relative module, from one file of src/ to another (paths relative to src/, with `/`). */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** A rule broken by one import edge. */
export interface Violation extends ImportEdge {
  readonly rule: 'upward' | 'sibling' | 'cli' | 'internal' | 'command' | 'unknown-unit';
}

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (static, re-export and dynamic `import()`) of every .ts file under `srcDir` that stays inside it. */
export function readImportEdges(srcDir: string): ImportEdge[] {
  const root = resolve(srcDir);
  const edges: ImportEdge[] = [];
  for (const file of walk(root).sort()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]!);
      const to = relative(root, target);
      if (to.startsWith('..')) continue; // data/*.json, package.json: outside src/
      edges.push({ from: relative(root, file).split(sep).join('/'), to: to.split(sep).join('/').replace(/\.js$/, '.ts') });
    }
  }
  return edges;
}

/** The unit of a path relative to src/: its first folder, or the file name without extension for a top-level file. */
export function unitOf(path: string): string {
  const parts = path.split('/');
  return parts.length === 1 ? parts[0]!.replace(/\.(ts|js)$/, '') : parts[0]!;
}

function layerOf(unit: string, layers: readonly (readonly string[])[]): number {
  return layers.findIndex((l) => l.includes(unit));
}

/** The rules an edge breaks (none for a good edge). */
export function checkEdge(edge: ImportEdge, layers: readonly (readonly string[])[] = LAYERS): Violation[] {
  const a = unitOf(edge.from);
  const b = unitOf(edge.to);
  const out: Violation[] = [];
  const la = layerOf(a, layers);
  const lb = layerOf(b, layers);
  if (la < 0 || lb < 0) return [{ ...edge, rule: 'unknown-unit' }];
  if (b === 'cli' && a !== 'cli') out.push({ ...edge, rule: 'cli' });
  else if (a !== b && lb > la) out.push({ ...edge, rule: 'upward' });
  else if (a !== b && lb === la) out.push({ ...edge, rule: 'sibling' });
  // a unit's internal/ folder is private to that unit (src/internal/ itself is the shared bottom layer)
  const internalAt = edge.to.split('/').indexOf('internal');
  if (internalAt > 0 && a !== b) out.push({ ...edge, rule: 'internal' });
  // one CLI command never imports another; what two commands share lives in src/cli/
  if (edge.from.startsWith('cli/commands/') && edge.to.startsWith('cli/commands/') && edge.from !== 'cli/commands/index.ts') {
    out.push({ ...edge, rule: 'command' });
  }
  return out;
}

/** Every violation in a list of edges. */
export function violations(edges: readonly ImportEdge[], layers: readonly (readonly string[])[] = LAYERS): Violation[] {
  return edges.flatMap((e) => checkEdge(e, layers));
}

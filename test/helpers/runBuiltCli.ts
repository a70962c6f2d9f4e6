import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Path of the built binary; `npm test` builds before running vitest. */
export const BUILT_CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');

/** Run the built `chain-targeting` binary; returns exit code, stdout and stderr. */
export function runBuiltCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): { code: number; stdout: string; stderr: string } {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first (npm test does it).`);
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    cwd: options.cwd ?? join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

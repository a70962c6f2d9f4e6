import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * One file to write: its path (resolved against the process cwd when relative) and its content, whole or as text
 * chunks (written as they come, so a large output is never held whole; see `jsonArrayChunks`).
 */
export interface OutputFile {
  readonly path: string;
  readonly data: string | Uint8Array | Iterable<string>;
}

/** Write text chunks through the handle in blocks of about 1 MiB. */
async function writeChunks(handle: import('node:fs/promises').FileHandle, chunks: Iterable<string>): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  for (const c of chunks) {
    parts.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      await handle.write(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) await handle.write(parts.join(''));
}

/** Temporary files being written right now, so a signal handler can remove them (see `removePendingOutputs`). */
const PENDING = new Set<string>();

function unwritable(path: string, why: string, whyZh: string): UsageError {
  return new UsageError(`cannot write "${path}": ${why}`, `无法写入“${path}”：${whyZh}`);
}

/**
 * `mkdir -p` that cannot spin: Node's recursive mkdir loops forever under /proc (`/proc/self/x`), so each
 * level is created on its own and the walk is bounded by the path's depth.
 */
async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      const s = await stat(dir).catch(() => undefined);
      if (s?.isDirectory() === true) return;
      throw unwritable(dir, 'exists and is not a directory', '已存在且不是目录');
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw unwritable(dir, (error as Error).message, (error as Error).message);
  }
  await ensureDir(dirname(dir));
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(dir, (error as Error).message, (error as Error).message);
  }
}

/** The path with its existing directory part resolved through symlinks, so two spellings of one file compare equal. */
async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  const real = await realpath(dirname(abs)).catch(() => dirname(abs));
  return join(real, basename(abs));
}

/**
 * Refuse outputs that would overwrite each other or an input (`import --out X --report X`, or `--out` equal to
 * the file being imported): a usage error naming both options, raised before any work is done.
 *
 * @param outputs - `[label, path]` pairs, e.g. `['--out', 'companies.json']`
 * @param inputs - `[label, path]` pairs of files read by the same command
 * @throws {UsageError} when two of them resolve to the same file
 * @example
 * await assertDistinctPaths([['--out', 'a.json'], ['--report', 'a.json']]); // throws UsageError
 */
export async function assertDistinctPaths(outputs: readonly (readonly [string, string])[], inputs: readonly (readonly [string, string])[] = []): Promise<void> {
  const seen = new Map<string, string>();
  for (const [label, path] of inputs) seen.set(await canonical(path), label);
  for (const [label, path] of outputs) {
    const key = await canonical(path);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new UsageError(`${label} and ${other} name the same file "${path}"; give each output its own path`, `${label} 与 ${other} 指向同一个文件“${path}”；请为每个输出指定不同的路径`);
    }
    seen.set(key, label);
  }
}

async function prepareTarget(path: string): Promise<void> {
  const target = resolve(path);
  await ensureDir(dirname(target));
  const existing = await lstat(target).catch(() => undefined);
  // A symlink at the target is replaced by the rename in writeOne (rename never follows it); anything else
  // that is not a regular file (directory, FIFO, device, /proc entry) is refused rather than written into.
  if (existing !== undefined && !existing.isFile() && !existing.isSymbolicLink()) {
    throw unwritable(target, 'not a regular file', '不是普通文件');
  }
}

/**
 * Check output paths before the work that produces them, so a bad `--out` fails in milliseconds, not after
 * a long build: no two paths name the same file, their directories exist or can be created, and no target is
 * something other than a regular file (or a symlink, which will be replaced).
 *
 * @param paths - the output paths
 * @throws {UsageError} naming the first path that cannot be written
 * @example
 * await prepareOutputs(['out/index.html', 'out/handbook.md']);
 */
export async function prepareOutputs(paths: readonly string[]): Promise<void> {
  await assertDistinctPaths(paths.map((p, i) => [`output ${i + 1}`, p] as const));
  for (const p of paths) await prepareTarget(p);
}

async function writeOne(file: OutputFile): Promise<string> {
  const target = resolve(file.path);
  const dir = dirname(target);
  await prepareTarget(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  PENDING.add(temp);
  try {
    // 'wx' = O_CREAT|O_EXCL: fails on any existing entry, a symlink included, so the temp file is never a link.
    const handle = await open(temp, 'wx', 0o644);
    try {
      if (typeof file.data === 'string' || file.data instanceof Uint8Array) await handle.writeFile(file.data);
      else await writeChunks(handle, file.data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    PENDING.delete(temp);
    return target;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    PENDING.delete(temp);
    if (error instanceof UsageError) throw error;
    throw unwritable(target, (error as Error).message, (error as Error).message);
  }
}

/**
 * Write output files safely: each goes to a temporary file in the same directory and is renamed over the
 * target, so a reader (or an interrupted run) sees the old file or the whole new one, never a part. A symlink
 * planted at a target is replaced, never followed; a target that is not a regular file is refused; missing
 * directories are created; two outputs resolving to the same file are refused before anything is written.
 *
 * @param files - paths and contents
 * @returns the absolute paths written, in order
 * @throws {UsageError} when a path repeats, a directory cannot be created, or a target cannot be written
 * @example
 * await writeOutputFiles([{ path: 'out/companies.json', data: '[]\n' }]);
 */
export async function writeOutputFiles(files: readonly OutputFile[]): Promise<string[]> {
  await assertDistinctPaths(files.map((f, i) => [`output ${i + 1}`, f.path] as const));
  const written: string[] = [];
  for (const f of files) written.push(await writeOne(f));
  return written;
}

/**
 * Remove the temporary files of writes still in progress (synchronously, so it can run in an `exit` or signal
 * handler). The CLI calls it on SIGINT/SIGTERM so an interrupted run leaves no partial file behind.
 *
 * @returns how many files were removed
 */
export function removePendingOutputs(): number {
  let n = 0;
  for (const temp of PENDING) {
    try {
      unlinkSync(temp);
      n++;
    } catch {
      // already renamed or never created
    }
    PENDING.delete(temp);
  }
  return n;
}

import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { relative, isAbsolute, sep } from 'node:path';
import { ChainTargetingError, type ErrorCode } from '../errors.js';

/** Why a file was not read. */
export type InputFileProblem = 'missing' | 'unreadable' | 'not-regular' | 'outside-dir' | 'too-large';

const CODES: Readonly<Record<InputFileProblem, ErrorCode>> = {
  missing: 'FILE_UNREADABLE',
  unreadable: 'FILE_UNREADABLE',
  'not-regular': 'FILE_NOT_REGULAR',
  'outside-dir': 'FILE_NOT_REGULAR',
  'too-large': 'FILE_TOO_LARGE',
};

/**
 * A file that was not read: missing, unreadable, not a regular file (a device, FIFO, directory), a symlink
 * leaving the directory it must stay in, or over the size limit. The message names the file and never
 * quotes its content.
 */
export class InputFileError extends ChainTargetingError {
  /** The path as given. */
  readonly path: string;
  readonly problem: InputFileProblem;
  /** The size limit, for `too-large`. */
  readonly limit?: number;
  /** English and Chinese detail, without the file name (for callers that name the file themselves). */
  readonly detail: string;
  readonly detailZh: string;

  constructor(path: string, problem: InputFileProblem, detail: string, detailZh: string, limit?: number, cause?: unknown, label?: string) {
    const pre = label !== undefined ? `${label}: ` : '';
    const preZh = label !== undefined ? `${label}：` : '';
    super(CODES[problem], `${pre}cannot read "${path}": ${detail}`, `${preZh}无法读取“${path}”：${detailZh}`, cause !== undefined ? { cause } : undefined);
    this.path = path;
    this.problem = problem;
    this.detail = detail;
    this.detailZh = detailZh;
    if (limit !== undefined) this.limit = limit;
  }
}

/** Options of `readInputFile`. */
export interface ReadInputOptions {
  /** Largest size read, in bytes; a larger file (or one that grows past it while read) is refused. */
  readonly maxBytes: number;
  /**
   * A directory the file must stay in: a symlink whose target lies outside it is refused (dataset files).
   * Without it, a symlink to a regular file is followed (a file the user named on the command line).
   */
  readonly withinDir?: string;
  /** The option or setting that raises the limit, named in the too-large message (e.g. `maxFileBytes`). */
  readonly limitName?: string;
  /** What the file is, put before the message (e.g. `--scenario`). */
  readonly label?: string;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function errnoProblem(path: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputFileError(path, 'missing', 'no such file', '文件不存在', undefined, error);
  if (code === 'ELOOP') return new InputFileError(path, 'not-regular', 'it is a symbolic link that is not followed here (or a loop of links)', '它是此处不跟随的符号链接（或链接循环）', undefined, error);
  if (code === 'EISDIR') return new InputFileError(path, 'not-regular', 'it is a directory, not a file', '这是目录，不是文件', undefined, error);
  const what = code ?? 'error';
  return new InputFileError(path, 'unreadable', `the system refused (${what})`, `系统拒绝读取（${what}）`, undefined, error);
}

function tooLarge(path: string, size: string, maxBytes: number, limitName: string | undefined): InputFileError {
  const raise = limitName !== undefined ? `; split it or raise ${limitName}` : '';
  const raiseZh = limitName !== undefined ? `；请拆分文件或调大 ${limitName}` : '';
  return new InputFileError(path, 'too-large', `it is ${size} bytes, over the limit of ${maxBytes} bytes${raise}`, `文件 ${size} 字节，超过 ${maxBytes} 字节上限${raiseZh}`, maxBytes);
}

/**
 * Read a whole input file with bounds: refuses what is not a regular file (a device such as /dev/zero, a
 * FIFO, a directory — checked on the opened handle, so a symlink to /dev/zero is refused too), a symlink
 * leaving `withinDir`, and anything over `maxBytes` (at most `maxBytes + 1` bytes are ever read, so a file
 * growing while read cannot exceed the limit). Opening never blocks (O_NONBLOCK: a FIFO without a writer
 * does not hang). Errors name the file and never quote its content.
 *
 * @param path - the file
 * @param options - `{ maxBytes, withinDir?, limitName?, label? }`
 * @returns the bytes
 * @throws {InputFileError} code FILE_UNREADABLE, FILE_NOT_REGULAR or FILE_TOO_LARGE
 * @example
 * const bytes = await readInputFile('scenario.json', { maxBytes: 16 * 1024 * 1024 });
 */
export async function readInputFile(path: string, options: ReadInputOptions): Promise<Uint8Array> {
  try {
    return await readBounded(path, options);
  } catch (error) {
    if (!(error instanceof InputFileError) || options.label === undefined) throw error;
    throw new InputFileError(path, error.problem, error.detail, error.detailZh, error.limit, error.cause, options.label);
  }
}

async function readBounded(path: string, options: ReadInputOptions): Promise<Uint8Array> {
  const { maxBytes, withinDir, limitName } = options;
  let target = path;
  try {
    const l = await lstat(path);
    if (l.isSymbolicLink() && withinDir !== undefined) {
      const [real, root] = await Promise.all([realpath(path), realpath(withinDir)]);
      if (!inside(root, real)) {
        throw new InputFileError(path, 'outside-dir', 'it is a symbolic link leading outside the dataset directory', '它是指向数据集目录之外的符号链接');
      }
      target = real;
    } else if (!l.isSymbolicLink() && !l.isFile()) {
      const kind = l.isDirectory() ? ['a directory', '目录'] : l.isFIFO() ? ['a FIFO (named pipe)', '命名管道'] : l.isCharacterDevice() || l.isBlockDevice() ? ['a device', '设备文件'] : l.isSocket() ? ['a socket', '套接字'] : ['not a regular file', '非普通文件'];
      throw new InputFileError(path, 'not-regular', `it is ${kind[0]}, not a regular file`, `它是${kind[1]}，不是普通文件`);
    }
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw errnoProblem(path, error);
  }
  let handle: FileHandle;
  try {
    // Inside a directory, O_NOFOLLOW: a symlink swapped in after the lstat fails instead of being followed.
    const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (withinDir !== undefined ? (constants.O_NOFOLLOW ?? 0) : 0);
    handle = await open(target, flags);
  } catch (error) {
    throw errnoProblem(path, error);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) {
      const kind = s.isDirectory() ? ['a directory', '目录'] : s.isFIFO() ? ['a FIFO (named pipe)', '命名管道'] : ['a device or other special file', '设备或其他特殊文件'];
      throw new InputFileError(path, 'not-regular', `it leads to ${kind[0]}, not a regular file`, `它指向${kind[1]}，不是普通文件`);
    }
    if (s.size > maxBytes) throw tooLarge(path, String(s.size), maxBytes, limitName);
    const cap = maxBytes + 1;
    let buf = Buffer.allocUnsafe(Math.min(cap, Math.max(s.size, 0) + 1));
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (buf.length >= cap) break;
        const next = Buffer.allocUnsafe(Math.min(cap, buf.length * 2));
        buf.copy(next, 0, 0, got);
        buf = next;
      }
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got > maxBytes) throw tooLarge(path, `more than ${maxBytes}`, maxBytes, limitName);
    return buf.subarray(0, got);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw errnoProblem(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

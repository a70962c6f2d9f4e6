import { accessSync, constants, statSync } from 'node:fs';
import { ChainTargetingError } from '../../errors.js';

/** Environment variables that may name a Chromium (or Chrome) binary, in order. */
export const CHROMIUM_ENV = ['CHAIN_TARGETING_CHROMIUM', 'CHROMIUM_PATH'] as const;

/** Where Chromium or Chrome is usually installed (Debian/Ubuntu, Fedora, macOS), tried in order. */
export const CHROMIUM_CANDIDATES: readonly string[] = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]);

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Thrown when no Chromium binary can be found (code `BROWSER_NOT_FOUND`). */
export class BrowserNotFoundError extends ChainTargetingError {
  constructor(message: string, messageZh: string) {
    super('BROWSER_NOT_FOUND', message, messageZh);
    this.name = 'BrowserNotFoundError';
  }
}

/**
 * The Chromium binary to print with: `explicit` (the `--chromium` option) if given, else the first of the variables
 * `CHAIN_TARGETING_CHROMIUM`, `CHROMIUM_PATH` that is set, else the first usual install path that is an executable file.
 * An explicit path or variable that does not point at an executable is an error, not skipped.
 *
 * @param explicit - a path given by the caller
 * @param env - the environment (default `process.env`)
 * @returns the absolute path of the binary
 * @throws {BrowserNotFoundError} when none is found, naming how to install one or point at one
 * @example
 * findChromium(undefined, { CHROMIUM_PATH: '/usr/bin/chromium' }); // '/usr/bin/chromium'
 */
export function findChromium(explicit?: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const named = explicit !== undefined && explicit !== '' ? { from: '--chromium', path: explicit } : CHROMIUM_ENV.map((v) => ({ from: v, path: env[v] ?? '' })).find((x) => x.path !== '');
  if (named !== undefined) {
    if (executable(named.path)) return named.path;
    throw new BrowserNotFoundError(
      `${named.from} points at ${named.path}, which is not an executable file. Give the path of a Chromium or Chrome binary.`,
      `${named.from} 指向的 ${named.path} 不是可执行文件。请给出 Chromium 或 Chrome 可执行文件的路径。`,
    );
  }
  const found = CHROMIUM_CANDIDATES.find(executable);
  if (found !== undefined) return found;
  throw new BrowserNotFoundError(
    `No Chromium found to print the PDF (looked in ${CHROMIUM_CANDIDATES.join(', ')}). Install one (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk) or point at it with --chromium <path> or CHAIN_TARGETING_CHROMIUM=<path>. Or run without --pdf and print the HTML from a browser.`,
    `未找到用于生成 PDF 的 Chromium（已查找 ${CHROMIUM_CANDIDATES.join('、')}）。请安装（Debian/Ubuntu：apt-get install -y chromium fonts-noto-cjk），或用 --chromium <路径> 或环境变量 CHAIN_TARGETING_CHROMIUM=<路径> 指定。也可不加 --pdf 生成 HTML 后在浏览器中打印。`,
  );
}

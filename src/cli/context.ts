import { statSync } from 'node:fs';
import type { Command } from 'commander';
import * as z from 'zod';
import { UsageError, type Lang } from '../errors.js';
import { liaocheng } from '../dataset/liaocheng.js';
import { loadDataset } from '../io/loadDataset.js';
import type { Dataset } from '../schema/dataset.js';
import type { Format } from './output.js';

/** Where the CLI writes; injected so tests can capture output. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly cwd: string;
}

/** Global options shared by every command. */
export const GlobalOptions = z.object({
  data: z.string().optional(),
  format: z.enum(['table', 'json', 'csv']).default('table'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type GlobalOptions = z.output<typeof GlobalOptions>;

/** What every command receives: output streams, resolved global options, and the dataset loader. */
export interface CommandContext {
  readonly io: CliIo;
  readonly format: Format;
  readonly lang: Lang;
  /** `--data DIR`, or undefined for the embedded 聊城 dataset. */
  readonly dataDir: string | undefined;
  /** Load `--data DIR` (or the embedded dataset). Throws DatasetError on bad data (exit 1). */
  loadData(): Promise<Dataset>;
  /** Pick the zh or en text. */
  t(zh: string, en: string): string;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `citiesPerDay` → `--cities-per-day`: the option as the user typed it. */
function optionName(path: readonly PropertyKey[]): string {
  return `--${path.map((p) => String(p).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join('.')}`;
}

/**
 * Validate a command's options with zod; a bad value is a one-line usage error (exit 2) whose Chinese text
 * comes from zod's zh-CN locale (schema-specific messages stay as written).
 *
 * @example
 * parseOptions(z.object({ top: z.coerce.number().int().positive() }), { top: 'x' }, 'rank');
 * // throws UsageError: "rank: --top: Invalid input: expected number, received NaN" / "rank：--top：无效输入：期望 数字，实际接收 NaN"
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, command: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const zh = schema.safeParse(input, { error: z.locales.zhCN().localeError });
  const en = r.error.issues.map((i) => `${optionName(i.path)}: ${i.message}`).join('; ');
  const zhText = (zh.error?.issues ?? r.error.issues).map((i) => `${optionName(i.path)}：${i.message}`).join('；');
  throw new UsageError(`${command}: ${en}`, `${command}：${zhText}`);
}

/** Resolve global options of a command (validated with zod; a bad value is a usage error, exit 2). */
export function contextFor(cmd: Command, io: CliIo): CommandContext {
  const raw = cmd.optsWithGlobals();
  const { data, format, lang } = parseOptions(GlobalOptions, { data: raw.data, format: raw.format, lang: raw.lang }, cmd.name());
  return {
    io,
    format,
    lang,
    dataDir: data,
    loadData: () => {
      if (data === undefined) return Promise.resolve(liaocheng());
      // A mistyped --data path is one line, not the list of every file the loader would have wanted.
      if (!isDirectory(data)) throw new UsageError(`--data: no such dataset directory: ${data}`, `--data：数据目录不存在：${data}`);
      return loadDataset(data);
    },
    t: (zh, en) => (lang === 'zh' ? zh : en),
  };
}

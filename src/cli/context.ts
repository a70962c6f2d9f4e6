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

/** Resolve global options of a command (validated with zod; a bad value is a usage error, exit 2). */
export function contextFor(cmd: Command, io: CliIo): CommandContext {
  const raw = cmd.optsWithGlobals();
  const r = GlobalOptions.safeParse({ data: raw.data, format: raw.format, lang: raw.lang });
  if (!r.success) {
    const msg = r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UsageError(`invalid option ${msg}`, `选项无效 ${msg}`);
  }
  const { data, format, lang } = r.data;
  return {
    io,
    format,
    lang,
    dataDir: data,
    loadData: () => (data === undefined ? Promise.resolve(liaocheng()) : loadDataset(data)),
    t: (zh, en) => (lang === 'zh' ? zh : en),
  };
}

import { join, resolve } from 'node:path';
import { prepareOutputs, writeOutputFiles } from '../io/writeOutputFiles.js';
import type { Dataset } from '../schema/index.js';
import { buildHandbook } from './buildHandbook.js';
import { buildHandbookFromResults, type HandbookInputs } from './buildHandbookFromResults.js';
import type { HandbookOptionsInput } from './options.js';
import { writeCsv } from './render/csv.js';
import { readEchartsBrowserBuild } from './interactive/echartsAsset.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import { writeXlsx } from './render/xlsx.js';
import type { Handbook } from './types.js';

/** Where the handbook files were written (absolute paths). */
export interface HandbookFiles {
  readonly html: string;
  readonly markdown: string;
  readonly xlsx: string;
  readonly csv: string;
}

/**
 * Build the handbook and write its four files into a directory (created if missing): index.html,
 * handbook.md, targets.xlsx, targets.csv. The only function of the handbook stage that touches the file
 * system. Same dataset and options → byte-identical files. Each file is written to a temporary file and
 * renamed (`writeOutputFiles`): a symlink planted in the directory is replaced, never followed.
 *
 * @param dataset - a validated dataset
 * @param options - `outDir` plus the options of `buildHandbook`; `results` (from `handbookResults`) when the caller already
 *   computed them; `interactive` (default true): the HTML carries the interactive 招商图谱 (ECharts inlined, ~1.1 MB);
 *   `onHtml`: called with the HTML as soon as it is rendered, before the other files are made and anything is written
 *   (the CLI starts printing the PDF there, so Chromium works while the workbook is built)
 * @returns the handbook data and the absolute paths written
 * @throws {UsageError} when the directory or a file cannot be written (or is not a regular file), or for bad options
 * @throws {NotFoundError} for an unknown industry
 * @example
 * const { files } = await writeHandbookFiles(liaocheng(), { outDir: 'out', date: '2026-11-30' });
 * files.html; // '/…/out/index.html'
 */
export async function writeHandbookFiles(
  dataset: Dataset,
  options: HandbookOptionsInput & { readonly outDir: string; readonly results?: HandbookInputs; readonly interactive?: boolean; readonly onHtml?: (html: string) => void },
): Promise<{ handbook: Handbook; files: HandbookFiles }> {
  const { outDir, results, interactive = true, onHtml, ...rest } = options;
  const dir = resolve(outDir);
  const files: HandbookFiles = { html: join(dir, 'index.html'), markdown: join(dir, 'handbook.md'), xlsx: join(dir, 'targets.xlsx'), csv: join(dir, 'targets.csv') };
  // Fail before the (seconds-long) build when the directory cannot take the files.
  await prepareOutputs([files.html, files.markdown, files.xlsx, files.csv]);
  // Results computed by the caller (the `start` command prints them first) are used as they are, not recomputed.
  const handbook = results !== undefined ? buildHandbookFromResults(dataset, results, rest) : buildHandbook(dataset, rest);
  const html = renderHtml(handbook, interactive ? { echartsJs: await readEchartsBrowserBuild() } : {});
  onHtml?.(html);
  const xlsx = await writeXlsx(handbook);
  await writeOutputFiles([
    { path: files.html, data: html },
    { path: files.markdown, data: renderMarkdown(handbook) },
    { path: files.xlsx, data: xlsx },
    { path: files.csv, data: writeCsv(handbook) },
  ]);
  return { handbook, files };
}

import type { Command } from 'commander';
import { describeIssue, type DataIssue } from '../../errors.js';
import { liaocheng } from '../../dataset/liaocheng.js';
import { safeLoadDataset } from '../../io/loadDataset.js';
import { contextFor, type CliIo } from '../context.js';
import { renderRows, toJson } from '../output.js';
import type { DatasetResult } from '../../dataset/parseDataset.js';
import { resolve } from 'node:path';
import { dataQualityReport, renderDataQualityReport, strictFindings } from '../../dataset/dataQuality.js';
import { writeOutputFiles } from '../../io/writeOutputFiles.js';
import type { Dataset } from '../../schema/dataset.js';
import type { CommandContext } from '../context.js';

const ISSUE_COLUMNS = [
  { key: 'file', zh: '文件', en: 'File' },
  { key: 'row', zh: '记录', en: 'Record' },
  { key: 'id', zh: 'id', en: 'id' },
  { key: 'field', zh: '字段', en: 'Field' },
  { key: 'code', zh: '问题代码', en: 'Code' },
  { key: 'message', zh: '说明', en: 'Message' },
] as const;

function issueRows(issues: readonly DataIssue[], lang: 'zh' | 'en'): Record<string, unknown>[] {
  return issues.map((i) => ({ file: i.file, row: i.index !== undefined ? i.index + 1 : '', id: i.id ?? '', field: i.field ?? '', code: i.code, message: lang === 'zh' ? i.messageZh : i.message }));
}

/** `validate [DIR]`: check a dataset directory; exit 1 with every problem listed, exit 0 with warnings (unknown fields) listed. */
export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .argument('[dir]', '数据集目录 / dataset directory (default: --data, or the embedded 聊城 data)')
    .description('校验数据集（逐文件、逐条记录、跨文件引用） / Validate a dataset: every file, record and cross-file reference')
    .option('--strict', '另列出没有可核对来源支持的记录和字段（有这样的记录时退出码 1） / also list records and fields no checkable source supports (exit 1 when a record has none)')
    .option('--report [file]', '输出数据质量报告（Markdown；--format json 为 JSON），给出文件名则写入文件 / print the data-quality report (Markdown, or JSON with --format json), or write it to FILE')
    .action(async (dir: string | undefined, opts: { strict?: boolean; report?: string | boolean }, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const target = dir ?? ctx.dataDir;
      const result: DatasetResult = target === undefined ? { success: true, data: liaocheng() } : await safeLoadDataset(target);
      const label = target ?? 'data/liaocheng (embedded)';
      const warnings = result.warnings ?? [];
      const warningLines = (): string =>
        warnings.length === 0 ? '' : `${ctx.t(`⚠ ${warnings.length} 个警告（不影响加载）`, `⚠ ${warnings.length} warning(s) (the data still loads)`)}:\n${warnings.map((w) => `  ! ${describeIssue(w, ctx.lang)}\n`).join('')}`;
      if (result.success) {
        const d = result.data;
        const counts = { industries: d.industries.length, segments: d.segments.length, links: d.links.length, enterprises: d.enterprises.length, companies: d.companies.length, cities: d.cities.length };
        const wantReport = opts.report !== undefined && opts.report !== false;
        if (ctx.format === 'json') {
          // One JSON document: the report (unless written to a file) and the strict findings ride along.
          const s = opts.strict === true ? strictFindings(d) : undefined;
          const extra = {
            ...(wantReport && opts.report === true ? { report: dataQualityReport(d) } : {}),
            ...(s !== undefined ? { unsupportedRecords: s.records, unsupportedFields: s.fields } : {}),
          };
          io.stdout.write(toJson({ valid: true, dataset: label, counts, issues: [], warnings, ...extra }));
          if (wantReport && typeof opts.report === 'string') await writeReport(ctx, io, d, opts.report);
          if (s !== undefined && s.records.length > 0) setExit(1);
          return;
        }
        else if (ctx.format === 'csv' && warnings.length > 0) io.stdout.write(renderRows(issueRows(warnings, ctx.lang), ISSUE_COLUMNS, 'csv', ctx.lang));
        else io.stdout.write(`${ctx.t('✔ 数据集有效', '✔ dataset is valid')}: ${label} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})\n${warningLines()}`);
        if (wantReport) await writeReport(ctx, io, d, opts.report as string | true);
        if (opts.strict === true && !strict(ctx, io, d)) setExit(1);
        return;
      }
      const issues = result.error.issues;
      if (ctx.format === 'json') {
        io.stdout.write(toJson({ valid: false, dataset: label, issues, warnings }));
      } else {
        if (ctx.format === 'table') io.stderr.write(`${ctx.t(`✘ 数据集有 ${issues.length} 个问题`, `✘ dataset has ${issues.length} problem(s)`)}: ${label}\n`);
        io.stdout.write(
          ctx.format === 'csv'
            ? renderRows(issueRows([...issues, ...warnings], ctx.lang), ISSUE_COLUMNS, 'csv', ctx.lang)
            : `${issues.map((i) => `  - ${describeIssue(i, ctx.lang)}`).join('\n')}\n${warningLines()}`,
        );
      }
      setExit(1);
    });
}

/** `--report [file]`: the data-quality report (issue 17) to stdout or to a file. */
async function writeReport(ctx: CommandContext, io: CliIo, dataset: Dataset, target: string | true): Promise<void> {
  const report = dataQualityReport(dataset);
  const text = ctx.format === 'json' ? toJson(report) : renderDataQualityReport(report, ctx.lang);
  if (target === true) {
    io.stdout.write(text);
    return;
  }
  await writeOutputFiles([{ path: resolve(io.cwd, target), data: text }]);
  io.stderr.write(ctx.t(`已写入：${target}\n`, `written: ${target}\n`));
}

/** `--strict`: records and fields without a checkable source; false when some record has none at all. */
function strict(ctx: CommandContext, io: CliIo, dataset: Dataset): boolean {
  const s = strictFindings(dataset);
  const byField = new Map<string, string[]>();
  for (const f of s.fields) byField.set(`${f.file} ${f.field}`, [...(byField.get(`${f.file} ${f.field}`) ?? []), f.id]);
  const lines = [
    ctx.t(`没有任何可核对来源的记录：${s.records.length}`, `Records no checkable source supports: ${s.records.length}`),
    ...s.records.map((r) => `  - ${r.file} ${r.id}`),
    ctx.t(`缺少可核对逐字段来源的字段（规模、榜单、所有制、上市代码、联系）：${s.fields.length}`, `Fields without a checkable per-field source (size, lists, ownership, stock code, ties): ${s.fields.length}`),
    ...[...byField.entries()].map(([k, ids]) => `  - ${k} (${ids.length}): ${ids.join(', ')}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return s.records.length === 0;
}

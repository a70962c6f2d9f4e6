import type { Command } from 'commander';
import { describeIssue, type DataIssue } from '../../errors.js';
import { liaocheng } from '../../dataset/liaocheng.js';
import { safeLoadDataset } from '../../io/loadDataset.js';
import { contextFor, type CliIo } from '../context.js';
import { renderRows, toJson } from '../output.js';
import type { DatasetResult } from '../../dataset/parseDataset.js';

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
    .action(async (dir: string | undefined, _opts: unknown, cmd: Command) => {
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
        if (ctx.format === 'json') io.stdout.write(toJson({ valid: true, dataset: label, counts, issues: [], warnings }));
        else if (ctx.format === 'csv' && warnings.length > 0) io.stdout.write(renderRows(issueRows(warnings, ctx.lang), ISSUE_COLUMNS, 'csv', ctx.lang));
        else io.stdout.write(`${ctx.t('✔ 数据集有效', '✔ dataset is valid')}: ${label} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})\n${warningLines()}`);
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

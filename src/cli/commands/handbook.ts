import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { UsageError } from '../../errors.js';
import { PartialDate } from '../../schema/common.js';
import { WEIGHT_PRESETS } from '../../scoring/presets.js';
import { contextFor, type CliIo } from '../context.js';
import { toJson } from '../output.js';

const HandbookArgs = z.object({
  industry: z.string().min(1).optional(),
  top: z.coerce.number().int().positive().max(500).default(10),
  out: z.string().min(1).default('out'),
  date: PartialDate.optional(),
  weights: z
    .string()
    .refine((w) => Object.hasOwn(WEIGHT_PRESETS, w) || w === 'entropy', { message: `use one of ${[...Object.keys(WEIGHT_PRESETS), 'entropy'].join(', ')}` })
    .optional(),
  method: z.enum(['weighted', 'topsis']).optional(),
});

/** `handbook`: write the 招商项目手册 (index.html, handbook.md, targets.xlsx, targets.csv) into a directory. */
export function registerHandbook(program: Command, io: CliIo): void {
  program
    .command('handbook')
    .description('生成招商项目手册（HTML 图谱、Markdown、Excel、CSV） / Write the targeting handbook (HTML with chain maps, Markdown, Excel, CSV)')
    .option('--industry <id>', '只生成该产业的章节 / only this industry’s chapter')
    .option('--top <n>', '每章目标企业数（默认 10） / targets per chapter (default 10)')
    .option('--out <dir>', '输出目录（默认 ./out） / output directory (default ./out)')
    .option('--date <date>', '封面日期 YYYY-MM-DD（默认数据截至日期） / date printed on the cover (default: the data’s as-of date)')
    .option('--weights <preset>', '权重方案 balanced|fill-first|strengthen-first|build-first|entropy / weight preset')
    .option('--method <method>', '聚合方法 weighted|topsis / aggregation method')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const parsed = HandbookArgs.safeParse(opts);
      if (!parsed.success) {
        const msg = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ');
        throw new UsageError(`handbook: ${msg}`, `handbook：选项无效 ${msg}`);
      }
      const a = parsed.data;
      const ds = await ctx.loadData();
      if (a.industry !== undefined && !ds.industries.some((i) => i.id === a.industry)) {
        const valid = ds.industries.map((i) => i.id).join(', ');
        throw new UsageError(`--industry: unknown industry "${a.industry}"; valid: ${valid}`, `--industry：没有产业“${a.industry}”；可用：${valid}`);
      }
      // Loaded on demand: the handbook pulls in echarts and exceljs (~1 s), which other commands never need.
      const { writeHandbookFiles } = await import('../../handbook/writeHandbookFiles.js');
      const { handbook, files } = await writeHandbookFiles(ds, {
        outDir: resolve(io.cwd, a.out),
        lang: ctx.lang,
        top: a.top,
        ...(a.industry !== undefined ? { industry: a.industry } : {}),
        ...(a.date !== undefined ? { date: a.date } : {}),
        ...(a.weights !== undefined ? { weights: a.weights } : {}),
        ...(a.method !== undefined ? { method: a.method } : {}),
      });
      if (ctx.format === 'json') {
        io.stdout.write(toJson({ files, chapters: handbook.chapters.length, targets: handbook.visitPlan.firms, date: handbook.date }));
        return;
      }
      const show = (p: string): string => relative(io.cwd, p) || p;
      io.stdout.write(
        ctx.t(
          `招商手册已生成（${handbook.chapters.length} 个产业章节，${handbook.visitPlan.firms} 家重点目标企业，日期 ${handbook.date}）：\n`,
          `Handbook written (${handbook.chapters.length} industry chapter${handbook.chapters.length === 1 ? '' : 's'}, ${handbook.visitPlan.firms} top targets, date ${handbook.date}):\n`,
        ) + [files.html, files.markdown, files.xlsx, files.csv].map((p) => `  ${show(p)}\n`).join(''),
      );
    });
}

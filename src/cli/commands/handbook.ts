import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { PartialDate } from '../../schema/common.js';
import { datasetWithCompanies } from '../companiesArg.js';
import { contextFor, parseOptions, type CliIo } from '../context.js';
import { toJson } from '../output.js';
import { methodArg, weightsNameArg } from '../args.js';
import { industryCandidates, resolveName } from '../resolveName.js';
import type { PdfPrinter, PrintedPdf } from '../../handbook/pdf/printHandbookPdf.js';

const HandbookArgs = z.object({
  industry: z.string().min(1).optional(),
  top: z.coerce.number().int().positive().max(500).default(10),
  out: z.string().min(1).default('out'),
  date: PartialDate.optional(),
  weights: weightsNameArg.optional(),
  method: methodArg.optional(),
  companies: z.string().min(1).optional(),
  cards: z.coerce.number().int().nonnegative().max(50).optional(),
  mermaid: z.boolean().optional(),
  pdf: z.boolean().default(false),
  chromium: z.string().min(1).optional(),
  interactive: z.boolean().default(true),
});

/** `handbook`: write the 招商项目手册 (index.html, handbook.md, targets.xlsx, targets.csv, with --pdf handbook.pdf) into a directory. */
export function registerHandbook(program: Command, io: CliIo): void {
  program
    .command('handbook')
    .description('生成招商项目手册（HTML 图谱、Markdown、Excel、CSV） / Write the targeting handbook (HTML with chain maps, Markdown, Excel, CSV)')
    .option('--industry <name>', '只生成该产业的章节（名称或 id） / only this industry’s chapter (name or id)')
    .option('--top <n>', '每章目标企业数（默认 10） / targets per chapter (default 10)')
    .option('--out <dir>', '输出目录（默认 ./out） / output directory (default ./out)')
    .option('--date <date>', '封面日期 YYYY-MM-DD（默认数据截至日期） / date printed on the cover (default: the data’s as-of date)')
    .option('--weights <preset>', '权重方案 均衡|补短板|强链|前瞻布局|熵权法|学习权重（或 balanced|fill-first|strengthen-first|build-first|entropy|learned；学习权重由本数据集的回测结果拟合，依据的落地很少，仅供对照） / weight preset, entropy, or learned (fitted on this dataset\'s backtest outcomes; rests on few landings, for comparison only)')
    .option('--method <method>', '聚合方法 加权求和|TOPSIS（weighted|topsis） / aggregation method')
    .option('--cards <n>', '每章单页重点目标企业数（默认 3，0 = 不生成） / key targets per chapter printed one per page (default 3; 0 = none)')
    .option('--mermaid', 'Markdown 中以 Mermaid 流程图绘制产业链（默认为紧凑表格） / Mermaid chain maps in the Markdown (default: a compact table per chain)')
    .option('--companies <file>', '用 JSON 文件中的企业（如 import --out 的结果）代替内置目标企业 / use the companies in this JSON file (e.g. an import result)')
    .option('--pdf', '同时用无头 Chromium 生成 handbook.pdf（A4，页码，目录页码） / also print handbook.pdf with headless Chromium (A4, page numbers, TOC page numbers)')
    .option('--chromium <path>', 'Chromium/Chrome 可执行文件路径（默认环境变量 CHAIN_TARGETING_CHROMIUM 或常见安装位置） / Chromium binary (default: $CHAIN_TARGETING_CHROMIUM or the usual paths)')
    .option('--no-interactive', 'HTML 不含交互式招商图谱（不内嵌 ECharts，文件小约 1.1 MB） / HTML without the interactive chain map (no inlined ECharts, ~1.1 MB smaller)')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const a = parseOptions(HandbookArgs, opts, 'handbook');
      // Fail before the build when --pdf cannot be honoured.
      const { findChromium } = await import('../../handbook/pdf/findChromium.js');
      const chromium = a.pdf ? findChromium(a.chromium) : undefined;
      // Chromium starts now and is ready when the HTML is written: its launch overlaps the build.
      const printer = chromium !== undefined ? import('../../handbook/pdf/printHandbookPdf.js').then((m) => m.launchPdfPrinter({ chromium })) : undefined;
      printer?.catch(() => undefined); // a failed launch is reported where the PDF is printed
      try {
        await writeHandbook(ctx, a, printer);
      } finally {
        await (await printer?.catch(() => undefined))?.close();
      }
    });

  async function writeHandbook(ctx: ReturnType<typeof contextFor>, a: z.infer<typeof HandbookArgs>, printer: Promise<PdfPrinter> | undefined): Promise<void> {
    const loaded = await ctx.loadData();
    const ds = a.companies !== undefined ? await datasetWithCompanies(loaded, a.companies, ctx, io) : loaded;
    if (a.industry !== undefined) a.industry = resolveName(industryCandidates(ds), a.industry, '--industry');
    // Loaded on demand: the handbook pulls in echarts and exceljs (~1 s), which other commands never need.
    const { writeHandbookFiles } = await import('../../handbook/writeHandbookFiles.js');
    const outDir = resolve(io.cwd, a.out);
    // Printing starts from the rendered HTML while the workbook, Markdown and CSV are made and the files written.
    let printing: Promise<PrintedPdf> | undefined;
    const onHtml = (html: string): void => {
      if (printer === undefined) return;
      printing = printer.then((p) => p.print(join(outDir, 'index.html'), join(outDir, 'handbook.pdf'), html));
      printing.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    };
    const { handbook, files } = await writeHandbookFiles(ds, {
      outDir,
      onHtml,
      lang: ctx.lang,
      top: a.top,
      ...(a.industry !== undefined ? { industry: a.industry } : {}),
      ...(a.date !== undefined ? { date: a.date } : {}),
      ...(a.weights !== undefined ? { weights: a.weights } : {}),
      ...(a.method !== undefined ? { method: a.method } : {}),
      ...(a.cards !== undefined ? { cardsPerIndustry: a.cards } : {}),
      ...(a.mermaid === true ? { mermaid: true } : {}),
      interactive: a.interactive,
    });
    const pdf = printing !== undefined ? await printing : printer !== undefined ? await (await printer).print(files.html, join(dirname(files.html), 'handbook.pdf')) : undefined;
    if (ctx.format === 'json') {
      io.stdout.write(toJson({ files: pdf !== undefined ? { ...files, pdf: pdf.path } : files, ...(pdf !== undefined ? { pdfPages: pdf.pages } : {}), chapters: handbook.chapters.length, targets: handbook.visitPlan.firms, date: handbook.date }));
      return;
    }
    const show = (p: string): string => relative(io.cwd, p) || p;
    io.stdout.write(
      ctx.t(
        `招商手册已生成（${handbook.chapters.length} 个产业章节，${handbook.visitPlan.firms} 家重点目标企业，日期 ${handbook.date}）：\n`,
        `Handbook written (${handbook.chapters.length} industry chapter${handbook.chapters.length === 1 ? '' : 's'}, ${handbook.visitPlan.firms} top targets, date ${handbook.date}):\n`,
      ) +
        [files.html, files.markdown, files.xlsx, files.csv, ...(pdf !== undefined ? [pdf.path] : [])].map((p) => `  ${show(p)}\n`).join('') +
        (pdf !== undefined
          ? pdf.unnumbered.length === 0
            ? ctx.t(`PDF 共 ${pdf.pages} 页，目录已标页码。\n`, `PDF: ${pdf.pages} pages, table of contents with page numbers.\n`)
            : ctx.t(
                `PDF 共 ${pdf.pages} 页；目录中 ${pdf.unnumbered.length} 项未能标上页码（${pdf.unnumbered.slice(0, 3).join('、')}${pdf.unnumbered.length > 3 ? ' 等' : ''}），请用浏览器打开 index.html 打印核对。\n`,
                `PDF: ${pdf.pages} pages; ${pdf.unnumbered.length} table-of-contents entries got no page number (${pdf.unnumbered.slice(0, 3).join(', ')}${pdf.unnumbered.length > 3 ? ' …' : ''}); print index.html from a browser to check.\n`,
              )
          : ''),
    );
  }
}

import type { Command } from 'commander';
import { datasetInfo } from '../../dataset/datasetInfo.js';
import { contextFor, type CliIo } from '../context.js';
import { renderRows, toJson } from '../output.js';

const COLUMNS = [
  { key: 'id', zh: 'id', en: 'id' },
  { key: 'name', zh: '产业', en: 'Industry' },
  { key: 'group', zh: '分组', en: 'Group' },
  { key: 'subDirections', zh: '细分方向', en: 'Sub-directions' },
  { key: 'segments', zh: '环节', en: 'Segments' },
  { key: 'enterprises', zh: '本地企业', en: 'Local firms' },
  { key: 'companies', zh: '目标企业', en: 'Targets' },
] as const;

/** `info`: counts per file and per industry. */
export function registerInfo(program: Command, io: CliIo): void {
  program
    .command('info')
    .description('数据集概况：各文件与各产业的数量 / Dataset summary: counts per file and per industry')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const info = datasetInfo(await ctx.loadData());
      if (ctx.format === 'json') {
        io.stdout.write(toJson(info));
        return;
      }
      if (ctx.format === 'table') {
        const c = info.counts;
        io.stdout.write(
          `${info.name} (${info.id}, ${ctx.t('截至', 'as of')} ${info.asOf})\n` +
            ctx.t(
              `产业 ${c.industries} · 细分方向 ${c.subDirections} · 环节 ${c.segments} · 链接 ${c.links}（跨产业 ${c.crossIndustryLinks}） · 本地企业 ${c.enterprises} · 目标企业 ${c.companies} · 地点 ${c.cities}\n`,
              `industries ${c.industries} · sub-directions ${c.subDirections} · segments ${c.segments} · links ${c.links} (cross-industry ${c.crossIndustryLinks}) · local enterprises ${c.enterprises} · target companies ${c.companies} · places ${c.cities}\n`,
            ),
        );
      }
      io.stdout.write(renderRows(info.industries.map((i) => ({ ...i, name: ctx.lang === 'zh' ? i.name : i.nameEn })), COLUMNS, ctx.format, ctx.lang));
    });
}

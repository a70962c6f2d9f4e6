import type { Command } from 'commander';
import { contextFor, type CliIo } from '../context.js';
import { datasetInfo } from './info.js';

/** `start`: the main job (npm start) — dataset summary, gap summary, top targets, and the handbook in ./out. */
export function registerStart(program: Command, io: CliIo): void {
  program
    .command('start')
    .description('主任务：数据概况、缺口摘要、重点目标企业，并生成招商手册 / Main job: summary, gaps, top targets, handbook')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const ds = await ctx.loadData();
      const info = datasetInfo(ds);
      const c = info.counts;
      io.stdout.write(
        `${info.name} (${ctx.t('截至', 'as of')} ${info.asOf})\n` +
          ctx.t(
            `产业 ${c.industries} · 细分方向 ${c.subDirections} · 环节 ${c.segments} · 链接 ${c.links} · 本地企业 ${c.enterprises} · 目标企业 ${c.companies}\n`,
            `industries ${c.industries} · sub-directions ${c.subDirections} · segments ${c.segments} · links ${c.links} · local enterprises ${c.enterprises} · target companies ${c.companies}\n`,
          ),
      );
    });
}

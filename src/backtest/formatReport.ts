import type { Lang } from '../errors.js';
import type { LearnedModel } from './learnedWeights.js';
import type { BacktestReport, PartFigures } from './runBacktest.js';

const f3 = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(3));

const ci = (i: { readonly low: number; readonly high: number } | undefined): string => (i === undefined ? '' : ` [${i.low.toFixed(2)}, ${i.high.toFixed(2)}]`);

function partLines(p: PartFigures, lang: Lang): string[] {
  const zh = lang === 'zh';
  const name = p.part === 'dev' ? (zh ? '开发集' : 'dev') : zh ? '留出集' : 'held-out';
  return [
    zh
      ? `${name}：落地 ${p.landings} 个，未落地企业 ${p.negatives} 家`
      : `${name}: ${p.landings} landings, ${p.negatives} non-landed firms`,
    `  AUC ${zh ? '落地 vs 全部' : 'landed vs all'} ${f3(p.aucAll)}${ci(p.intervals?.all)} · ${zh ? '落地 vs 同行' : 'landed vs peers'} ${f3(p.aucPeers)}${ci(p.intervals?.peers)} · ${zh ? '同行（去掉全部关系）' : 'peers, every tie removed'} ${f3(p.aucPeersNoTies)}${ci(p.intervals?.peersNoTies)}`,
    `  precision@k (${zh ? '合并排序' : 'pooled ranking'}): ${p.precisionAtK.map((x) => `@${x.k} ${x.landedInTop}/${x.k}`).join(' · ')}`,
    `  ${zh ? '命中率（在落地前数据集的前 k 名内）' : 'hit rate (within top k of its before-ranking)'}: ${p.hitRate.map((x) => `@${x.k} ${f3(x.rate)}`).join(' · ')}`,
    ...p.byIndustry.map((b) => `  ${zh ? '产业' : 'industry'} ${b.industry}: n=${b.landings} AUC ${zh ? '全部' : 'all'} ${f3(b.aucAll)} ${zh ? '同行' : 'peers'} ${f3(b.aucPeers)}`),
  ];
}

/**
 * The backtest report as text lines (Chinese or English), one landing per line, then the figures of each part.
 * `elsewhere` maps a city to the directory of its own dataset: that city's landings in this outcomes file are then
 * reported as evaluated there, not as "not evaluable".
 *
 * @example
 * formatBacktest(report, 'zh').join('\n');
 */
export function formatBacktest(report: BacktestReport, lang: Lang = 'zh', title?: string, elsewhere: Readonly<Record<string, string>> = {}): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [title ?? (zh ? `回测：${report.city}` : `Backtest: ${report.city}`)];
  for (const l of report.landings) {
    const where = l.evaluable
      ? `${zh ? '名次' : 'rank'} ${l.rank ?? (zh ? '未入排名' : 'not ranked')}/${l.rankedCount ?? '—'} · ${zh ? '去关系后' : 'no ties'} ${l.rankNoTies ?? '—'} · AUC ${f3(l.aucAll)}/${f3(l.aucPeers)}/${f3(l.aucPeersNoTies)} · ${zh ? '同行' : 'peers'} ${l.peers ?? 0} · ${zh ? '移除' : 'removed'} ${l.removed?.enterprises.length ?? 0}e/${l.removed?.ties.length ?? 0}t/${l.removed?.signals ?? 0}s`
      : `${zh ? '不可评估' : 'not evaluable'}: ${zh ? l.reason?.zh : l.reason?.en}`;
    lines.push(`  [${l.part === 'dev' ? 'dev' : 'held'}] ${l.company} ${l.date} ${l.status} (${l.confidence}) ${l.industry ?? ''} — ${where}`);
  }
  lines.push(zh ? '  （方括号内为按落地重抽样的 90% bootstrap 区间）' : '  (brackets: 90% bootstrap intervals, resampling landings)', ...partLines(report.dev, lang), ...(report.heldout.landings > 0 || report.heldout.negatives > 0 ? partLines(report.heldout, lang) : []));
  if (report.unrelated.length > 0) {
    const above = report.unrelated.filter((u) => u.chainFirmsBelow > 0);
    lines.push(
      zh
        ? `  无关企业 ${report.unrelated.length} 家：${report.unrelated.filter((u) => u.rank === undefined).length} 家未入排名（链外），排在任何链上企业之前的 ${above.length} 家${above.map((u) => `（${u.name} 第 ${u.rank} 名，其后 ${u.chainFirmsBelow} 家）`).join('')}；入排名的：${report.unrelated.filter((u) => u.rank !== undefined).map((u) => `${u.name} 第 ${u.rank} 名（${u.placement ?? '—'}）`).join('、') || '无'}`
        : `  unrelated firms ${report.unrelated.length}: ${report.unrelated.filter((u) => u.rank === undefined).length} not ranked (off-chain), ${above.length} above some chain firm${above.map((u) => ` (${u.name} rank ${u.rank}, ${u.chainFirmsBelow} below)`).join('')}; ranked: ${report.unrelated.filter((u) => u.rank !== undefined).map((u) => `${u.name} #${u.rank} (${u.placement ?? '—'})`).join(', ') || 'none'}`,
    );
  }
  for (const o of report.otherCities) {
    const dir = elsewhere[o.city];
    lines.push(
      dir !== undefined
        ? zh
          ? `  ${o.city}: 本文件 ${o.landings} 个落地记录不在${report.city}数据集上评估 — ${o.city}有自己的数据集与记录（${dir}），在那里评估`
          : `  ${o.city}: ${o.landings} landings in this file are not evaluated on ${report.city}'s dataset — ${o.city} has its own dataset and records (${dir}), evaluated there`
        : `  ${o.city}: ${o.landings} ${zh ? '个落地记录，不可评估' : 'landings, not evaluable'} — ${zh ? o.reason.zh : o.reason.en}`,
    );
  }
  return lines;
}

/**
 * A learned model as text lines: coefficients with standard errors, the λ chosen, the cross-validated and held-out
 * AUC, and how few outcomes it rests on.
 *
 * @example
 * formatLearned(model, 'en')[0];
 */
export function formatLearned(model: LearnedModel, lang: Lang = 'zh'): string[] {
  const zh = lang === 'zh';
  const se = model.fit.standardErrors;
  return [
    zh
      ? `学习权重（L2 逻辑回归，仅用开发集）：正例 ${model.positives} 个、负例 ${model.negatives} 个 —— 只有 ${model.positives} 个落地结果，系数很不确定，只作参考`
      : `Learned weights (L2 logistic, dev only): ${model.positives} positives, ${model.negatives} negatives — it rests on only ${model.positives} landings; the coefficients are very uncertain`,
    `  λ: ${model.cv.map((c) => `${c.lambda} → CV AUC ${f3(c.auc)}`).join(' · ')} ⇒ λ=${model.lambda}`,
    `  ${zh ? '截距' : 'intercept'} ${model.fit.intercept.toFixed(3)} (SE ${f3(se[0])})`,
    ...model.featureNames.map((n, j) => `  ${n.padEnd(10)} β=${(model.fit.coefficients[j] ?? 0).toFixed(3).padStart(7)}  SE ${f3(se[j + 1])}`),
    `  ${zh ? '交叉验证 AUC（开发集，样本外）' : 'cross-validated AUC (dev, out of fold)'} ${f3(model.cvAuc)}${model.heldoutPositives + model.heldoutNegatives > 0 ? ` · ${zh ? '留出集 AUC' : 'held-out AUC'} ${f3(model.heldoutAuc)} (${model.heldoutPositives}/${model.heldoutNegatives})` : ''}`,
  ];
}

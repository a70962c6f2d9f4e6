import { GAP_KIND_LABELS, type Reason } from '../../gaps/types.js';
import type { CityDiff, LostSegment, RankDiff, ScenarioLosses, SegmentDiff } from '../types.js';
import { joinNames, pct, pp } from './format.js';

const MAX_NAMES = 5;
/** The head of the list planners look at: entering or leaving it is news. */
const TOP_WINDOW = 20;

function list(items: readonly SegmentDiff[], lang: 'zh' | 'en', label: (d: SegmentDiff) => string): string {
  const shown = items.slice(0, MAX_NAMES).map(label);
  const more = items.length - shown.length;
  return joinNames(shown, lang) + (more > 0 ? (lang === 'zh' ? ` 等 ${items.length} 个` : ` and ${more} more`) : '');
}

function names<T>(items: readonly T[], lang: 'zh' | 'en', label: (x: T) => string): string {
  const shown = items.slice(0, MAX_NAMES).map(label);
  const more = items.length - shown.length;
  return joinNames(shown, lang) + (more > 0 ? (lang === 'zh' ? ` 等 ${items.length} 个` : ` and ${more} more`) : '');
}

const f2 = (x: number): string => x.toFixed(2);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The loss headline: firms closed, gaps opened or worsened, presence lost, completeness and 本地配套率 before → after,
 * firms left without a local supplier or customer. One sentence, in both languages.
 */
function lossLine(losses: ScenarioLosses, segments: readonly SegmentDiff[], city: CityDiff, firmName: (id: string) => string): Reason {
  const byId = new Map(segments.map((d) => [d.id, d]));
  const zh: string[] = [];
  const en: string[] = [];
  if (losses.firmsClosed.length > 0) {
    zh.push(`${names(losses.firmsClosed, 'zh', firmName)} 关停`);
    en.push(`${names(losses.firmsClosed, 'en', firmName)} closed`);
  }
  if (losses.firmsReduced.length > 0) {
    zh.push(`${names(losses.firmsReduced, 'zh', firmName)} 部分关停（环节或产能）`);
    en.push(`${names(losses.firmsReduced, 'en', firmName)} partly closed (a segment or a share of capacity)`);
  }
  const opened = losses.gapsOpened.map((id) => byId.get(id)!);
  const worsened = losses.gapsWorsened.map((id) => byId.get(id)!);
  if (opened.length > 0 || worsened.length > 0) {
    const z: string[] = [];
    const e: string[] = [];
    if (opened.length > 0) {
      z.push(`缺口增加 ${opened.length} 个（${names(opened, 'zh', (d) => `${d.name}（${GAP_KIND_LABELS[d.to].zh}）`)}）`);
      e.push(`${plural(opened.length, 'gap')} opened (${names(opened, 'en', (d) => `${d.nameEn} (${GAP_KIND_LABELS[d.to].en})`)})`);
    }
    if (worsened.length > 0) {
      z.push(`${worsened.length} 个缺口加重（${names(worsened, 'zh', (d) => `${d.name} 优先级 ${f2(d.priorityFrom)}→${f2(d.priorityTo)}`)}）`);
      e.push(`${plural(worsened.length, 'gap')} worsened (${names(worsened, 'en', (d) => `${d.nameEn} priority ${f2(d.priorityFrom)}→${f2(d.priorityTo)}`)})`);
    }
    zh.push(z.join('，'));
    en.push(e.join(', '));
  }
  const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();
  const pres = (lang: 'zh' | 'en') => (s: LostSegment): string =>
    `${lang === 'zh' ? s.name : s.nameEn} ${s.presenceTo < s.presenceFrom ? `${f2(s.presenceFrom)}→${f2(s.presenceTo)}` : lang === 'zh' ? `本地营收 ${r1(s.localRevenueFrom)}→${r1(s.localRevenueTo)} 亿元` : `local revenue ${r1(s.localRevenueFrom)}→${r1(s.localRevenueTo)} 亿元`}`;
  zh.push(`${losses.presenceLost.length} 个环节失去本地存在度或产能（${names(losses.presenceLost, 'zh', pres('zh'))}）`);
  en.push(`${plural(losses.presenceLost.length, 'segment')} lost local presence or capacity (${names(losses.presenceLost, 'en', pres('en'))})`);
  zh.push(`全市链条完整度 ${pct(city.completenessFrom)} → ${pct(city.completenessTo)}，本地配套率 ${pct(city.localSupplyRateFrom)} → ${pct(city.localSupplyRateTo)}`);
  en.push(`city chain completeness ${pct(city.completenessFrom)} → ${pct(city.completenessTo)}, local supply rate ${pct(city.localSupplyRateFrom)} → ${pct(city.localSupplyRateTo)}`);
  if (losses.withoutLocalSupplier.length > 0) {
    zh.push(`${names(losses.withoutLocalSupplier, 'zh', (s) => s.name)} 的本地企业失去本地供应商`);
    en.push(`firms on ${names(losses.withoutLocalSupplier, 'en', (s) => s.nameEn)} left without a local supplier`);
  }
  if (losses.withoutLocalCustomer.length > 0) {
    zh.push(`${names(losses.withoutLocalCustomer, 'zh', (s) => s.name)} 的本地企业失去本地客户`);
    en.push(`firms on ${names(losses.withoutLocalCustomer, 'en', (s) => s.nameEn)} left without a local customer`);
  }
  return { code: 'whatif.summary.loss', zh: `失去：${zh.join('；')}`, en: `Lost: ${en.join('; ')}` };
}

/**
 * Headline sentences of a diff: what was lost first (when any local presence was lost), then gaps filled,
 * gaps closed because their demand disappeared, other closures, gaps opened, other kind changes, city
 * figures, top movers. A gap is "filled" (补上) only when local presence rose.
 */
export function diffSummary(segments: readonly SegmentDiff[], city: CityDiff, ranks: readonly RankDiff[], losses?: ScenarioLosses, firmName: (id: string) => string = (id) => id): Reason[] {
  const out: Reason[] = [];
  // The loss headline already names the opened gaps and the city figures: they are not repeated below it.
  const headline = losses?.lost === true;
  if (headline) out.push(lossLine(losses, segments, city, firmName));
  const closed = segments.filter((d) => d.from !== 'none' && d.to === 'none');
  const filled = closed.filter((d) => (d.closedBy ?? 'filled') === 'filled');
  const vanished = closed.filter((d) => d.closedBy === 'demand-disappeared');
  const otherClosed = closed.filter((d) => d.closedBy === 'other');
  const opened = segments.filter((d) => d.from === 'none' && d.to !== 'none' && !(headline && losses.gapsOpened.includes(d.id)));
  const shifted = segments.filter((d) => d.from !== d.to && d.from !== 'none' && d.to !== 'none');
  if (filled.length > 0) {
    out.push({
      code: 'whatif.summary.closed',
      zh: `${filled.length} 个缺口补上：${list(filled, 'zh', (d) => `${d.name}（${GAP_KIND_LABELS[d.from].zh}）`)}`,
      en: `${filled.length} gap${filled.length > 1 ? 's' : ''} filled: ${list(filled, 'en', (d) => `${d.nameEn} (${GAP_KIND_LABELS[d.from].en})`)}`,
    });
  }
  if (vanished.length > 0) {
    out.push({
      code: 'whatif.summary.demand-disappeared',
      zh: `${vanished.length} 个缺口因需求消失而关闭（无新增本地企业）：${list(vanished, 'zh', (d) => `${d.name}（${GAP_KIND_LABELS[d.from].zh}，需求拉动 ${f2(d.demandPullFrom)}→${f2(d.demandPullTo)}）`)}`,
      en: `${vanished.length} gap${vanished.length > 1 ? 's' : ''} closed because the demand disappeared (nothing new locally): ${list(vanished, 'en', (d) => `${d.nameEn} (${GAP_KIND_LABELS[d.from].en}, demand pull ${f2(d.demandPullFrom)}→${f2(d.demandPullTo)})`)}`,
    });
  }
  if (otherClosed.length > 0) {
    out.push({
      code: 'whatif.summary.closed-other',
      zh: `${otherClosed.length} 个缺口关闭（无新增本地企业，因优先级或判定变化）：${list(otherClosed, 'zh', (d) => `${d.name}（${GAP_KIND_LABELS[d.from].zh}）`)}`,
      en: `${otherClosed.length} gap${otherClosed.length > 1 ? 's' : ''} closed without new local presence (priority or verdict change): ${list(otherClosed, 'en', (d) => `${d.nameEn} (${GAP_KIND_LABELS[d.from].en})`)}`,
    });
  }
  if (opened.length > 0) {
    out.push({
      code: 'whatif.summary.opened',
      zh: `${opened.length} 个新缺口：${list(opened, 'zh', (d) => `${d.name}（${GAP_KIND_LABELS[d.to].zh}）`)}`,
      en: `${opened.length} new gap${opened.length > 1 ? 's' : ''}: ${list(opened, 'en', (d) => `${d.nameEn} (${GAP_KIND_LABELS[d.to].en})`)}`,
    });
  }
  if (shifted.length > 0) {
    out.push({
      code: 'whatif.summary.shifted',
      zh: `${shifted.length} 个环节缺口类型变化：${list(shifted, 'zh', (d) => `${d.name} ${GAP_KIND_LABELS[d.from].zh}→${GAP_KIND_LABELS[d.to].zh}`)}`,
      en: `${shifted.length} segment${shifted.length > 1 ? 's' : ''} changed gap kind: ${list(shifted, 'en', (d) => `${d.nameEn} ${GAP_KIND_LABELS[d.from].en}→${GAP_KIND_LABELS[d.to].en}`)}`,
    });
  }
  if (!headline && (city.completenessDelta !== 0 || city.localSupplyRateDelta !== 0)) {
    out.push({
      code: 'whatif.summary.city',
      zh: `全市链条完整度 ${pct(city.completenessFrom)} → ${pct(city.completenessTo)}（${pp(city.completenessDelta)} 个百分点），本地配套率 ${pct(city.localSupplyRateFrom)} → ${pct(city.localSupplyRateTo)}（${pp(city.localSupplyRateDelta)} 个百分点）`,
      en: `city chain completeness ${pct(city.completenessFrom)} → ${pct(city.completenessTo)} (${pp(city.completenessDelta)} pp), local supply rate ${pct(city.localSupplyRateFrom)} → ${pct(city.localSupplyRateTo)} (${pp(city.localSupplyRateDelta)} pp)`,
    });
  }
  const entered = ranks.filter((r) => r.toRank !== null && r.toRank <= TOP_WINDOW && (r.fromRank === null || r.fromRank > TOP_WINDOW)).sort((a, b) => a.toRank! - b.toRank!);
  const left = ranks.filter((r) => r.fromRank !== null && r.fromRank <= TOP_WINDOW && (r.toRank === null || r.toRank > TOP_WINDOW) && r.status !== 'landed' && r.status !== 'excluded').sort((a, b) => a.fromRank! - b.fromRank!);
  if (entered.length > 0) {
    out.push({
      code: 'whatif.summary.entered-top',
      zh: `新进入前 ${TOP_WINDOW} 名：${joinNames(entered.map((r) => `${r.name}（${r.fromRank ?? '—'}→${r.toRank}）`), 'zh')}`,
      en: `new in the top ${TOP_WINDOW}: ${joinNames(entered.map((r) => `${r.name} (${r.fromRank ?? '—'}→${r.toRank})`), 'en')}`,
    });
  }
  if (left.length > 0) {
    out.push({
      code: 'whatif.summary.left-top',
      zh: `跌出前 ${TOP_WINDOW} 名：${joinNames(left.map((r) => `${r.name}（${r.fromRank}→${r.toRank ?? '—'}）`), 'zh')}`,
      en: `out of the top ${TOP_WINDOW}: ${joinNames(left.map((r) => `${r.name} (${r.fromRank}→${r.toRank ?? '—'})`), 'en')}`,
    });
  }
  const moved = ranks.filter((r) => r.status === 'moved' && r.rankDelta !== 0);
  const up = moved.filter((r) => r.rankDelta > 0).sort((a, b) => b.rankDelta - a.rankDelta || (a.id < b.id ? -1 : 1)).slice(0, 3);
  const down = moved.filter((r) => r.rankDelta < 0).sort((a, b) => a.rankDelta - b.rankDelta || (a.id < b.id ? -1 : 1)).slice(0, 3);
  const fmt = (r: RankDiff): string => `${r.name}（${r.fromRank}→${r.toRank}）`;
  const fmtEn = (r: RankDiff): string => `${r.name} (${r.fromRank}→${r.toRank})`;
  if (up.length > 0) out.push({ code: 'whatif.summary.rose', zh: `排名上升最多：${joinNames(up.map(fmt), 'zh')}`, en: `rose most: ${joinNames(up.map(fmtEn), 'en')}` });
  if (down.length > 0) out.push({ code: 'whatif.summary.fell', zh: `排名下降最多：${joinNames(down.map(fmt), 'zh')}`, en: `fell most: ${joinNames(down.map(fmtEn), 'en')}` });
  return out;
}

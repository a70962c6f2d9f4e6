import { GAP_KIND_LABELS, type Reason } from '../../gaps/types.js';
import type { CityDiff, RankDiff, SegmentDiff } from '../types.js';
import { joinNames, pct, pp } from './format.js';

const MAX_NAMES = 5;
/** The head of the list planners look at: entering or leaving it is news. */
const TOP_WINDOW = 20;

function list(items: readonly SegmentDiff[], lang: 'zh' | 'en', label: (d: SegmentDiff) => string): string {
  const shown = items.slice(0, MAX_NAMES).map(label);
  const more = items.length - shown.length;
  return joinNames(shown, lang) + (more > 0 ? (lang === 'zh' ? ` 等 ${items.length} 个` : ` and ${more} more`) : '');
}

/** Headline sentences of a diff: gaps closed, gaps opened, other kind changes, city figures, top movers. */
export function diffSummary(segments: readonly SegmentDiff[], city: CityDiff, ranks: readonly RankDiff[]): Reason[] {
  const out: Reason[] = [];
  const closed = segments.filter((d) => d.from !== 'none' && d.to === 'none');
  const opened = segments.filter((d) => d.from === 'none' && d.to !== 'none');
  const shifted = segments.filter((d) => d.from !== d.to && d.from !== 'none' && d.to !== 'none');
  if (closed.length > 0) {
    out.push({
      code: 'whatif.summary.closed',
      zh: `${closed.length} 个缺口关闭：${list(closed, 'zh', (d) => `${d.name}（${GAP_KIND_LABELS[d.from].zh}）`)}`,
      en: `${closed.length} gap${closed.length > 1 ? 's' : ''} closed: ${list(closed, 'en', (d) => `${d.nameEn} (${GAP_KIND_LABELS[d.from].en})`)}`,
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
  if (city.completenessDelta !== 0 || city.localSupplyRateDelta !== 0) {
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

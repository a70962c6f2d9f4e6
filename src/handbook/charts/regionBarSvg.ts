import type { Lang } from '../../errors.js';
import type { CountRow } from '../types.js';
import { renderEchartsSvg } from './renderEchartsSvg.js';

// ZRender 6.1 caches text widths in an LRU keyed by the text over a plain object (zrender/lib/core/LRU.js): a
// label named like an Object.prototype member ("__proto__", "constructor", "toString") finds that member as a
// cache entry and the LRU writes `prev`/`next` onto it, i.e. onto Object.prototype, breaking every later zod parse
// in the process. Such labels get an invisible U+200B (zero-width space) so the cache never sees a prototype key.
function cacheSafe(label: string): string {
  return label in Object.prototype ? `${label}\u200b` : label;
}

/**
 * Counts by region as a horizontal SVG bar chart (ECharts, server-side), largest on top.
 *
 * @param rows - labelled counts, in display order
 * @param lang - axis name in Chinese or English
 * @param id - a prefix unique within the page
 * @returns SVG markup
 * @example
 * regionBarSvg(chapter.charts.targetsByRegion, 'zh', 'region-nonferrous');
 */
export function regionBarSvg(rows: readonly CountRow[], lang: Lang, id: string): string {
  const longest = Math.max(4, ...rows.map((r) => [...r.label].length));
  const left = Math.min(180, 16 + longest * (lang === 'zh' ? 12 : 6.5));
  return renderEchartsSvg(
    {
      textStyle: { fontFamily: 'sans-serif', fontSize: 11 },
      grid: { left, right: 30, top: 26, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, name: lang === 'zh' ? '企业数' : 'companies', nameLocation: 'middle', nameGap: 20 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => cacheSafe(r.label)), axisTick: { show: false } },
      series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#2a8c82' }, barMaxWidth: 18, label: { show: true, position: 'right', fontSize: 10 }, emphasis: { disabled: true } }],
    },
    { width: 420, height: Math.max(140, 60 + rows.length * 24) },
    id,
  );
}

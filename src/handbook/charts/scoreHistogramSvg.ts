import type { Lang } from '../../errors.js';
import type { HistogramBin } from '../types.js';
import { renderEchartsSvg } from './renderEchartsSvg.js';

/**
 * The score distribution of an industry's candidates as an SVG bar chart (ECharts, server-side).
 *
 * @param bins - the histogram (10 bins over [0, 1])
 * @param lang - axis names in Chinese or English
 * @param id - a prefix unique within the page
 * @returns SVG markup
 * @example
 * scoreHistogramSvg(chapter.charts.scoreDistribution, 'zh', 'hist-nonferrous');
 */
export function scoreHistogramSvg(bins: readonly HistogramBin[], lang: Lang, id: string): string {
  return renderEchartsSvg(
    {
      textStyle: { fontFamily: 'sans-serif', fontSize: 11 },
      grid: { left: 44, right: 12, top: 26, bottom: 40 },
      xAxis: {
        type: 'category',
        data: bins.map((b) => b.from.toFixed(1)),
        name: lang === 'zh' ? '得分' : 'score',
        nameLocation: 'middle',
        nameGap: 24,
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, name: lang === 'zh' ? '企业数' : 'companies', nameTextStyle: { align: 'left' } },
      series: [{ type: 'bar', data: bins.map((b) => b.count), itemStyle: { color: '#4a78b5' }, barCategoryGap: '12%', label: { show: true, position: 'top', fontSize: 10 }, emphasis: { disabled: true } }],
    },
    { width: 420, height: 240 },
    id,
  );
}

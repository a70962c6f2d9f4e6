import { describe, expect, it } from 'vitest';
import { regionBarSvg } from '../../../src/handbook/charts/regionBarSvg.js';
import { renderEchartsSvg } from '../../../src/handbook/charts/renderEchartsSvg.js';
import { scoreHistogramSvg } from '../../../src/handbook/charts/scoreHistogramSvg.js';

const bins = [3, 0, 1, 4, 2, 0, 0, 1, 0, 0].map((count, i) => ({ from: i / 10, to: (i + 1) / 10, count }));

describe('server-side ECharts SVG', () => {
  it('renders a histogram and a region bar chart as SVG', () => {
    const h = scoreHistogramSvg(bins, 'zh', 'h1');
    expect(h.startsWith('<svg')).toBe(true);
    expect(h).toContain('得分');
    const r = regionBarSvg([{ label: '长三角', count: 3 }, { label: '<b>x</b>', count: 1 }], 'zh', 'r1');
    expect(r).toContain('长三角');
    expect(r).not.toContain('<b>x');
  });

  it('gives identical strings on repeated renders, with class names from its own prefix only', () => {
    const a = scoreHistogramSvg(bins, 'en', 'h1');
    renderEchartsSvg({ xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] }, { width: 100, height: 80 }, 'other');
    const b = scoreHistogramSvg(bins, 'en', 'h1');
    expect(b).toBe(a);
    expect(a).not.toMatch(/zr\d+-cls/);
    expect([...a.matchAll(/class="([^"]+)"/g)].every((m) => m[1]!.startsWith('h1-'))).toBe(true);
  });

  it('leaves Object.prototype and its members untouched when regions are named after them (ZRender text-width cache)', () => {
    const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = regionBarSvg(names.map((label, i) => ({ label, count: i + 1 })), 'en', 'r2');
    for (const name of names) expect(r).toContain(name);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.prototype.hasOwnProperty.call(Object, 'prev') || Object.prototype.hasOwnProperty.call(Object.prototype.toString, 'prev')).toBe(false);
  });
});

import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Render an ECharts option to an SVG string on the server (no DOM): `init(null, null, { renderer: 'svg',
 * ssr: true })`, animation off. ZRender numbers its CSS classes with a process-wide counter (`zr3-cls-7`),
 * so the same chart would differ between runs; the classes are renamed per chart (`{id}-c0`, `{id}-c1` …)
 * in order of appearance, which makes the output a function of its inputs and keeps the hover rules of
 * several charts in one page apart.
 *
 * @param option - an ECharts option (bar charts with a grid)
 * @param size - width and height in px
 * @param id - a prefix unique within the page (letters, digits, `-`, `_`)
 * @returns SVG markup
 * @example
 * renderEchartsSvg({ xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] }, { width: 400, height: 240 }, 'c1');
 */
export function renderEchartsSvg(option: EChartsCoreOption, size: { readonly width: number; readonly height: number }, id: string): string {
  // Registering is idempotent (ECharts skips known extensions); done here rather than at import time so
  // that `sideEffects: false` bundling cannot drop it. Only the pieces the handbook uses are pulled in.
  use([BarChart, GridComponent, SVGRenderer]);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    const names = new Map<string, string>();
    return svg.replace(/zr\d+-cls-\d+/g, (m) => {
      let name = names.get(m);
      if (name === undefined) {
        name = `${id}-c${names.size}`;
        names.set(m, name);
      }
      return name;
    });
  } finally {
    chart.dispose();
  }
}

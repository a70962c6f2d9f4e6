// Issue 18: with --lang en the chain-map labels of the embedded dataset stay whole inside their boxes (a smaller font
// or more lines instead of …), and every line fits the box width by the renderer's own text measure.
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { buildHandbook } from '../../../src/handbook/buildHandbook.js';
import { renderChainMap } from '../../../src/handbook/svg/renderChainMap.js';
import { CHAIN_MAP_GEOMETRY as G } from '../../../src/handbook/svg/layoutChainMap.js';
import { textWidthEm } from '../../../src/handbook/svg/wrapLabel.js';

describe('English chain-map labels', () => {
  it('show every segment name whole, within the box', () => {
    const hb = buildHandbook(liaocheng(), { lang: 'en', top: 1, cardsPerIndustry: 0 });
    let checked = 0;
    for (const c of hb.chapters) {
      const svg = renderChainMap(c.map, 'en');
      for (const g of svg.match(/<g data-segment="[^"]*"[^>]*>[\s\S]*?<\/g>/g) ?? []) {
        const name = g.split('<g class="firms">')[0]!;
        const texts = [...name.matchAll(/<text [^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].filter((m) => m[2]!.length > 1);
        for (const [, size, text] of texts) {
          expect(text!.endsWith('…'), text).toBe(false);
          expect(textWidthEm(text!) * Number(size), text).toBeLessThanOrEqual(G.nodeWidth - 12);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  }, 120_000);
});

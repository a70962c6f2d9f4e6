import { describe, expect, it } from 'vitest';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { renderChainMap } from '../../../src/handbook/svg/renderChainMap.js';
import { HOSTILE, tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

const handbook = (hostile = false) => buildHandbookFromResults(tinyDataset(hostile), { gaps: tinyGaps(), ranking: tinyRanking() });

describe('renderChainMap', () => {
  it('draws one data-segment node per segment and one path per edge', () => {
    for (const c of handbook().chapters) {
      const svg = renderChainMap(c.map, 'zh');
      expect(svg.match(/data-segment="/g)?.length).toBe(c.industry.segments);
      expect(svg.match(/data-external="/g)?.length ?? 0).toBe(c.map.nodes.filter((n) => n.external).length);
      expect(svg.match(/data-edge="/g)?.length).toBe(c.map.edges.length);
    }
  });

  it('colours nodes by gap kind and shows the badge', () => {
    const svg = renderChainMap(handbook().chapters[0]!.map, 'zh');
    expect(svg).toMatch(/data-segment="m-profile" data-kind="fill"/);
    expect(svg).toContain('>补</text>');
    expect(svg).toContain('>强</text>');
  });

  it('escapes names', () => {
    const svg = renderChainMap(handbook(true).chapters[0]!.map, 'zh', HOSTILE.script);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img');
  });

  it('gives the same string twice', () => {
    const m = handbook().chapters[0]!.map;
    expect(renderChainMap(m, 'en')).toBe(renderChainMap(m, 'en'));
  });
});

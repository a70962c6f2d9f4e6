// Issue 18: with --lang en the chain maps keep labels whole inside their boxes: cross-industry neighbours (name and
// industry) and the local firm lines under segment names are not cut with …, except a single firm name too long for
// three lines (its full name stays in the node's tooltip).
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { buildHandbook } from '../../../src/handbook/buildHandbook.js';
import { renderChainMap } from '../../../src/handbook/svg/renderChainMap.js';

describe('English chain-map labels', () => {
  const hb = buildHandbook(liaocheng(), { lang: 'en' });
  const svgs = hb.chapters.map((c) => renderChainMap(c.map, 'en'));
  const groups = (re: RegExp): string[] => svgs.flatMap((s) => s.match(re) ?? []);
  const visible = (g: string): string => g.replace(/<title>[\s\S]*?<\/title>/g, '');

  it('cuts no side label (cross-industry neighbour and its industry)', () => {
    const ext = groups(/<g data-external="[^"]*"[^>]*>[\s\S]*?<\/g>/g);
    expect(ext.length).toBeGreaterThan(50);
    expect(ext.filter((g) => visible(g).includes('…'))).toEqual([]);
  });

  it('cuts at most one local-firm line in the whole handbook, and names every firm in the tooltip', () => {
    const firms = groups(/<g class="firms">[\s\S]*?<\/g>/g);
    expect(firms.length).toBeGreaterThan(50);
    expect(firms.filter((g) => g.includes('…')).length).toBeLessThanOrEqual(1);
    const node = hb.chapters.flatMap((c) => c.map.nodes).find((n) => !n.external && (n.firms?.length ?? 0) > 2)!;
    expect(svgs.join('')).toContain(`local firms ${node.firmCount}: ${node.firms!.join(', ')}`);
  });
});

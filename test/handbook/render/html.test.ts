import { describe, expect, it } from 'vitest';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { renderHtml } from '../../../src/handbook/render/html.js';
import { tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

const hb = (lang: 'zh' | 'en' = 'zh') => buildHandbookFromResults(tinyDataset(), { gaps: tinyGaps(), ranking: tinyRanking() }, { lang, date: '2026-02-03' });

describe('renderHtml', () => {
  it('is one self-contained document: no scripts, no external resources, a CSP that forbids both', () => {
    const html = renderHtml(hb());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/href="https?:/i);
  });

  it('has a table of contents linking every chapter, and one section per chapter with its map', () => {
    const h = hb();
    const html = renderHtml(h);
    for (const c of h.chapters) {
      expect(html).toContain(`href="#${c.anchor}"`);
      const section = html.slice(html.indexOf(`<section class="chapter" id="${c.anchor}"`));
      const body = section.slice(0, section.indexOf('</section>'));
      expect(body.match(/data-segment="/g)?.length).toBe(c.industry.segments);
      // One card per target; a target with its own key target page gets a one-line link to it instead of a second card.
      expect(body.match(/<article class="card"/g)?.length ?? 0).toBe(c.targets.length - c.keyTargets.length);
      expect(body.match(/<li class="card-stub"/g)?.length ?? 0).toBe(c.keyTargets.length);
      for (const k of c.keyTargets) expect(html).toContain(`<article class="keycard" id="${c.anchor}-key-${k.rank}"`);
      for (const k of c.keyTargets) expect(body).toContain(`href="#${c.anchor}-key-${k.rank}"`);
      expect(body.match(/<svg/g)?.length).toBe(3); // map + two charts
    }
    for (const id of ['overview', 'visit-plan', 'appendix']) expect(html).toContain(`id="${id}"`);
  });

  it('prints the date and a CJK system font stack, with print rules', () => {
    const html = renderHtml(hb());
    expect(html).toContain('2026-02-03');
    expect(html).toContain("'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif");
    expect(html).toContain('@media print');
    expect(html).toContain('break-before: page');
  });

  it('writes English with lang en', () => {
    const html = renderHtml(hb('en'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Chain map');
    expect(html).not.toContain('产业链图谱');
  });
});

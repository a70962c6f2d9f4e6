// The print and phone rules of the HTML handbook, read from the rendered page (the PDF itself is checked by hand:
// see the page counts in the commit log and test/browser for the 390 px check in a real browser).
import { describe, expect, it } from 'vitest';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { renderHtml } from '../../../src/handbook/render/html.js';
import { tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

const html = renderHtml(buildHandbookFromResults(tinyDataset(), { gaps: tinyGaps(), ranking: tinyRanking() }, { lang: 'zh', date: '2026-02-03' }));
const css = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));

/** The body of the first block that starts with `prelude {`, braces balanced. */
function block(prelude: string): string {
  const start = css.indexOf(`${prelude} {`);
  if (start < 0) return '';
  let depth = 0;
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(css.indexOf('{', start) + 1, i);
  }
  return '';
}
/** Rules `selector { decls }` directly inside a block, as [selector, declarations]. */
function rules(body: string): [string, string][] {
  return [...body.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1]!.trim(), m[2]!.trim()]);
}
const print = rules(block('@media print'));
const decl = (selector: string, rs = print): string => rs.filter(([s]) => s.split(',').map((x) => x.trim()).includes(selector)).map(([, d]) => d).join(' ');

describe('print rules of the HTML handbook', () => {
  it('sets an A4 page with margins and numbers every page but the cover in its bottom margin', () => {
    const page = block('@page');
    expect(page).toMatch(/size:\s*A4/);
    expect(page).toMatch(/margin:\s*\d+mm/);
    expect(page).toMatch(/@bottom-(right|center)\s*\{[^}]*content:\s*counter\(page\)/);
    expect(block('@page :first')).toMatch(/content:\s*none/);
  });

  it('breaks pages only before the industry chapters, the visit plan and the appendix; the TOC and overview follow the cover', () => {
    const breaking = print.filter(([, d]) => /break-before:\s*page/.test(d)).map(([s]) => s);
    expect(breaking).toEqual(['section.chapter[data-industry], #visit-plan, #appendix']);
    expect(decl('.cover')).toMatch(/break-after:\s*page/);
    expect(decl('nav.toc')).not.toMatch(/break-before/);
    expect(decl('section.chapter')).not.toMatch(/break-before/);
  });

  it('keeps cards, stops, figures and table rows whole, repeats table headers, keeps headings with what follows', () => {
    for (const s of ['.card', '.stop', 'figure', 'tr']) expect(decl(s), s).toMatch(/break-inside:\s*avoid/);
    expect(decl('thead')).toMatch(/display:\s*table-header-group/);
    expect(decl('h2')).toMatch(/break-after:\s*avoid/);
    expect(decl('h3')).toMatch(/break-after:\s*avoid/);
  });

  it('caps the chain map to fit below a chapter heading on an A4 landscape page', () => {
    const m = /max-height:\s*(\d+)mm/.exec(decl('figure.map svg'));
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(130); // 210 mm − margins − heading and KPIs
  });
});

describe('phone layout of the HTML handbook', () => {
  it('wraps every table in a sideways-scrolling box', () => {
    const tables = html.match(/<table\b/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(0);
    expect(html.match(/<div class="table-wrap"><table\b/g)?.length).toBe(tables);
    expect(decl('.table-wrap', rules(css.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')))).toMatch(/overflow-x:\s*auto/);
  });

  it('has no grid column wider than a phone and lets the chain map keep its size inside a scrolling figure', () => {
    expect(css).not.toMatch(/minmax\(\d+px/);
    const phone = rules(block('@media (max-width: 600px)'));
    expect(decl('figure.map', phone)).toMatch(/overflow:\s*auto/);
    expect(decl('figure.map svg', phone)).toMatch(/max-width:\s*none/);
  });
});

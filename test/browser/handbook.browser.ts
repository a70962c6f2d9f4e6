// Opens the 聊城 handbook in a real headless Chromium (Debian's `chromium` driven by playwright-core; browser
// downloads do not work on this network) and prints it: no console errors, no network requests, every segment a node
// of its chapter's interactive map, a click on a node opens its panel, the static SVG maps without JavaScript, no
// sideways scrolling at 390 px, and a PDF with numbered pages whose table of contents gives the right page numbers
// (checked with poppler's pdftotext, independently of how the numbers were written). Screenshots go to test/artifacts/
// (gitignored) for a person to look at.
// Run with `npm run test:browser`. Needs: apt-get install -y chromium fonts-noto-cjk poppler-utils
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { printHandbookPdf } from '../../src/handbook/pdf/printHandbookPdf.js';
import type { Handbook } from '../../src/handbook/types.js';
import { writeHandbookFiles, type HandbookFiles } from '../../src/handbook/writeHandbookFiles.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

interface PhoneMetrics {
  scrollWidth: number;
  innerWidth: number;
  outside: string[];
  tables: number;
  wrapped: number;
  scrollingTables: number;
  mapBox: number;
  mapScrolls: boolean;
  svgWidth: number;
  chartWidth: number;
}

interface ChartNodes {
  industry: string;
  ready: boolean;
  ids: string[];
}

let browser: Browser | undefined;
let dir = '';
let files: HandbookFiles;
let handbook: Handbook;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: ${INSTALL} (or set CHROMIUM_PATH).`);
  dir = await mkdtemp(join(tmpdir(), 'ct-browser-'));
  ({ files, handbook } = await writeHandbookFiles(liaocheng(), { outDir: dir }));
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--headless'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

function watch(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  return { errors, requests };
}

/** Runs in the page: the segment nodes of every chapter's interactive chart (after drawing them all). */
const CHART_NODES = `(() => {
  window.ctMaps.initAll();
  return [...document.querySelectorAll('.imap')].map((box) => {
    const chart = echarts.getInstanceByDom(box.querySelector('.imap-chart'));
    const ids = [];
    if (chart) {
      const data = chart.getModel().getSeriesByIndex(0).getData();
      for (let i = 0; i < data.count(); i++) if (data.getRawDataItem(i).seg === true) ids.push(data.getId(i));
    }
    return { industry: box.getAttribute('data-industry'), ready: box.getAttribute('data-ready') === 'true', ids };
  });
})()`;

/** Runs in the page: where a node of the first chart is on the screen. */
const nodePosition = (index: number): string => `(() => {
  const el = document.querySelector('.imap-chart');
  const chart = echarts.getInstanceByDom(el);
  const data = chart.getModel().getSeriesByIndex(0).getData();
  const xy = chart.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(${index}));
  const r = el.getBoundingClientRect();
  return { id: data.getId(${index}), name: data.getName(${index}), x: r.left + xy[0], y: r.top + xy[1] };
})()`;

describe('the 聊城 handbook in Chromium', () => {
  it('opens without console errors or network requests; every segment is a node of its chapter’s interactive map; a click opens the node’s panel', async () => {
    const ds = liaocheng();
    const page = await browser!.newPage({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 });
    const { errors, requests } = watch(page);
    await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });

    const charts = await page.evaluate<ChartNodes[]>(CHART_NODES);
    expect(charts.map((c) => c.industry)).toEqual(ds.industries.map((i) => i.id));
    for (const c of charts) {
      expect(c.ready, c.industry).toBe(true);
      const segments = ds.segments.filter((s) => s.industry === c.industry).map((s) => s.id);
      expect(c.ids.filter((id) => segments.includes(id)).sort(), c.industry).toEqual([...segments].sort());
      const chapter = handbook.chapters.find((h) => h.industry.id === c.industry)!;
      expect(c.ids.length, c.industry).toBe(chapter.map.nodes.length); // plus the cross-industry neighbours drawn
    }
    expect(handbook.chapters.length).toBe(12);

    const fig = page.locator('figure.map[data-industry]').first();
    await fig.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'handbook.png') });
    const node = await page.evaluate<{ id: string; name: string; x: number; y: number }>(nodePosition(0));
    await page.mouse.click(node.x, node.y);
    const panel = page.locator('.imap-panel').first();
    await expect.poll(() => panel.getAttribute('data-segment')).toBe(node.id);
    const text = await panel.innerText();
    expect(text).toContain(node.name);
    expect(text).toMatch(/最佳目标企业/);
    expect(text).toMatch(/本地企业/);
    await fig.screenshot({ path: join(ARTIFACTS, 'handbook-map-panel.png') });

    // Filters: unchecking a gap kind removes its nodes; picking an industry keeps only that industry's.
    const first = handbook.chapters[0]!;
    const kind = first.map.nodes.find((n) => !n.external)!.kind;
    await fig.locator(`.imap-kinds input[value="${kind}"]`).uncheck();
    const afterKind = (await page.evaluate<ChartNodes[]>(CHART_NODES))[0]!;
    expect(afterKind.ids.length).toBe(first.map.nodes.filter((n) => n.kind !== kind).length);
    await fig.locator(`.imap-kinds input[value="${kind}"]`).check();
    await fig.locator('select.imap-industry').selectOption(first.industry.id);
    const afterIndustry = (await page.evaluate<ChartNodes[]>(CHART_NODES))[0]!;
    expect(afterIndustry.ids.length).toBe(first.map.nodes.filter((n) => !n.external).length);

    await page.locator('section.chapter[data-industry] .cards').first().screenshot({ path: join(ARTIFACTS, 'handbook-cards.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('without JavaScript keeps the static SVG chain maps, one node per segment', async () => {
    const ds = liaocheng();
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
    const chapters = await page.$$eval('section.chapter[data-industry]', (sections) =>
      sections.map((s) => ({
        industry: s.getAttribute('data-industry') ?? '',
        maps: s.querySelectorAll('svg.chain-map').length,
        nodes: s.querySelectorAll('svg.chain-map [data-segment]').length,
        width: s.querySelector('svg.chain-map')?.getBoundingClientRect().width ?? 0,
        imap: s.querySelectorAll('.imap').length,
      })),
    );
    expect(chapters.map((c) => c.industry)).toEqual(ds.industries.map((i) => i.id));
    for (const c of chapters) {
      expect(c.maps, c.industry).toBe(1);
      expect(c.nodes, c.industry).toBe(ds.segments.filter((s) => s.industry === c.industry).length);
      expect(c.width, c.industry).toBeGreaterThan(300);
      expect(c.imap, c.industry).toBe(0);
    }
    await page.locator('section.chapter[data-industry] figure.map').first().screenshot({ path: join(ARTIFACTS, 'handbook-map-static.png') });
    await context.close();
  });

  it('fits every key target card on one A4 page in print (one page per key target)', async () => {
    // Print layout at the A4 landscape printable width (297 − 2 × 12 mm = 1032 px); the page's printable height is
    // 210 − 12 − 14 mm. A card that fits it is printed on one page: each card starts a page (the chapter's first one
    // below the section heading, which counts against it).
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1032, height: 740 } });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
    const cards = await page.$$eval('article.keycard', (els) =>
      els.map((el) => {
        const head = el.previousElementSibling?.matches('.keycards-head') === true ? el.previousElementSibling : null;
        const top = (head ?? el).getBoundingClientRect().top;
        return { id: el.id, height: el.getBoundingClientRect().bottom - top };
      }),
    );
    const pageHeight = ((210 - 12 - 14) / 25.4) * 96;
    expect(cards.length).toBe(handbook.chapters.reduce((n, c) => n + c.keyTargets.length, 0));
    for (const c of cards) expect(c.height, c.id).toBeLessThanOrEqual(pageHeight);
    await context.close();
  });

  for (const js of [true, false]) {
    it(`reads on a 390 px phone without sideways scrolling (JavaScript ${js ? 'on: the interactive map fits the width' : 'off: the static map scrolls inside its box'})`, async () => {
      const context = await browser!.newContext({ javaScriptEnabled: js, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const { errors } = watch(page);
      await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
      if (js) await page.evaluate('window.ctMaps.initAll()');
      // Runs in the page (a string, since this project's TypeScript has no DOM library).
      const m = await page.evaluate<PhoneMetrics>(`(() => {
        const se = document.scrollingElement;
        const vw = window.innerWidth;
        // Every element's right edge stays inside the viewport unless a scrolling box (.table-wrap, figure.map) clips it.
        const clipped = (el) => {
          for (let p = el.parentElement; p !== null; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
          }
          return false;
        };
        const outside = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > vw + 1 && !clipped(el))
          .slice(0, 5)
          .map((el) => \`\${el.tagName.toLowerCase()}.\${el.getAttribute('class') ?? ''}\`);
        const wraps = [...document.querySelectorAll('.table-wrap')];
        const map = document.querySelector('section.chapter[data-industry] figure.map');
        const svg = map?.querySelector('svg.chain-map');
        const chart = map?.querySelector('.imap-chart');
        return {
          scrollWidth: se.scrollWidth,
          innerWidth: vw,
          outside,
          tables: document.querySelectorAll('table').length,
          wrapped: wraps.filter((w) => w.querySelector(':scope > table') !== null).length,
          scrollingTables: wraps.filter((w) => w.scrollWidth > w.clientWidth).length,
          mapBox: map?.getBoundingClientRect().width ?? 0,
          mapScrolls: map !== null && map !== undefined ? map.scrollWidth > map.clientWidth : false,
          svgWidth: svg?.getBoundingClientRect().width ?? 0,
          chartWidth: chart?.getBoundingClientRect().width ?? 0,
        };
      })()`);
      expect(m.innerWidth).toBe(390);
      expect(m.scrollWidth, 'document.scrollingElement.scrollWidth <= window.innerWidth').toBeLessThanOrEqual(m.innerWidth);
      expect(m.outside).toEqual([]);
      expect(m.wrapped).toBe(m.tables);
      expect(m.scrollingTables).toBeGreaterThan(0); // some tables are wider than a phone: they scroll in their wrapper
      expect(m.mapBox).toBeGreaterThan(m.innerWidth * 0.85); // the map uses the full width…
      if (js) {
        expect(m.chartWidth).toBeGreaterThan(m.innerWidth * 0.8); // …the interactive chart fills it (zoom and pan inside)…
        expect(m.chartWidth).toBeLessThanOrEqual(m.mapBox);
      } else {
        expect(m.svgWidth).toBeGreaterThan(m.mapBox); // …the static map at its natural size, not a thumbnail…
        expect(m.mapScrolls).toBe(true); // …scrolling inside its figure
      }
      await page.screenshot({ path: join(ARTIFACTS, `handbook-390${js ? '' : '-nojs'}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('prints a PDF with numbered pages and a table of contents whose page numbers are where the headings are', async () => {
    const pdfPath = join(dir, 'handbook.pdf');
    const printed = await printHandbookPdf(files.html, pdfPath, { chromium: CHROMIUM });
    await copyFile(pdfPath, join(ARTIFACTS, 'handbook.pdf'));
    const pageText = (n: number): string => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdfPath, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(printed.pages);
    expect(pages).toBeGreaterThan(10);
    // Footer page numbers "n / N" on every page but the cover.
    for (const n of [2, Math.ceil(pages / 2), pages]) expect(pageText(n), `page ${n}`).toContain(`${n} / ${pages}`);
    expect(pageText(1)).not.toContain(`1 / ${pages}`);
    // One TOC entry per link of the HTML's table of contents (each chapter plus overview, 重点项目清单, 政策与载体,
    // visit plan and appendix), each with a page number…
    const nav = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(await readFile(files.html, 'utf8'))?.[1] ?? '';
    const tocLinks = (nav.match(/<a href="#/g) ?? []).length;
    expect(tocLinks).toBe(handbook.chapters.length + 5);
    expect(printed.toc.length).toBe(tocLinks);
    const tocText = pageText(printed.toc[0]!.tocPage).replace(/\s+/g, ' ');
    let last = 0;
    const sorted = [...printed.toc].sort((a, b) => a.page - b.page);
    for (const e of sorted) {
      expect(e.page, e.title).toBeGreaterThanOrEqual(last); // …in reading order…
      last = e.page;
      const title = e.title.replace(/^\d+/, '').trim();
      // …printed in the TOC after its title (pdftotext reads the number right after the title's row)…
      expect(tocText, e.title).toMatch(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${e.page}(\\s|$)`));
      // …and the heading really is on that page, at the top of it for a chapter, and not on the page before.
      const text = pageText(e.page).replace(/\s+/g, ' ');
      expect(text, `${e.title} on page ${e.page}`).toContain(title);
      // (A chapter's heading reads "number title group"; other pages name the industry too, e.g. the 待核实 list.)
      const heading = `${/^\d+/.exec(e.title)?.[0] ?? ''} ${title} `;
      if (e.target.startsWith('industry-')) expect(` ${pageText(e.page - 1).replace(/\s+/g, ' ')}`.includes(` ${heading}`) && e.page - 1 !== e.tocPage, e.title).toBe(false);
      if (e.target.startsWith('industry-')) expect(` ${text}`, e.title).toContain(` ${heading}`);
    }
  });
});

// Opens the 聊城 handbook in a real headless Chromium (Debian's `chromium` driven by playwright-core; browser
// downloads do not work on this network): no console errors, no network requests, one node per segment in
// every chapter's chain map, and a screenshot under test/artifacts/ for a person to look at.
// Run with `npm run test:browser`. Without /usr/bin/chromium it fails, naming the install command.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { writeHandbookFiles } from '../../src/handbook/writeHandbookFiles.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';
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
}

let browser: Browser | undefined;
let dir = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: ${INSTALL} (or set CHROMIUM_PATH).`);
  dir = await mkdtemp(join(tmpdir(), 'ct-browser-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--headless'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('the 聊城 handbook in Chromium', () => {
  it('opens without console errors or network requests and shows one map node per segment in every chapter', async () => {
    const ds = liaocheng();
    const { files, handbook } = await writeHandbookFiles(ds, { outDir: dir });
    const page = await browser!.newPage({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    const url = pathToFileURL(files.html).href;
    await page.goto(url, { waitUntil: 'load' });

    const chapters = await page.$$eval('section.chapter[data-industry]', (sections) =>
      sections.map((s) => ({
        industry: s.getAttribute('data-industry') ?? '',
        maps: s.querySelectorAll('svg.chain-map').length,
        nodes: s.querySelectorAll('svg.chain-map [data-segment]').length,
        width: s.querySelector('svg.chain-map')?.getBoundingClientRect().width ?? 0,
      })),
    );
    expect(chapters.map((c) => c.industry)).toEqual(ds.industries.map((i) => i.id));
    for (const c of chapters) {
      expect(c.maps, c.industry).toBe(1);
      expect(c.nodes, c.industry).toBe(ds.segments.filter((s) => s.industry === c.industry).length);
      expect(c.width, c.industry).toBeGreaterThan(300);
    }
    expect(handbook.chapters.length).toBe(12);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'handbook.png') });
    await page.locator('section.chapter[data-industry] figure.map').first().screenshot({ path: join(ARTIFACTS, 'handbook-map.png') });
    await page.locator('section.chapter[data-industry] .cards').first().screenshot({ path: join(ARTIFACTS, 'handbook-cards.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('reads on a 390 px phone without sideways scrolling: wide tables and the chain map scroll inside their own box', async () => {
    const { files } = await writeHandbookFiles(liaocheng(), { outDir: join(dir, 'phone') });
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
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
      };
    })()`);
    expect(m.innerWidth).toBe(390);
    expect(m.scrollWidth, 'document.scrollingElement.scrollWidth <= window.innerWidth').toBeLessThanOrEqual(m.innerWidth);
    expect(m.outside).toEqual([]);
    expect(m.wrapped).toBe(m.tables);
    expect(m.scrollingTables).toBeGreaterThan(0); // some tables are wider than a phone: they scroll in their wrapper
    expect(m.mapBox).toBeGreaterThan(m.innerWidth * 0.85); // the map uses the full width…
    expect(m.svgWidth).toBeGreaterThan(m.mapBox); // …at its natural size, not a thumbnail…
    expect(m.mapScrolls).toBe(true); // …and scrolls inside its figure
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'handbook-390.png') });
    await page.close();
  });
});

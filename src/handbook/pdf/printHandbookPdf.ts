import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../../errors.js';
import { writeOutputFiles } from '../../io/writeOutputFiles.js';
import { findChromium } from './findChromium.js';
import type { TocPage } from './tocPageNumbers.js';

/** Prefix of the destinations the print step gives the table of contents' targets. */
export const TOC_DEST_PREFIX = 'ct-toc-';

/** Options of `printHandbookPdf`. */
export interface PrintPdfOptions {
  /** Path of a Chromium/Chrome binary; default `findChromium()` (env `CHAIN_TARGETING_CHROMIUM`, `CHROMIUM_PATH`, usual paths). */
  readonly chromium?: string;
  /** Time allowed for loading and printing, ms (default 120 000). */
  readonly timeoutMs?: number;
}

/** What was printed: the page count and, for each TOC entry, its title and the page its heading landed on. */
export interface PrintedPdf {
  readonly path: string;
  readonly pages: number;
  readonly toc: readonly (TocPage & { readonly title: string; readonly target: string })[];
  /** Titles of TOC entries that received no page number (empty when every entry is numbered). */
  readonly unnumbered: readonly string[];
}

// Runs in the page before printing (a string: this project's TypeScript has no DOM library). Each TOC link gets a
// blank page-number slot and points at a marker on the baseline of its target's heading, so the PDF's named
// destination is where the heading lands. (A marker at the very top of a page that starts with a page break is
// placed by Chromium on the page before: the baseline is safely inside the heading's page.)
const PREPARE_TOC = `(() => {
  const out = [];
  document.querySelectorAll('nav.toc a[href^="#"]').forEach((a, i) => {
    const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    if (target === null) return;
    const h = target.matches('h1,h2,h3,h4') ? target : (target.querySelector('h1,h2,h3,h4') || target);
    const id = '${TOC_DEST_PREFIX}' + i;
    const mark = document.createElement('span');
    mark.id = id;
    mark.className = 'toc-dest';
    h.appendChild(mark);
    out.push({ dest: id, title: a.textContent.trim().replace(/\\s+/g, ' '), target: target.id });
    a.setAttribute('href', '#' + id);
    const slot = document.createElement('span');
    slot.className = 'toc-pg';
    slot.setAttribute('aria-hidden', 'true');
    slot.textContent = '000';
    a.appendChild(slot);
  });
  document.documentElement.classList.add('pdf-print');
  return out;
})()`;

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new UsageError(
      'Printing the PDF needs the package playwright-core (an optional peer dependency): npm install playwright-core pdf-lib',
      '生成 PDF 需要 playwright-core 包（可选的对等依赖）：npm install playwright-core pdf-lib',
      [String(e)],
    );
  }
}

// Hides the page on screen only: Chromium lays the document out once when it loads and again after printing, in the
// viewport's media; with nothing to show on screen both passes are empty and only the print layout costs anything.
const PRINT_ONLY_STYLE = '<style>@media screen { body { display: none !important; } }</style>';

/**
 * The document Chromium prints: the handbook's HTML without its scripts (the interactive map's ECharts build and JSON
 * payload, about 1.3 MB, never run in print) and hidden on screen (`PRINT_ONLY_STYLE`). Printed, it is the same page.
 *
 * @param html - the handbook's HTML (`renderHtml`)
 * @returns the HTML to print
 * @example
 * printDocument('<html><head></head><body><script>x()</script><p>a</p></body></html>');
 * // '<html><head><style>@media screen { body { display: none !important; } }</style></head><body><p>a</p></body></html>'
 */
export function printDocument(html: string): string {
  const noScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const head = noScripts.indexOf('</head>');
  return head < 0 ? PRINT_ONLY_STYLE + noScripts : noScripts.slice(0, head) + PRINT_ONLY_STYLE + noScripts.slice(head);
}

// Chromium (new headless) preloads the omnibox popup's WebUI in its own renderer (about 1.5 s of CPU), which a printer
// never shows; unknown feature names are ignored, so older and newer builds accept the list.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
  '--headless',
];

/** A headless Chromium ready to print handbooks: launched once, so the CLI can start it while the HTML is being built. */
export interface PdfPrinter {
  /**
   * Print one handbook (see `printHandbookPdf`): from the HTML file, or from `html` (its text, when the caller has it:
   * printing can then start before the file is written).
   */
  print(htmlPath: string, pdfPath: string, html?: string): Promise<PrintedPdf>;
  /** Close the browser (idempotent). */
  close(): Promise<void>;
}

// The viewport does not matter for print (the page's @page rules set the size); the screen layout is empty.
const PRINT_VIEWPORT = { width: 1032, height: 740 } as const;

/**
 * Start a headless Chromium (driven by playwright-core, loaded only here) for printing handbooks. Start it early and
 * print when the HTML is written: the launch (about a second) then overlaps the build. Close it when done.
 *
 * @param options - the Chromium binary and a timeout
 * @returns the printer
 * @throws {BrowserNotFoundError} code `BROWSER_NOT_FOUND` when no Chromium is found
 * @throws {UsageError} when playwright-core or pdf-lib is not installed
 * @example
 * const printer = await launchPdfPrinter();
 * try { await printer.print('out/index.html', 'out/handbook.pdf'); } finally { await printer.close(); }
 */
export async function launchPdfPrinter(options: PrintPdfOptions = {}): Promise<PdfPrinter> {
  const executablePath = findChromium(options.chromium);
  const { chromium } = await loadPlaywright();
  let stamp: typeof import('./tocPageNumbers.js').stampTocPageNumbers;
  try {
    ({ stampTocPageNumbers: stamp } = await import('./tocPageNumbers.js'));
  } catch (e) {
    throw new UsageError('Printing the PDF needs the package pdf-lib: npm install pdf-lib', '生成 PDF 需要 pdf-lib 包：npm install pdf-lib', [String(e)]);
  }
  const timeout = options.timeoutMs ?? 120_000;
  // The browser's own context with its first tab, JavaScript off: the tab's renderer starts with the browser, during
  // the build, not when the handbook is ready to print (a new context and tab cost about a second of CPU).
  const context = await chromium.launchPersistentContext('', { executablePath, timeout, args: CHROMIUM_ARGS, javaScriptEnabled: false, viewport: PRINT_VIEWPORT });
  const firstTab = context.pages()[0];
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const printOne = async (htmlPath: string, pdfPath: string, html: string | undefined, page: import('playwright-core').Page): Promise<PrintedPdf> => {
    // JavaScript off: print shows the static SVG maps, never the interactive one (page.evaluate below still runs: it
    // is the driver's, not the page's). The printed document is a temporary copy without scripts, blank on screen.
    const doc = printDocument(html ?? (await readFile(htmlPath, 'utf8')));
    const tmp = await mkdtemp(join(tmpdir(), 'chain-targeting-print-'));
    try {
      const docPath = join(tmp, 'index.html');
      await writeFile(docPath, doc);
      page.setDefaultTimeout(timeout);
      await page.goto(pathToFileURL(docPath).href, { waitUntil: 'load' });
      const marks = await page.evaluate<{ dest: string; title: string; target: string }[]>(PREPARE_TOC);
      const raw = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const { bytes, entries, pages } = await stamp(raw, TOC_DEST_PREFIX);
      await writeOutputFiles([{ path: pdfPath, data: bytes }]);
      const byDest = new Map(marks.map((m) => [m.dest, m]));
      const toc = entries.flatMap((e) => {
        const m = byDest.get(e.dest);
        return m !== undefined ? [{ ...e, title: m.title, target: m.target }] : [];
      });
      const numbered = new Set(entries.map((e) => e.dest));
      const unnumbered = marks.filter((m) => !numbered.has(m.dest)).map((m) => m.title);
      return { path: pdfPath, pages, toc, unnumbered };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  };
  let usedFirst = false;
  return {
    print(htmlPath: string, pdfPath: string, html?: string): Promise<PrintedPdf> {
      // One print at a time; the first uses the tab that started with the browser, later ones a new tab each.
      const run = queue.then(async () => {
        const reuse = !usedFirst && firstTab !== undefined;
        usedFirst = true;
        const page = reuse ? firstTab : await context.newPage();
        try {
          return await printOne(htmlPath, pdfPath, html, page);
        } finally {
          if (!reuse) await page.close();
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await context.close();
    },
  };
}

/**
 * Print the HTML handbook to an A4 PDF with headless Chromium (driven by playwright-core, loaded only here): print
 * styles of the page (A4 landscape, page numbers in the footer, `@page` margin boxes), then the table of contents'
 * page numbers written in from the PDF's own destinations (`stampTocPageNumbers`). The PDF is written like the other
 * outputs (temporary file, then rename). One launch, one print: `launchPdfPrinter` to start the browser earlier.
 *
 * @param htmlPath - the handbook's index.html
 * @param pdfPath - where to write the PDF
 * @param options - the Chromium binary and a timeout
 * @returns the path, the page count and the TOC entries with their pages
 * @throws {BrowserNotFoundError} code `BROWSER_NOT_FOUND` when no Chromium is found
 * @throws {UsageError} when playwright-core or pdf-lib is not installed
 * @example
 * const { pages } = await printHandbookPdf('out/index.html', 'out/handbook.pdf');
 */
export async function printHandbookPdf(htmlPath: string, pdfPath: string, options: PrintPdfOptions = {}): Promise<PrintedPdf> {
  const printer = await launchPdfPrinter(options);
  try {
    return await printer.print(htmlPath, pdfPath);
  } finally {
    await printer.close();
  }
}

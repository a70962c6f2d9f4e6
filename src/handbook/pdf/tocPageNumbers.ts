// Page numbers for the table of contents of a PDF printed by Chromium, which has no CSS target-counter(): Chromium
// writes a named destination (catalog /Dests) for every in-page link target, and a /Link annotation for every link.
// The page of each TOC target is read from its destination, and the number is drawn into the PDF at the right end of
// the TOC link's rectangle, where the printed page kept a blank slot for it. One print, no guessing from layout.
// Chromium's PDF (one classic cross-reference table) is read object by object and the numbers appended as an
// incremental update (incrementalPdf.ts): tens of ms instead of pdf-lib's full load and save of the 4 MB file (about
// 0.6 s); any other PDF takes the full pdf-lib path.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, StandardFontEmbedder, StandardFonts, rgb, type PDFObject, type PDFPage } from 'pdf-lib';
import { appendUpdate, nextObjectNumber, openIncremental, type IncrementalPdf, type UpdateObject } from './incrementalPdf.js';

/** A TOC entry as found in the PDF: the destination's name, the page it lands on (1-based) and the page of the TOC link. */
export interface TocPage {
  readonly dest: string;
  readonly page: number;
  readonly tocPage: number;
}

const nameOf = (o: PDFObject | undefined): string | undefined => {
  if (o instanceof PDFName) return o.decodeText();
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
};

/** name → 0-based page index, from the catalog's /Dests dictionary (Chromium's form) or the /Names /Dests tree. */
function destinations(doc: PDFDocument): Map<string, number> {
  const pageIndex = new Map<string, number>(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const out = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined): void => {
    let v = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (v instanceof PDFDict) v = v.lookup(PDFName.of('D'));
    if (!(v instanceof PDFArray)) return;
    const page = v.get(0);
    if (page instanceof PDFRef) {
      const i = pageIndex.get(page.toString());
      if (i !== undefined) out.set(name, i);
    }
  };
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) add(k.decodeText(), v);
  const walk = (node: PDFObject | undefined): void => {
    const n = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (!(n instanceof PDFDict)) return;
    const names = n.lookup(PDFName.of('Names'));
    if (names instanceof PDFArray) for (let i = 0; i + 1 < names.size(); i += 2) { const k = nameOf(names.get(i)); if (k !== undefined) add(k, names.get(i + 1)); }
    const kids = n.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.get(i));
  };
  const tree = doc.catalog.lookup(PDFName.of('Names'));
  if (tree instanceof PDFDict) walk(tree.get(PDFName.of('Dests')));
  return out;
}

/** The link annotations of a page that point at a named destination: name and rectangle [x1, y1, x2, y2]. */
function namedLinks(page: PDFPage): { dest: string; rect: [number, number, number, number] }[] {
  const annots = page.node.Annots();
  if (annots === undefined) return [];
  const out: { dest: string; rect: [number, number, number, number] }[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const a = annots.lookup(i);
    if (!(a instanceof PDFDict) || a.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    let dest = nameOf(a.lookup(PDFName.of('Dest')));
    const action = a.lookup(PDFName.of('A'));
    if (dest === undefined && action instanceof PDFDict) dest = nameOf(action.lookup(PDFName.of('D')));
    const rect = a.lookup(PDFName.of('Rect'));
    if (dest === undefined || !(rect instanceof PDFArray) || rect.size() !== 4) continue;
    const r = rect.asRectangle();
    out.push({ dest, rect: [r.x, r.y, r.x + r.width, r.y + r.height] });
  }
  return out;
}

/**
 * Write the page numbers of the TOC into a PDF: for every link annotation whose named destination starts with
 * `prefix`, the 1-based page of that destination is drawn right-aligned at the right end of the link's rectangle
 * (Helvetica digits; the HTML left that slot blank). Destinations are Chromium's named destinations, so the numbers
 * are where the headings actually landed.
 *
 * @param pdf - the PDF bytes
 * @param prefix - the prefix of the TOC's destination names (e.g. `ct-toc-`)
 * @param style - font size in pt (default 8.5)
 * @returns the new PDF bytes (for Chromium's PDF: the printed bytes with an incremental update appended), the entries
 *   found (by TOC page, then left to right and top to bottom) and the page count
 * @example
 * const { bytes, entries } = await stampTocPageNumbers(await page.pdf(), 'ct-toc-');
 */
export async function stampTocPageNumbers(pdf: Uint8Array, prefix: string, style: { readonly size?: number } = {}): Promise<{ bytes: Uint8Array; entries: TocPage[]; pages: number }> {
  // Chromium's PDF (one classic cross-reference table): read the few objects needed and append the numbers as an
  // incremental update; any other PDF goes through pdf-lib's full load and save below. Same numbers, same places.
  const quick = stampIncrementally(pdf, prefix, style.size ?? 8.5);
  if (quick !== undefined) return quick;
  // Parsed and saved without yielding to the event loop every 100 objects (pdf-lib's default): nothing else runs meanwhile.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const size = style.size ?? 8.5;
  const dests = destinations(doc);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const entries: TocPage[] = [];
  doc.getPages().forEach((page, pi) => {
    // A link broken into several boxes has several annotations: one number per destination and page, at the right
    // end of their union, centred on the last line.
    const byDest = new Map<string, [number, number, number, number]>();
    for (const l of namedLinks(page)) {
      if (!l.dest.startsWith(prefix) || !dests.has(l.dest)) continue;
      const u = byDest.get(l.dest);
      byDest.set(l.dest, u === undefined ? l.rect : [Math.min(u[0], l.rect[0]), Math.min(u[1], l.rect[1]), Math.max(u[2], l.rect[2]), Math.max(u[3], l.rect[3])]);
    }
    const links = [...byDest.entries()].sort((a, b) => a[1][0] - b[1][0] || b[1][3] - a[1][3]);
    for (const [dest, rect] of links) {
      const target = dests.get(dest)!;
      const text = String(target + 1);
      const w = font.widthOfTextAtSize(text, size);
      const y = rect[1] + Math.min(rect[3] - rect[1], size * 1.6) / 2 - size * 0.35;
      page.drawText(text, { x: rect[2] - w - 1, y, size, font, color: rgb(0.38, 0.43, 0.49) });
      entries.push({ dest, page: target + 1, tocPage: pi + 1 });
    }
  });
  return { bytes: await doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY }), entries, pages: doc.getPageCount() };
}

const N = (name: string): PDFName => PDFName.of(name);
// Helvetica, not embedded (one of the 14 standard fonts): the digits' widths from pdf-lib's metrics.
const HELVETICA = StandardFontEmbedder.for(StandardFonts.Helvetica as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
const TOC_FONT = 'CtTocHelv';

/** The pages in order (refs), walking /Pages /Kids; undefined when the tree cannot be read. */
function pageRefs(pdf: IncrementalPdf, root: PDFDict): PDFRef[] | undefined {
  const out: PDFRef[] = [];
  const seen = new Set<number>();
  const walk = (ref: PDFObject | undefined): boolean => {
    if (!(ref instanceof PDFRef) || seen.has(ref.objectNumber)) return false;
    seen.add(ref.objectNumber);
    const node = pdf.lookup(ref);
    if (!(node instanceof PDFDict)) return false;
    const type = node.get(N('Type'));
    if (type === N('Page')) {
      out.push(ref);
      return true;
    }
    const kids = pdf.resolve(node.get(N('Kids')));
    if (type !== N('Pages') || !(kids instanceof PDFArray)) return false;
    for (let i = 0; i < kids.size(); i++) if (!walk(kids.get(i))) return false;
    return true;
  };
  return walk(root.get(N('Pages'))) ? out : undefined;
}

/** name → 0-based page index, from the catalog's /Dests dictionary (the form Chromium writes). */
function incrementalDests(pdf: IncrementalPdf, root: PDFDict, pageIndex: ReadonlyMap<number, number>, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  const dests = pdf.resolve(root.get(N('Dests')));
  if (!(dests instanceof PDFDict)) return out;
  for (const [k, v] of dests.entries()) {
    const name = k.decodeText();
    if (!name.startsWith(prefix)) continue;
    let d = pdf.resolve(v);
    if (d instanceof PDFDict) d = pdf.resolve(d.get(N('D')));
    const page = d instanceof PDFArray ? d.get(0) : undefined;
    const i = page instanceof PDFRef ? pageIndex.get(page.objectNumber) : undefined;
    if (i !== undefined) out.set(name, i);
  }
  return out;
}

/** The TOC's page numbers as an incremental update (see `stampTocPageNumbers`); undefined for a PDF of another form. */
function stampIncrementally(bytes: Uint8Array, prefix: string, size: number): { bytes: Uint8Array; entries: TocPage[]; pages: number } | undefined {
  const pdf = openIncremental(bytes);
  if (pdf === undefined) return undefined;
  const root = pdf.resolve(pdf.trailer.get(N('Root')));
  if (!(root instanceof PDFDict)) return undefined;
  const pages = pageRefs(pdf, root);
  if (pages === undefined) return undefined;
  const pageIndex = new Map(pages.map((r, i) => [r.objectNumber, i]));
  // Hybrid files (an /XRefStm beside the table) and destinations in a /Names tree take the full path.
  if (pdf.trailer.get(N('XRefStm')) !== undefined) return undefined;
  const dests = incrementalDests(pdf, root, pageIndex, prefix);
  if (dests.size === 0 && root.get(N('Names')) !== undefined) return undefined;
  const ctx = pdf.context;
  const entries: TocPage[] = [];
  const update: UpdateObject[] = [];
  let next = nextObjectNumber(pdf);
  const fontRef = PDFRef.of(next++);
  for (const [pi, ref] of pages.entries()) {
    const page = pdf.lookup(ref);
    if (!(page instanceof PDFDict)) return undefined;
    const annots = pdf.resolve(page.get(N('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    // One number per destination and page, at the right end of the union of its link boxes (as the full path).
    const byDest = new Map<string, [number, number, number, number]>();
    for (let i = 0; i < annots.size(); i++) {
      const a = pdf.resolve(annots.get(i));
      if (!(a instanceof PDFDict) || a.get(N('Subtype')) !== N('Link')) continue;
      let dest = nameOf(pdf.resolve(a.get(N('Dest'))));
      const action = pdf.resolve(a.get(N('A')));
      if (dest === undefined && action instanceof PDFDict) dest = nameOf(pdf.resolve(action.get(N('D'))));
      const rect = pdf.resolve(a.get(N('Rect')));
      if (dest === undefined || !dest.startsWith(prefix) || !dests.has(dest) || !(rect instanceof PDFArray) || rect.size() !== 4) continue;
      const r = rect.asRectangle();
      const box: [number, number, number, number] = [r.x, r.y, r.x + r.width, r.y + r.height];
      const u = byDest.get(dest);
      byDest.set(dest, u === undefined ? box : [Math.min(u[0], box[0]), Math.min(u[1], box[1]), Math.max(u[2], box[2]), Math.max(u[3], box[3])]);
    }
    if (byDest.size === 0) continue;
    const links = [...byDest.entries()].sort((a, b) => a[1][0] - b[1][0] || b[1][3] - a[1][3]);
    const ops: string[] = ['Q', 'q', 'BT', `/${TOC_FONT} ${size} Tf`, '0.38 0.43 0.49 rg'];
    for (const [dest, rect] of links) {
      const target = dests.get(dest)!;
      const text = String(target + 1);
      const w = HELVETICA.widthOfTextAtSize(text, size);
      const y = rect[1] + Math.min(rect[3] - rect[1], size * 1.6) / 2 - size * 0.35;
      ops.push(`1 0 0 1 ${num(rect[2] - w - 1)} ${num(y)} Tm`, `(${text}) Tj`);
      entries.push({ dest, page: target + 1, tocPage: pi + 1 });
    }
    ops.push('ET', 'Q');
    // The page's own content runs inside q … Q, so whatever state it leaves does not move the numbers.
    const before = PDFRef.of(next++);
    const after = PDFRef.of(next++);
    update.push({ ref: before, object: ctx.obj({}), stream: 'q' }, { ref: after, object: ctx.obj({}), stream: ops.join('\n') });
    const contents = pdf.resolve(page.get(N('Contents')));
    const own = contents instanceof PDFArray ? contents.asArray() : page.get(N('Contents')) !== undefined ? [page.get(N('Contents'))!] : [];
    const resources = pdf.resolve(page.get(N('Resources')));
    // Resources inherited from the page tree would be lost by giving the page its own: the full path handles those.
    if (!(resources instanceof PDFDict)) return undefined;
    const res = resources.clone(ctx);
    const fonts = pdf.resolve(res.get(N('Font')));
    const fontDict = fonts instanceof PDFDict ? fonts.clone(ctx) : ctx.obj({});
    fontDict.set(N(TOC_FONT), fontRef);
    res.set(N('Font'), fontDict);
    const copy = page.clone(ctx);
    copy.set(N('Contents'), ctx.obj([before, ...own, after]));
    copy.set(N('Resources'), res);
    update.push({ ref, object: copy });
  }
  if (update.length === 0) return { bytes, entries, pages: pages.length };
  update.unshift({ ref: fontRef, object: ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }) });
  return { bytes: appendUpdate(bytes, pdf, update), entries, pages: pages.length };
}

/** A coordinate for a content stream: at most 3 decimals, no exponent. */
const num = (x: number): string => String(Math.round(x * 1000) / 1000);

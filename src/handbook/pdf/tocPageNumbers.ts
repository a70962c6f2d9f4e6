// Page numbers for the table of contents of a PDF printed by Chromium, which has no CSS target-counter(): Chromium
// writes a named destination (catalog /Dests) for every in-page link target, and a /Link annotation for every link.
// The page of each TOC target is read from its destination, and the number is drawn into the PDF at the right end of
// the TOC link's rectangle, where the printed page kept a blank slot for it. One print, no guessing from layout.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, StandardFonts, rgb, type PDFObject, type PDFPage } from 'pdf-lib';

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
 * @returns the new PDF bytes, the entries found (by TOC page, then left to right and top to bottom) and the page count
 * @example
 * const { bytes, entries } = await stampTocPageNumbers(await page.pdf(), 'ct-toc-');
 */
export async function stampTocPageNumbers(pdf: Uint8Array, prefix: string, style: { readonly size?: number } = {}): Promise<{ bytes: Uint8Array; entries: TocPage[]; pages: number }> {
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

import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stampTocPageNumbers } from '../../../src/handbook/pdf/tocPageNumbers.js';

/** Three pages; page 1 is a TOC with links to the named destinations toc-0 (page 3) and toc-1 (page 2), plus one link to another name. */
async function tocPdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage([600, 400]), doc.addPage([600, 400]), doc.addPage([600, 400])];
  pages[0]!.drawText('TOC', { x: 50, y: 350, size: 12 });
  const ctx = doc.context;
  const dest = (page: number): PDFArray => ctx.obj([pages[page]!.ref, 'XYZ', 0, 400, 0]);
  doc.catalog.set(PDFName.of('Dests'), ctx.register(ctx.obj({ 'toc-0': dest(2), 'toc-1': dest(1), other: dest(2) })));
  const link = (name: string, rect: number[]): PDFRef => ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Dest: PDFName.of(name) }));
  pages[0]!.node.set(PDFName.of('Annots'), ctx.obj([link('toc-0', [50, 300, 250, 312]), link('toc-1', [50, 280, 250, 292]), link('other', [50, 260, 250, 272])]));
  return doc.save({ useObjectStreams });
}

/** The text of the last content stream of a page. */
async function lastStream(bytes: Uint8Array, page: number): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(page).node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const last = doc.context.lookup(refs[refs.length - 1] as PDFRef);
  if (!(last instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(last).decode()).toString('latin1');
}

describe('stampTocPageNumbers', () => {
  it('writes each TOC link’s destination page at the link’s right end, as an incremental update of a classic-xref PDF', async () => {
    const raw = await tocPdf(false);
    const { bytes, entries, pages } = await stampTocPageNumbers(raw, 'toc-');
    expect(pages).toBe(3);
    expect(entries).toEqual([
      { dest: 'toc-0', page: 3, tocPage: 1 },
      { dest: 'toc-1', page: 2, tocPage: 1 },
    ]);
    // The original bytes are kept and the update appended (no re-save of the whole file).
    expect(Buffer.from(bytes.subarray(0, raw.length)).equals(Buffer.from(raw))).toBe(true);
    expect(bytes.length).toBeGreaterThan(raw.length);
    const tail = Buffer.from(bytes.subarray(raw.length)).toString('latin1');
    expect(tail).toMatch(/\/Prev \d+/);
    const text = await lastStream(bytes, 0);
    expect(text).toContain('(3) Tj');
    expect(text).toContain('(2) Tj');
    expect(text).not.toContain('(1) Tj');
    // Right-aligned 1 pt before the link's right end (x2 = 250): Helvetica "3" at 8.5 pt is 4.726 wide.
    expect(text).toContain(`1 0 0 1 ${Math.round((250 - 4.726 - 1) * 1000) / 1000} `);
    // The page's own content is wrapped in q … Q before the numbers are drawn; the other pages are untouched.
    const doc = await PDFDocument.load(bytes);
    const contents = doc.getPage(0).node.get(PDFName.of('Contents'));
    expect(contents instanceof PDFArray ? contents.size() : 1).toBe(3);
    const fonts = doc.getPage(0).node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    expect(fonts?.has(PDFName.of('CtTocHelv'))).toBe(true);
    expect(doc.getPage(1).node.get(PDFName.of('Contents'))).not.toBeInstanceOf(PDFArray);
  });

  it('gives the same numbers through the full pdf-lib path for a PDF with a cross-reference stream', async () => {
    const raw = await tocPdf(true);
    const { bytes, entries, pages } = await stampTocPageNumbers(raw, 'toc-');
    expect(pages).toBe(3);
    expect(entries).toEqual([
      { dest: 'toc-0', page: 3, tocPage: 1 },
      { dest: 'toc-1', page: 2, tocPage: 1 },
    ]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(3);
  });

  it('numbers destinations kept in a /Names tree (full path) and keeps the previous trailer entries in an update', async () => {
    // Same PDF, but the destinations in the catalog's /Names /Dests tree instead of /Dests, and a document /ID.
    const doc = await PDFDocument.create();
    const pages = [doc.addPage([600, 400]), doc.addPage([600, 400])];
    const ctx = doc.context;
    const names = ctx.obj({ Names: ['toc-0', ctx.obj([pages[1]!.ref, 'XYZ', 0, 400, 0])] });
    doc.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.register(names) }));
    const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, 300, 250, 312], Dest: PDFName.of('toc-0') }));
    pages[0]!.node.set(PDFName.of('Annots'), ctx.obj([link]));
    const raw = await doc.save({ useObjectStreams: false });
    const { entries } = await stampTocPageNumbers(raw, 'toc-');
    expect(entries).toEqual([{ dest: 'toc-0', page: 2, tocPage: 1 }]);
    // The incremental path copies /ID (and every other previous trailer entry but /Prev and /Size).
    const classic = await tocPdf(false);
    const withId = Buffer.from(Buffer.from(classic).toString('latin1').replace(/trailer\s*<</, 'trailer\n<<\n/ID [<0102> <0102>]'), 'latin1');
    const stamped = await stampTocPageNumbers(new Uint8Array(withId), 'toc-');
    expect(stamped.entries).toHaveLength(2);
    const tail = Buffer.from(stamped.bytes.subarray(withId.length)).toString('latin1');
    expect(tail).toContain('/ID');
  });

  it('leaves a PDF without TOC links as it is', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    const raw = await doc.save({ useObjectStreams: false });
    const out = await stampTocPageNumbers(raw, 'toc-');
    expect(out).toEqual({ bytes: raw, entries: [], pages: 1 });
  });
});

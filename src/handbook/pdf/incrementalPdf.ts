// Reading single objects of a PDF with a classic cross-reference table and appending an incremental update — the
// pieces `stampTocPageNumbers` needs to write a few page numbers into a 150-page PDF without parsing and re-saving the
// whole file (pdf-lib's `PDFDocument.load` + `save` took about 0.6 s of the handbook's PDF step). pdf-lib's own object
// parser reads each object; only the cross-reference table and the update's framing are written here (PDF 1.7,
// ISO 32000-1 §7.5.4 and §7.5.6). Anything else (a cross-reference stream, an earlier update, a missing object)
// returns undefined and the caller takes the full pdf-lib path.
import { PDFContext, PDFDict, PDFName, PDFObjectParser, PDFRef, type PDFObject } from 'pdf-lib';

const KEY = { Prev: PDFName.of('Prev'), Root: PDFName.of('Root'), Size: PDFName.of('Size'), Info: PDFName.of('Info') } as const;

const latin1 = (bytes: Uint8Array, from: number, to: number): string => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString('latin1');

/** A PDF opened for reading objects by number, from its classic cross-reference table. */
export interface IncrementalPdf {
  /** The trailer dictionary (with /Root, /Size, maybe /Info). */
  readonly trailer: PDFDict;
  /** Byte offset of the cross-reference table (the update's /Prev). */
  readonly startXref: number;
  /** The object a reference points at, or undefined when it is not in the table or not readable. */
  lookup(ref: PDFRef): PDFObject | undefined;
  /** Follow a reference (other objects are returned as they are). */
  resolve(o: PDFObject | undefined): PDFObject | undefined;
  /** The context new objects are made in (`context.obj(...)`). */
  readonly context: PDFContext;
}

/**
 * Open a PDF for incremental reading: its last cross-reference section must be a classic table without /Prev (one
 * section, as Chromium writes it).
 *
 * @param bytes - the PDF
 * @returns the reader, or undefined for a PDF of another form
 * @example
 * const pdf = openIncremental(bytes); // undefined for a PDF with a cross-reference stream
 */
export function openIncremental(bytes: Uint8Array): IncrementalPdf | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (m === null) return undefined;
  const startXref = Number(m[1]);
  if (latin1(bytes, startXref, startXref + 4) !== 'xref') return undefined;
  const offsets = new Map<number, number>();
  let pos = startXref + 4;
  // Subsections: "first count" then count entries of 20 bytes "oooooooooo ggggg n\r\n".
  for (;;) {
    const head = /^\s*(\d+) (\d+)\s*?(\r\n|\r|\n| \n| \r)/.exec(latin1(bytes, pos, pos + 48));
    if (head === null) break;
    pos += head[0].length;
    const first = Number(head[1]);
    const count = Number(head[2]);
    for (let i = 0; i < count; i++) {
      const e = latin1(bytes, pos + i * 20, pos + i * 20 + 20);
      if (e[17] === 'n') offsets.set(first + i, Number(e.slice(0, 10)));
    }
    pos += count * 20;
  }
  const trailerAt = /^\s*trailer/.exec(latin1(bytes, pos, pos + 32));
  if (trailerAt === null) return undefined;
  const context = PDFContext.create();
  let trailer: PDFObject;
  try {
    trailer = PDFObjectParser.forBytes(bytes.subarray(pos + trailerAt[0].length), context).parseObject();
  } catch {
    return undefined;
  }
  if (!(trailer instanceof PDFDict) || trailer.has(KEY.Prev) || !(trailer.get(KEY.Root) instanceof PDFRef)) return undefined;
  const cache = new Map<number, PDFObject | undefined>();
  const lookup = (ref: PDFRef): PDFObject | undefined => {
    if (cache.has(ref.objectNumber)) return cache.get(ref.objectNumber);
    const at = offsets.get(ref.objectNumber);
    let out: PDFObject | undefined;
    if (at !== undefined) {
      const h = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, at, at + 40));
      if (h !== null && Number(h[1]) === ref.objectNumber && Number(h[2]) === ref.generationNumber) {
        try {
          out = PDFObjectParser.forBytes(bytes.subarray(at + h[0].length), context).parseObject();
        } catch {
          out = undefined;
        }
      }
    }
    cache.set(ref.objectNumber, out);
    return out;
  };
  const resolve = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? lookup(o) : o);
  return { trailer, startXref, lookup, resolve, context };
}

/** An object of the update: a replaced or new object (its number), with a dictionary or a stream's dictionary and data. */
export interface UpdateObject {
  readonly ref: PDFRef;
  readonly object: PDFObject;
  /** Stream data: the object is then the stream's dictionary (its /Length is set here). */
  readonly stream?: string;
}

/**
 * The PDF with an incremental update appended: the original bytes unchanged, then the objects, a cross-reference
 * section for them and a trailer pointing back (/Prev) at the original table.
 *
 * @param bytes - the original PDF
 * @param pdf - the reader of `openIncremental(bytes)`
 * @param objects - the objects to write (replaced ones keep their number; new ones from `nextObjectNumber`)
 * @returns the updated PDF
 * @example
 * appendUpdate(bytes, pdf, [{ ref: PDFRef.of(5), object: pageDict }]);
 */
export function appendUpdate(bytes: Uint8Array, pdf: IncrementalPdf, objects: readonly UpdateObject[]): Uint8Array {
  const parts: string[] = [];
  let offset = bytes.length;
  const lead = bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d ? '' : '\n';
  parts.push(lead);
  offset += lead.length;
  const entries: [number, number][] = [];
  for (const o of objects) {
    let body: string;
    if (o.stream !== undefined) {
      const dict = o.object as PDFDict;
      dict.set(PDFName.of('Length'), pdf.context.obj(Buffer.byteLength(o.stream, 'latin1')));
      body = `${dict.toString()}\nstream\n${o.stream}\nendstream`;
    } else body = o.object.toString();
    const text = `${o.ref.objectNumber} ${o.ref.generationNumber} obj\n${body}\nendobj\n`;
    entries.push([o.ref.objectNumber, offset]);
    parts.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  }
  const xrefAt = offset;
  const size = Math.max(nextObjectNumber(pdf), ...objects.map((o) => o.ref.objectNumber + 1));
  const xref = ['xref\n', ...[...entries].sort((a, b) => a[0] - b[0]).map(([n, at]) => `${n} 1\n${String(at).padStart(10, '0')} 00000 n \n`)].join('');
  // ISO 32000-1 §7.5.6: the update's trailer carries the previous trailer's entries (/Root, /Info, /ID, …), with its
  // own /Size and /Prev.
  const trailer = PDFDict.withContext(pdf.context);
  for (const [k, v] of pdf.trailer.entries()) if (k !== KEY.Prev && k !== KEY.Size && k.asString() !== '/XRefStm') trailer.set(k, v);
  trailer.set(KEY.Size, pdf.context.obj(size));
  trailer.set(KEY.Prev, pdf.context.obj(pdf.startXref));
  parts.push(`${xref}trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`);
  const tail = Buffer.from(parts.join(''), 'latin1');
  const out = new Uint8Array(bytes.length + tail.length);
  out.set(bytes, 0);
  out.set(tail, bytes.length);
  return out;
}

/** The first object number free for new objects (the trailer's /Size). */
export function nextObjectNumber(pdf: IncrementalPdf): number {
  const size = pdf.trailer.get(KEY.Size);
  return size !== undefined ? Number(size.toString()) : 0;
}

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { UsageError } from '../../errors.js';

/** Text decoded from bytes, with the encoding used. */
export interface DecodedText {
  readonly text: string;
  /** Encoding name as iconv-lite knows it ('utf-8', 'gb18030', 'big5', 'utf-16le' …). */
  readonly encoding: string;
  /** True when the encoding was detected statistically rather than from a BOM or valid UTF-8. */
  readonly guessed: boolean;
  /** Characters that could not be decoded and became U+FFFD. */
  readonly replaced: number;
}

// Chinese-relevant encodings chardet may name, and their iconv-lite names.
const DETECTABLE: Readonly<Record<string, string>> = { GB18030: 'gb18030', Big5: 'big5', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };

/** The text of valid UTF-8 bytes (a leading BOM dropped), or undefined when the bytes are not valid UTF-8. */
function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/**
 * Evidence that bytes are UTF-8 with a few errors: of the non-ASCII bytes, at least 90% belong to valid
 * multi-byte UTF-8 sequences (GBK, GB18030 and Big5 text almost never forms them: their lead bytes
 * 0x81–0xFE are followed by bytes mostly outside UTF-8's 0x80–0xBF continuation range).
 */
export function mostlyUtf8(b: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok && len === 3) ok = !(c === 0xe0 && b[i + 1]! < 0xa0) && !(c === 0xed && b[i + 1]! >= 0xa0);
    if (ok && len === 4) ok = !(c === 0xf0 && b[i + 1]! < 0x90) && !(c === 0xf4 && b[i + 1]! >= 0x90);
    if (ok) {
      valid += len;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > 0 && valid >= 9 * invalid;
}

/**
 * Decode a text file: a BOM decides (UTF-8, UTF-16); else valid UTF-8 is UTF-8; else UTF-8 with a few
 * invalid bytes (see `mostlyUtf8`) is UTF-8, the bad bytes replaced and counted; else chardet picks
 * among GB18030 (which reads GBK and GB2312), Big5 and UTF-16, defaulting to GB18030 — Excel's
 * CSV encoding on Chinese Windows. Decoding is done by iconv-lite.
 *
 * @param bytes - the file content
 * @param encoding - force an encoding (any iconv-lite name, e.g. 'gbk')
 * @returns the text and how it was decoded
 * @throws {UsageError} OPTIONS_INVALID when `encoding` is not known to iconv-lite
 * @example
 * decodeText(iconv.encode('企业名称', 'gbk')).encoding; // 'gb18030'
 */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding !== undefined) {
    if (!iconv.encodingExists(encoding)) {
      throw new UsageError(`importCompanies: unknown encoding "${encoding}"`, `importCompanies：未知编码“${encoding}”`, [], 'OPTIONS_INVALID');
    }
    const text = iconv.decode(buf, encoding);
    return { text, encoding: encoding.toLowerCase(), guessed: false, replaced: countReplaced(text) };
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    // Valid UTF-8 decodes to one text whichever decoder runs (both drop one more leading BOM, as iconv-lite's
    // stripBOM does); the native decoder is several times faster on large files. Invalid bytes keep
    // iconv-lite's replacement behaviour.
    const text = validUtf8(buf.subarray(3)) ?? iconv.decode(buf.subarray(3), 'utf-8');
    return { text, encoding: 'utf-8', guessed: false, replaced: countReplaced(text) };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', guessed: false, replaced: 0 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', guessed: false, replaced: 0 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', guessed: false, replaced: 0 };
  } catch {
    // not UTF-8: weigh the evidence, then detect
  }
  if (mostlyUtf8(buf)) {
    // A UTF-8 file with a few bad bytes (a truncated cell, a pasted fragment): read as UTF-8, the bad bytes
    // become U+FFFD and are reported (with their rows) instead of the whole file being re-read as Big5.
    const text = new TextDecoder('utf-8').decode(buf);
    return { text, encoding: 'utf-8', guessed: false, replaced: countReplaced(text) };
  }
  const candidates = chardet.analyse(buf.subarray(0, 64 * 1024));
  const pick = candidates.find((c) => DETECTABLE[c.name] !== undefined && c.confidence >= 10);
  const enc = pick ? DETECTABLE[pick.name]! : 'gb18030';
  const text = iconv.decode(buf, enc);
  return { text, encoding: enc, guessed: true, replaced: countReplaced(text) };
}

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
 * Decode a text file: a BOM decides (UTF-8, UTF-16); else valid UTF-8 is UTF-8; else chardet picks
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
    // not UTF-8: fall through to detection
  }
  const candidates = chardet.analyse(buf.subarray(0, 64 * 1024));
  const pick = candidates.find((c) => DETECTABLE[c.name] !== undefined && c.confidence >= 10);
  const enc = pick ? DETECTABLE[pick.name]! : 'gb18030';
  const text = iconv.decode(buf, enc);
  return { text, encoding: enc, guessed: true, replaced: countReplaced(text) };
}

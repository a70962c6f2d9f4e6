import OpenCC from 'opencc-js/t2cn';

interface Converter {
  readonly convert: (text: string) => string;
  /** Characters some OpenCC entry changes: a text containing none of them converts to itself. */
  readonly triggers: ReadonlySet<number>;
  /** The same set for the BMP as a flat table (1 = trigger): the per-character test runs on every imported cell. */
  readonly bmp: Uint8Array;
}

// Built on first use only: OpenCC's dictionaries are large. A read-only cache, not state.
let cached: Converter | undefined;

function addEntry(from: string, to: string, out: Set<number>): void {
  const a = [...from];
  const b = [...to];
  for (let i = 0; i < a.length; i++) if (a.length !== b.length || a[i] !== b[i]) out.add(a[i]!.codePointAt(0)!);
}

function collectTriggers(d: unknown, out: Set<number>): void {
  if (typeof d === 'string') {
    for (const entry of d.split('|')) {
      const [from, to] = entry.split(' ');
      if (from !== undefined && to !== undefined) addEntry(from, to, out);
    }
  } else if (Array.isArray(d)) {
    if (d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string' && !d[0].includes('|') && !d[0].includes(' ')) addEntry(d[0], d[1], out);
    else for (const x of d) collectTriggers(x, out);
  }
}

function converter(): Converter {
  if (cached === undefined) {
    const triggers = new Set<number>();
    collectTriggers(OpenCC.Locale.to['cn'], triggers);
    const bmp = new Uint8Array(0x10000);
    for (const code of triggers) if (code <= 0xffff) bmp[code] = 1;
    cached = { convert: OpenCC.Converter({ from: 't', to: 'cn' }), triggers, bmp };
  }
  return cached;
}

/**
 * Convert traditional Chinese characters to simplified (OpenCC, traditional → mainland simplified),
 * for matching; callers keep the original text for display. A text with no character that any OpenCC
 * entry changes is returned as it is, without running the converter (most mainland text).
 *
 * @param text - any text
 * @returns the text in simplified characters
 * @example
 * toSimplified('鴻海精密工業'); // '鸿海精密工业'
 */
export function toSimplified(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x80) i++;
  if (i === text.length) return text;
  const c = converter();
  const { bmp, triggers } = c;
  const n = text.length;
  for (; i < n; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) {
      // A BMP character (a lone low surrogate too: codePointAt gives the unit itself, as here).
      if (bmp[unit] === 1) return c.convert(text);
      continue;
    }
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (triggers.has(code)) return c.convert(text);
  }
  return text;
}

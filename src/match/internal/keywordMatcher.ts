/** A compiled keyword: its matching form, the segments that list it, and its specificity weight. */
export interface KeywordEntry {
  /** Lower-case, simplified, width-normalised form matched against text. */
  readonly form: string;
  /** The keyword as written in the dataset (first spelling seen). */
  readonly keyword: string;
  /** Indexes of the segments listing it. */
  readonly segments: readonly number[];
  /** 1 / number of segments listing it: a word shared by many segments says little. */
  readonly weight: number;
  readonly asciiStart: boolean;
  readonly asciiEnd: boolean;
}

/** A keyword occurrence in a text. */
export interface KeywordHit {
  readonly entry: KeywordEntry;
  readonly start: number;
  readonly end: number;
}

const isAsciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
const pairKey = (text: string, i: number): number => text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);

/** Keywords bucketed by their first two UTF-16 units, longest first within a bucket. */
export type KeywordBuckets = ReadonlyMap<number, readonly KeywordEntry[]>;

/** Build the buckets (keywords shorter than two characters are left out: too ambiguous to tag with). */
export function compileKeywords(words: ReadonlyMap<string, { keyword: string; segments: Set<number> }>): KeywordBuckets {
  const buckets = new Map<number, KeywordEntry[]>();
  for (const [form, { keyword, segments }] of words) {
    if (form.length < 2) continue;
    const entry: KeywordEntry = {
      form,
      keyword,
      segments: [...segments].sort((a, b) => a - b),
      weight: 1 / segments.size,
      asciiStart: isAsciiWordChar(form.charCodeAt(0)),
      asciiEnd: isAsciiWordChar(form.charCodeAt(form.length - 1)),
    };
    const key = pairKey(form, 0);
    const list = buckets.get(key);
    if (list) list.push(entry);
    else buckets.set(key, [entry]);
  }
  for (const list of buckets.values()) list.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
  return buckets;
}

/**
 * Keyword occurrences in a normalised text: at each position the longest keyword, unless it lies inside
 * an earlier hit (in 光纤激光器 the longer 光纤激光器 hides 激光器); overlapping hits are kept (动力电池系统 →
 * 动力电池 and 电池系统). Latin keywords match whole words only (a plural -s is allowed).
 */
export function scanKeywords(text: string, buckets: KeywordBuckets): KeywordHit[] {
  const hits: KeywordHit[] = [];
  let reach = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const list = buckets.get(pairKey(text, i));
    if (list === undefined) continue;
    for (const e of list) {
      const end = i + e.form.length;
      if (end <= reach) break;
      if (!text.startsWith(e.form, i)) continue;
      if (e.asciiStart && i > 0 && isAsciiWordChar(text.charCodeAt(i - 1))) continue;
      if (e.asciiEnd && end < text.length && isAsciiWordChar(text.charCodeAt(end))) {
        const plural = text.charCodeAt(end) === 115 && (end + 1 >= text.length || !isAsciiWordChar(text.charCodeAt(end + 1)));
        if (!plural) continue;
      }
      hits.push({ entry: e, start: i, end });
      reach = end;
      break;
    }
  }
  return hits;
}

/** A compiled keyword: its matching form, the segments that list it, and its specificity weight. */
export interface KeywordEntry {
  /** Its node in the trie (unique per keyword): callers keep per-keyword data in arrays indexed by it. */
  readonly node: number;
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

/**
 * The keywords as a trie over UTF-16 code units (the unit `text.length` and hit positions are counted in;
 * a keyword never starts or ends inside a surrogate pair, so matching units matches code points).
 *
 * Hand-written on purpose: the npm Aho–Corasick packages (modern-ahocorasick, ahocorasick …) report
 * every overlapping match as a fresh object, while tagging needs only the longest keyword at each start
 * that passes the Latin word-boundary rules, and it runs on every field of 100,000-row imports, where
 * per-match allocation is the cost we remove. Walking a trie from each start position gives exactly
 * that with no allocation; the failure links of a full Aho–Corasick would not help, since matches are
 * chosen per start, not per end.
 */
export interface KeywordTrie {
  /** Number of distinct keywords indexed. */
  readonly size: number;
  /** Child of the root per code unit (0 = none): most positions stop here, so it is a flat table. */
  readonly root: Int32Array;
  /**
   * Children of every other node (node ids start at 2; 0 means none), flat: node n's children are the slots
   * `first[n] … first[n] + count[n] − 1` of `childUnit` (code units, ascending) and `childNode`. Most
   * nodes past the first two characters have one child, so a lookup is usually one comparison; typed
   * arrays instead of a Map per node keep the walk free of hashing.
   */
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly childUnit: Uint16Array;
  readonly childNode: Int32Array;
  /** The keyword ending at a node, if any. */
  readonly entries: readonly (KeywordEntry | undefined)[];
}

const isAsciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** Build the trie (keywords shorter than two characters are left out: too ambiguous to tag with). */
export function compileKeywords(words: ReadonlyMap<string, { keyword: string; segments: Set<number> }>): KeywordTrie {
  const root = new Int32Array(65536);
  const children: (Map<number, number> | undefined)[] = [undefined, undefined];
  const entries: (KeywordEntry | undefined)[] = [undefined, undefined];
  let size = 0;
  for (const [form, { keyword, segments }] of words) {
    if (form.length < 2) continue;
    let node = root[form.charCodeAt(0)]!;
    if (node === 0) {
      node = children.length;
      root[form.charCodeAt(0)] = node;
      children.push(undefined);
      entries.push(undefined);
    }
    for (let k = 1; k < form.length; k++) {
      const c = form.charCodeAt(k);
      let map = children[node];
      if (map === undefined) children[node] = map = new Map();
      let next = map.get(c);
      if (next === undefined) {
        next = children.length;
        map.set(c, next);
        children.push(undefined);
        entries.push(undefined);
      }
      node = next;
    }
    entries[node] = {
      node,
      form,
      keyword,
      segments: [...segments].sort((a, b) => a - b),
      weight: 1 / segments.size,
      asciiStart: isAsciiWordChar(form.charCodeAt(0)),
      asciiEnd: isAsciiWordChar(form.charCodeAt(form.length - 1)),
    };
    size++;
  }
  // Flatten the per-node Maps into sorted slot ranges.
  const nodes = children.length;
  const first = new Int32Array(nodes);
  const count = new Int32Array(nodes);
  let slots = 0;
  for (const map of children) slots += map?.size ?? 0;
  const childUnit = new Uint16Array(slots);
  const childNode = new Int32Array(slots);
  let at = 0;
  for (let n = 0; n < nodes; n++) {
    const map = children[n];
    first[n] = at;
    if (map === undefined) continue;
    const units = [...map.keys()].sort((a, b) => a - b);
    count[n] = units.length;
    for (const u of units) {
      childUnit[at] = u;
      childNode[at] = map.get(u)!;
      at++;
    }
  }
  return { size, root, first, count, childUnit, childNode, entries };
}

/** The child of `node` along code unit `unit`, or 0. */
function childOf(trie: KeywordTrie, node: number, unit: number): number {
  const c = trie.count[node]!;
  if (c === 0) return 0;
  let lo = trie.first[node]!;
  if (c === 1) return trie.childUnit[lo] === unit ? trie.childNode[lo]! : 0;
  let hi = lo + c - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = trie.childUnit[mid]!;
    if (u === unit) return trie.childNode[mid]!;
    if (u < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** True when a keyword at [start, end) of the text sits on Latin word boundaries (a plural -s is allowed). */
function onBoundaries(text: string, e: KeywordEntry, start: number, end: number): boolean {
  if (e.asciiStart && start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) return false;
  if (e.asciiEnd && end < text.length && isAsciiWordChar(text.charCodeAt(end))) {
    return text.charCodeAt(end) === 115 && (end + 1 >= text.length || !isAsciiWordChar(text.charCodeAt(end + 1)));
  }
  return true;
}

/**
 * Keyword occurrences in a normalised text: at each position the longest keyword, unless it lies inside
 * an earlier hit (in 光纤激光器 the longer 光纤激光器 hides 激光器); overlapping hits are kept (动力电池系统 →
 * 动力电池 and 电池系统). Latin keywords match whole words only (a plural -s is allowed).
 */
export function scanKeywords(text: string, trie: KeywordTrie): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const { root, entries } = trie;
  const n = text.length;
  let reach = 0;
  for (let i = 0; i + 1 < n; i++) {
    let node = root[text.charCodeAt(i)]!;
    if (node === 0) continue;
    // Walk as far as the text follows the trie: the deepest keyword passing the boundary rules is the
    // longest, as a scan of the keywords at this start, longest first, would pick.
    let best: KeywordEntry | undefined;
    let bestEnd = 0;
    for (let j = i + 1; j < n; j++) {
      const next = childOf(trie, node, text.charCodeAt(j));
      if (next === 0) break;
      node = next;
      const e = entries[node];
      if (e !== undefined && j + 1 > reach && onBoundaries(text, e, i, j + 1)) {
        best = e;
        bestEnd = j + 1;
      }
    }
    if (best === undefined) continue;
    hits.push({ entry: best, start: i, end: bestEnd });
    reach = bestEnd;
  }
  return hits;
}

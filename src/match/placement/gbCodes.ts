/**
 * GB/T 4754-2017 (国民经济行业分类) code structure: 20 门类 (sections, letters A–T) over 97 大类 (2 digits),
 * 中类 (3 digits) and 小类 (4 digits). A code is "under" another when it starts with it (3252 under 325 under 32).
 * The section ranges below are the standard's own structure, not a copy of its list.
 */
const SECTIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5], B: [6, 12], C: [13, 43], D: [44, 46], E: [47, 50], F: [51, 52], G: [53, 60], H: [61, 62], I: [63, 65], J: [66, 69],
  K: [70, 70], L: [71, 72], M: [73, 75], N: [76, 79], O: [80, 82], P: [83, 83], Q: [84, 85], R: [86, 90], S: [91, 96], T: [97, 97],
};

/** The 2-digit 大类 codes of a 门类 letter ('K' → ['70']); empty for anything else. */
export function divisionsOfSection(letter: string): string[] {
  const r = SECTIONS[letter.toUpperCase()];
  if (r === undefined) return [];
  const out: string[] = [];
  for (let d = r[0]; d <= r[1]; d++) out.push(String(d).padStart(2, '0'));
  return out;
}

/** The 门类 letter of a numeric code ('3252' → 'C'), or undefined. */
export function sectionOf(code: string): string | undefined {
  const d = Number(code.slice(0, 2));
  for (const [letter, [lo, hi]] of Object.entries(SECTIONS)) if (d >= lo && d <= hi) return letter;
  return undefined;
}

/** A numeric GB/T code of 2–4 digits, or a section letter, normalised; undefined when the text is neither. */
export function normalizeGbCode(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  if (/^[A-T]$/.test(t)) return t;
  const m = /^[A-T]?(\d{2,4})$/.exec(t);
  return m === null ? undefined : m[1];
}

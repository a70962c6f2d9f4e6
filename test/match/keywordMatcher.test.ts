import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileKeywords, scanKeywords, type KeywordHit } from '../../src/match/internal/keywordMatcher.js';
import { isTradeOnly, scopeClauses } from '../../src/match/internal/scopeClauses.js';

const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/**
 * The scan as specified, written the slow way: at each start, the keywords found there longest first;
 * skip those inside the last hit, those off Latin word boundaries (a plural -s allowed), take the first left.
 */
function reference(text: string, forms: readonly string[]): string[] {
  const out: string[] = [];
  let reach = 0;
  for (let i = 0; i < text.length; i++) {
    const here = forms.filter((f) => f.length >= 2 && text.startsWith(f, i)).sort((a, b) => b.length - a.length);
    for (const f of here) {
      const end = i + f.length;
      if (end <= reach) break;
      if (isWord(f.charCodeAt(0)) && i > 0 && isWord(text.charCodeAt(i - 1))) continue;
      if (isWord(f.charCodeAt(f.length - 1)) && end < text.length && isWord(text.charCodeAt(end))) {
        if (!(text.charCodeAt(end) === 115 && (end + 1 >= text.length || !isWord(text.charCodeAt(end + 1))))) continue;
      }
      out.push(`${i}:${f}`);
      reach = end;
      break;
    }
  }
  return out;
}

const FORMS = ['高端', '高端铝', '高端铝型材', '铝型材', '型材', '光纤激光器', '激光器', '动力电池', '电池系统', 'pcb', 'pcb板', 'led', 'ab', 'abc', '铝', 'x'];
const index = (forms: readonly string[]) => compileKeywords(new Map(forms.map((f, k) => [f, { keyword: f, segments: new Set([k]) }])));
const shown = (hits: readonly KeywordHit[]): string[] => hits.map((h) => `${h.start}:${h.entry.form}`);

describe('scanKeywords', () => {
  it('takes the longest keyword at a start, hides keywords inside it, keeps overlapping ones', () => {
    const trie = index(FORMS);
    // 高端铝型材 (0–5) hides 高端, 高端铝, 铝型材 and 型材 inside it; 动力电池 (5–9) and 电池系统 (7–11) overlap.
    expect(shown(scanKeywords('高端铝型材动力电池系统', trie))).toEqual(['0:高端铝型材', '5:动力电池', '7:电池系统']);
    expect(shown(scanKeywords('光纤激光器', trie))).toEqual(['0:光纤激光器']);
  });

  it('matches Latin keywords on word boundaries only, a plural -s allowed', () => {
    const trie = index(FORMS);
    // 'pcbs' is pcb plus a plural s; 'abcd' holds no whole word; 'leds' is led, and 'xled' hides led inside a word.
    expect(shown(scanKeywords('pcbs abcd leds xled', trie))).toEqual(['0:pcb', '10:led']);
    expect(shown(scanKeywords('pcb板', trie))).toEqual(['0:pcb板']);
  });

  it('leaves out one-character keywords', () => {
    expect(index(FORMS).size).toBe(FORMS.length - 2);
  });

  const piece = fc.oneof(fc.constantFrom(...FORMS, 's', ' ', '、', '端', '材', 'a', 'b'), fc.string({ maxLength: 3 }));
  test.prop([fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))])('finds the same hits as the keyword-by-keyword reference', (text) => {
    expect(shown(scanKeywords(text, index(FORMS)))).toEqual(reference(text, FORMS));
  });
});

describe('scopeClauses', () => {
  it('splits a scope at its delimiters into trimmed, weighted clauses', () => {
    // Clause 1 (制造) weighs 1; clause 2 (销售 only) 0.96 × 0.35; empty pieces between delimiters are skipped.
    const { text, clauses } = scopeClauses(' 铝型材制造 ；；销售铝板,\n');
    expect(clauses.map((c) => text.slice(c.start, c.end))).toEqual(['铝型材制造', '销售铝板']);
    expect(clauses.map((c) => c.weight)).toEqual([1, 0.96 * 0.35]);
  });
});

describe('isTradeOnly', () => {
  it('is true only when every clause trades goods and none makes them', () => {
    expect(isTradeOnly(['药品分销', '药品、医疗器械批发与零售'])).toBe(true);
    expect(isTradeOnly(['一般项目：日用百货销售；食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）'])).toBe(true);
    expect(isTradeOnly(['超市零售', '商品零售'])).toBe(true);
    expect(isTradeOnly(['轴承生产、销售'])).toBe(false);
    expect(isTradeOnly(['铝型材', '铝合金材料熔铸、挤压及销售'])).toBe(false);
    expect(isTradeOnly(['连锁超市', '食品、日用品零售'])).toBe(false);
    expect(isTradeOnly(['', '  '])).toBe(false);
  });
});


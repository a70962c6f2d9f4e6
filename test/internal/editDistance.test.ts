import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/internal/editDistance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions over code points', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('segmnets', 'segments')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // One CJK character, and one astral character, are one edit each.
    expect(editDistance('新能原', '新能源')).toBe(1);
    expect(editDistance('𠮷野家', '吉野家')).toBe(1);
  });
});

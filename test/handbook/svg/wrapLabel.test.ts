import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { textWidthEm, wrapLabel } from '../../../src/handbook/svg/wrapLabel.js';

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('电解铝', 8, 2)).toEqual(['电解铝']);
  });

  it('breaks after 与 where it can', () => {
    expect(wrapLabel('储能变流器与电池管理系统', 8, 2)).toEqual(['储能变流器与', '电池管理系统']);
  });

  it('balances CJK lines without a separator', () => {
    // 10 characters, 8 per line: 5 + 5 rather than 8 + 2.
    expect(wrapLabel('光敏聚酰亚胺芯片材料', 8, 2)).toEqual(['光敏聚酰亚', '胺芯片材料']);
  });

  it('breaks Latin text between words', () => {
    expect(wrapLabel('Copper concentrate', 7, 3)).toEqual(['Copper', 'concentrate']);
    // Measured by glyph widths: 8.78 em fits one line of 9.6 em (a flat 0.56 em per letter said 10.1).
    expect(wrapLabel('Copper concentrate', 9.6, 3)).toEqual(['Copper concentrate']);
    expect(textWidthEm('illicit')).toBeLessThan(textWidthEm('MWMWMWM') / 3);
  });

  it('ends with an ellipsis when the text does not fit', () => {
    const lines = wrapLabel('电动垂直起降飞行器与通航飞机以及更多内容', 8, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });

  test.prop([fc.string({ unit: fc.constantFrom('铝', '材', '与', 'a', 'b', ' ', '-'), minLength: 1, maxLength: 40 }), fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 3 })])(
    'never exceeds the line count or width, and loses no text when it fits',
    (text, maxEm, maxLines) => {
      const lines = wrapLabel(text, maxEm, maxLines);
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm + 1e-9);
      if (!lines.some((l) => l.endsWith('…'))) expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    },
  );
});

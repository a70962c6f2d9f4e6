import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { UsageError } from '../../src/errors.js';
import { parseOptions } from '../../src/schema/parseOptions.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { planVisits } from '../../src/whatif/planVisits.js';

function thrown(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('parseOptions', () => {
  const Schema = z.strictObject({ top: z.number().int().min(1).optional() });

  it('returns the parsed options', () => {
    expect(parseOptions(Schema, { top: 3 }, { en: 'f', zh: 'f' })).toEqual({ top: 3 });
  });

  it("throws OPTIONS_INVALID with zod's English text in English and its Chinese text in Chinese (the Chinese half repeated the English)", () => {
    const e = thrown(() => parseOptions(Schema, { top: 0, tpo: 1 }, { en: 'ranking', zh: '排序' }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.message).toMatch(/^ranking: invalid options: /);
    expect(e.message).toMatch(/Too small/);
    expect(e.messageZh).toMatch(/^排序：选项无效：/);
    expect(e.messageZh).toMatch(/过小/);
    expect(e.messageZh).toMatch(/tpo/);
    expect(e.messageZh).not.toMatch(/Too small|Unrecognized/);
  });
});

describe('library functions give Chinese option errors in Chinese', () => {
  const ds = liaocheng();

  it.each([
    ['rankCompanies', () => rankCompanies(ds, { top: -1 } as never)],
    ['planVisits', () => planVisits(ds, rankCompanies(ds, { top: 5 }), { landProbability: 2 } as never)],
  ])('%s', (name, f) => {
    const e = thrown(f);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.messageZh).toMatch(new RegExp(`^${name}：选项无效：`));
    expect(e.messageZh).not.toMatch(/Too small|Too big|Invalid input|Unrecognized/);
  });
});

import { describe, expect, test } from 'vitest';
import { GAP_KIND_LABELS, GAP_KINDS } from '../../src/gaps/types.js';
import { GAP_KIND_CANDIDATES } from '../../src/cli/resolveName.js';

describe('GAP_KINDS: the one home of the gap-kind order', () => {
  test('holds every kind once, 补链 延链 强链 建链 then none', () => {
    expect([...GAP_KINDS]).toEqual(['fill', 'extend', 'strengthen', 'build', 'none']);
    expect([...GAP_KINDS].sort()).toEqual(Object.keys(GAP_KIND_LABELS).sort());
  });

  test('the CLI lists kinds in that order', () => {
    expect(GAP_KIND_CANDIDATES.items.map((i) => i.id)).toEqual([...GAP_KINDS]);
  });
});

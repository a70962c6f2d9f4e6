import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';

describe('reasons and aggregate records', () => {
  const gaps = analyzeGaps(liaocheng());
  const reasonOf = (id: string): string => gaps.segments.find((g) => g.id === id)!.reasons[0]!.zh;

  it('a city aggregate is named as a record, its placeholder firm count is not quoted as firms', () => {
    // 聊城棉花种植与收储（全市汇总） stands for firms: 100, a stated lower-bound placeholder.
    const cotton = reasonOf('tx-cotton');
    expect(cotton).toContain('1条集群或汇总记录');
    expect(cotton).not.toMatch(/\d+家企业/);
  });

  it('named firms beside an aggregate are counted as named firms', () => {
    expect(reasonOf('ag-meat-products')).toMatch(/\d家具名企业及1条集群或汇总记录/);
  });
});

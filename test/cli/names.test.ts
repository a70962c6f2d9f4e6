import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import {
  GAP_KIND_CANDIDATES,
  METHOD_CANDIDATES,
  PRESET_CANDIDATES,
  companyCandidates,
  countyCandidates,
  enterpriseCandidates,
  industryCandidates,
  industryOrSubCandidates,
  matchName,
  segmentCandidates,
} from '../../src/cli/resolveName.js';
import type { ScenarioDiff } from '../../src/whatif/types.js';
import { cli } from './capture.js';


const ds = liaocheng();

describe('matchName on the embedded 聊城 data', () => {
  const sets = {
    industry: industryCandidates(ds),
    industryOrSub: industryOrSubCandidates(ds),
    segment: segmentCandidates(ds),
    enterprise: enterpriseCandidates(ds),
    company: companyCandidates(ds),
    county: countyCandidates(ds),
    kind: GAP_KIND_CANDIDATES,
    preset: PRESET_CANDIDATES,
    method: METHOD_CANDIDATES,
  };
  it.each([
    ['industry', '新能源', 'new-energy'],
    ['industry', 'New Energy', 'new-energy'],
    ['industry', 'NEW-ENERGY', 'new-energy'],
    ['industry', '有色', 'nonferrous'],
    ['industryOrSub', '铜精深加工（铜材、线缆）', 'cu-deep-processing'],
    ['segment', '铝板带箔', 'nf-al-sheet-foil'],
    ['segment', 'nf-al-sheet-foil', 'nf-al-sheet-foil'],
    ['enterprise', '信发集团', 'xinfa-group'],
    ['company', '中铝', 'chinalco'],
    ['company', 'Ｃｈｉｎａｌｃｏ', 'chinalco'],
    ['county', '临清', '临清市'],
    ['county', '茌平', '茌平区'],
    ['kind', '补链', 'fill'],
    ['kind', '无', 'none'],
    ['preset', '补短板', 'fill-first'],
    ['preset', '前瞻布局', 'build-first'],
    ['preset', 'Fill first', 'fill-first'],
    ['method', '加权', 'weighted'],
    ['method', 'topsis', 'topsis'],
  ] as const)('%s: “%s” → %s', (set, query, id) => {
    expect(matchName(sets[set], query)).toEqual({ kind: 'found', id });
  });

  it('a part shared by several names is ambiguous, a typo gets suggestions', () => {
    const m = matchName(industryOrSubCandidates(ds), '新能');
    expect(m.kind).toBe('ambiguous');
    const typo = matchName(industryCandidates(ds), '新能原');
    expect(typo.kind).toBe('unknown');
    expect(typo.kind === 'unknown' && typo.suggestions[0]?.id).toBe('new-energy');
    const gone = matchName(industryCandidates(ds), '航天航空');
    expect(gone.kind).toBe('unknown');
  });
});

describe('names, not ids, on the command line (Chinese)', () => {
  it('gaps --industry 新能源 --kind 补链 equals the id form', async () => {
    const byName = await cli(['gaps', '--industry', '新能源', '--kind', '补链', '--format', 'json']);
    const byId = await cli(['gaps', '--industry', 'new-energy', '--kind', 'fill', '--format', 'json']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    const segs = (JSON.parse(byName.stdout) as { segments: { industry: string; kind: string }[] }).segments;
    expect(segs.every((s) => s.industry === 'new-energy' && s.kind === 'fill')).toBe(true);
  });

  it('gaps --industry 新能 is ambiguous: one line naming both candidates, exit 2', async () => {
    const r = await cli(['gaps', '--industry', '新能']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('可指多个产业或细分方向');
    expect(r.stderr).toContain('新能源（new-energy）');
    expect(r.stderr).toContain('nev-commercial-vehicles');
  });

  it('gaps --kind 补连 gets a did-you-mean in Chinese, and in English with --lang en', async () => {
    const zh = await cli(['gaps', '--kind', '补连']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('错误 [USAGE]: --kind：没有缺口类型“补连”。您是否指：补链（fill）？\n');
    const en = await cli(['gaps', '--kind', 'strenghten', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('did you mean strengthen?');
  });

  it('rank --industry 有色 --weights 补短板 --method 加权 resolves to nonferrous / fill-first / weighted', async () => {
    const byName = await cli(['rank', '--industry', '有色', '--weights', '补短板', '--method', '加权', '--top', '5', '--format', 'json']);
    expect(byName.code).toBe(0);
    const r = JSON.parse(byName.stdout) as { industry: string; preset: string; method: string };
    expect(r).toMatchObject({ industry: 'nonferrous', preset: 'fill-first', method: 'weighted' });
    const byId = await cli(['rank', '--industry', 'nonferrous', '--weights', 'fill-first', '--top', '5', '--format', 'json']);
    expect(byName.stdout).toBe(byId.stdout);
  });

  it('rank --industry 新能原 (a typo) suggests 新能源', async () => {
    const r = await cli(['rank', '--industry', '新能原']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--industry：没有产业“新能原”。您是否指：新能源（new-energy）');
  });

  it('rank --weights 补短版 (a typo) suggests 补短板; a .json value is still a file', async () => {
    const r = await cli(['rank', '--weights', '补短版']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('您是否指：补短板（fill-first）');
    // A .json value is read as a file: a missing one is FILE_UNREADABLE (exit 1), not a preset typo.
    const f = await cli(['rank', '--weights', 'no-such-weights.json']);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('FILE_UNREADABLE');
    expect(f.stderr).toContain('无法读取');
  });

  it('whatif --close 信发集团 closes xinfa-group', async () => {
    const r = await cli(['whatif', '--close', '信发集团', '--format', 'json']);
    expect(r.code).toBe(0);
    const { scenario } = JSON.parse(r.stdout) as { scenario: { changes: unknown[] }; diff: ScenarioDiff };
    expect(scenario.changes).toEqual([{ type: 'close-enterprise', id: 'xinfa-group' }]);
  });

  it('whatif --land 中铝@铝板带箔@茌平 and --priority 新能源=1 by names', async () => {
    const r = await cli(['whatif', '--land', '中铝@铝板带箔@茌平', '--priority', '新能源=1', '--format', 'json']);
    expect(r.code).toBe(0);
    const { scenario } = JSON.parse(r.stdout) as { scenario: { changes: unknown[] } };
    expect(scenario.changes).toEqual([
      { type: 'land', company: 'chinalco', segments: ['nf-al-sheet-foil'], county: '茌平区' },
      { type: 'set-priority', industry: 'new-energy', weight: 1 },
    ]);
  });

  it('whatif --land "新企业@铝板带箔@茌平" lands a hypothetical entrant; an unknown company name is no entrant', async () => {
    const r = await cli(['whatif', '--land', '新企业@铝板带箔@茌平', '--format', 'json']);
    expect(r.code).toBe(0);
    const { scenario, diff } = JSON.parse(r.stdout) as { scenario: { changes: { type: string; enterprise?: Record<string, unknown> }[] }; diff: ScenarioDiff };
    expect(scenario.changes).toHaveLength(1);
    expect(scenario.changes[0]).toMatchObject({ type: 'add-enterprise', enterprise: { name: '新企业（假设）', segments: ['nf-al-sheet-foil'], county: '茌平区', revenue: 10 } });
    expect(diff.segments.find((g) => g.id === 'nf-al-sheet-foil')).toMatchObject({ from: 'fill', to: 'none' });
    const named = await cli(['whatif', '--land', '新企业：某铝箔厂@铝板带箔@茌平', '--size', '5', '--format', 'json']);
    expect((JSON.parse(named.stdout) as { scenario: { changes: { enterprise: { name: string; revenue: number } }[] } }).scenario.changes[0]!.enterprise).toMatchObject({ name: '某铝箔厂', revenue: 5 });
    const noSegment = await cli(['whatif', '--land', '新企业']);
    expect(noSegment.code).toBe(2);
    expect(noSegment.stderr).toContain('假设的新企业需写明环节');
    const unknown = await cli(['whatif', '--land', '测试企业@铝板带箔@茌平']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--land：没有企业“测试企业”');
  });

  it('whatif --land with an unknown county or segment says which and suggests', async () => {
    const county = await cli(['whatif', '--land', '中铝@铝板带箔@临青']);
    expect(county.code).toBe(2);
    expect(county.stderr).toContain('--land：没有区县“临青”。您是否指：临清市');
    const seg = await cli(['whatif', '--land', '中铝@铝板带@茌平']);
    expect(seg.code).toBe(0);
    const none = await cli(['whatif', '--land', '中铝@钛合金板@茌平']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--land：没有环节“钛合金板”');
  });

  it('whatif --close of a name that is no local enterprise is a one-line usage error', async () => {
    const r = await cli(['whatif', '--close', '不存在的公司']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--close：没有本地企业“不存在的公司”');
  });

  it('handbook and plan take names too', async () => {
    const h = await cli(['handbook', '--industry', '有色金属', '--weights', '无此方案']);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('--weights：没有权重方案“无此方案”');
    const p = await cli(['plan', '--industry', '有色金属', '--weights', '强链', '--companies', '3', '--days', '1', '--must', '中铝', '--format', 'json']);
    expect(p.code).toBe(0);
    const plan = JSON.parse(p.stdout) as { chosen: { id: string }[] };
    expect(plan.chosen.map((c) => c.id)).toContain('chinalco');
  });
});

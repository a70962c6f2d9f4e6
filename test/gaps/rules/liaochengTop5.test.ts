// Snapshot of the top-5 gaps per industry on the embedded 聊城 data under the issue-14 label rules.
// Regenerate with `npx vitest run test/gaps/rules/liaochengTop5.test.ts -u` only after reviewing
// every changed line here. The data is being corrected in parallel (issue 14 items 1–3 and 6), so
// expect this list to change when corrections, feasibility and new segments land.
//
// Third review (2026-12-04, issue-14 leftovers; supersedes the lines below where they differ). Read as a 链长 would,
// with the reasons (`node dist/cli/main.js gaps`):
//   Resolved ✗: 冷链物流 and 蔬菜批发市场与交易中心 are no longer 强链: their three park records carry estimated
//   revenue only (东阿冷链's <1 band was a placeholder, now revenueEstimated), so they read 无缺口（规模待核实,
//   size-unverified) and leave the list; 棉花, 木材 (and 秸秆) likewise — city aggregates with estimated bands are not
//   weak segments on invented numbers. 农副产品加工 and 轻工纺织 now show three gaps each; that is the honest list.
//   Changed: 毛驴养殖与驴皮 is no longer "healthy" (东阿阿胶's segmentShares put 2% on donkey farming, about 1.5亿):
//   延链（下游, strategic-supply） at 0.18 (primary-sector factor), outside the 大健康 top 5 but on the list with 东阿阿胶
//   named; 医养结合与康养 0.40 → 0.39 as a result.
//   Reasons now quote what local customers buy (IO coefficient × their revenue, shared within a sector, marked †):
//   e.g. 底盘系统零部件 "下游「低速车与三轮车」（本地约100亿元*，时风；年需本环节产品约7.5亿元†）".
//   Line by line, every remaining top line below is ✓ or ~ as reviewed before; still ~: 光伏组件 补链 (module plants
//   are a national overcapacity question — a policy call for the office, which can set a priority correction);
//   原料药 (两高 review); 新型墙体材料 强链（single-firm, low）.
//
// Re-review after the corrections layer, feasibility and the 聊城 data landed (2026-12-04; lines below the
// first review are superseded where they say so). Every priority is lower by up to a fifth: an absence nobody
// verified counts at most 0.8 of need.
//   Resolved ✗: 特殊钢/热轧卷板/钢坯, 纯苯与丙烯, 水泥, 海洋工程装备, 新能源乘用车 are 受限 and out of the lists
//   (corrections.json policy entries with their rules); 聚乙烯与聚氯乙烯树脂, 预焙阳极, 光伏电站 are present per
//   presence corrections; 粮食, 商品混凝土 are recorded as city aggregates; 医养结合 is now a plain 延链（下游）
//   (the IO proxy edges to 康养 carry judgement weights 0.2–0.4).
//   New lines: ✓ 一体化压铸 延链（下游, strategic-supply） — from 信发/信源 aluminium, an analyst's first name;
//   ✓ 钢管深加工 补链 and ✓ 内陆港与公铁联运物流 延链 (冠州国际陆港); ✓ BOPA薄膜, 硅烷偶联剂 补链 (from 鲁西 nylon 6
//   and 有机硅); ✓ 蛋品加工 补链; ✓ 机床主轴轴承, 铁路轴承 延链 (strategic); ✓ 锦纶民用丝 补链; ✓ 光伏组件 补链 and
//   光伏支架与边框 延链 now that PV plants are present; ✓ 航空零部件 延链.
//   Still ✗: 冷链物流 and 蔬菜交易中心 read 强链（low presence） against the parks now recorded (small bands);
//   棉花, 木材 强链 — regional agriculture recorded as aggregates with a small band, not targets;
//   ~ 新型墙体材料 强链（single-firm） — plausible, low.
//
// First review, line by line (✓ = an analyst who knows 聊城 would accept it; ✗ = still wrong, and why):
//
// 有色金属
//   ✓ 铝板带箔 补链 — the classic hole between 信发's ingot and local packaging/battery trays.
//   ✓ 再生铝 延链（上游） — feeds local alloy rods (信源) and auto parts; 再生铝 is a named 聊城 goal.
//   ✓ 航空铝材 延链（下游, strategic-supply） — deep processing of local ingot/rod; was right before too.
//   ✓ 锂电铜箔 延链（下游, strategic-supply） — from 祥光's 阴极铜 (750亿), no longer a 强链 on 祥光.
//   ✗ 预焙阳极与炭素制品 延链（上游） — 信发 runs its own anode plants: a data hole (corrections, item 6).
// 黑色金属
//   ✗ 特殊钢与合金钢 延链（上游） — steelmaking is capacity-capped in an inland non-steel city (feasibility, item 2).
//   ✗ 热轧卷板 延链（上游） — same: 产能置换 rules it out; the label (upstream input of 冷轧) is right.
//   ✗ 钢坯与管坯 延链（上游） — same; the real lever is 钢材供应链 (a missing segment, item 6).
//   ✓ 管件与法兰 延链（下游） — 钢管深加工 next to the seamless-pipe cluster; an analyst names it.
//   ✓ 钢结构与交通护栏 延链（下游） — processing of 冠县 coated sheet.
// 绿色化工
//   ✓ 涂料 补链 — BPA/fluoropolymer upstream, coated sheet and packaging downstream.
//   ✗ 聚乙烯与聚氯乙烯树脂 补链 — 信发华兴 runs 60万吨/年 PVC in 茌平: a data hole (item 6).
//   ✓ 改性工程塑料 延链（下游, strategic-supply） — nylon 6 / PC modification from 鲁西: exactly what an analyst names.
//   ✓ 饲料酸化剂 补链 — a small local project is named (2500万元), not "从零"; plausible from 鲁西 formic/propionic acid.
//   ✗ 纯苯与丙烯 延链（上游） — refinery aromatics are not for 聊城 (feasibility, item 2).
// 农副产品加工
//   ✓ 果蔬加工 补链 — vegetables (莘县) to 预制菜; right.
//   ✗ 冷链物流 延链（上游） — the data link runs 冷链物流 → 肉制品 (an IO service input), so by link direction it is
//     upstream and the words follow; an analyst reads it as downstream distribution. Reverse the link in the data
//     (item 6) and the label turns 延链（下游） by itself.
//   ✓ 面粉加工 延链（上游） — input of local 预制菜; acceptable, low rank.
//   ✗ 粮食与大豆 补链 — regional agriculture, not a gap to recruit (data hole / primary sector, item 6).
//   (Only four gaps: every other agrifood segment is present or needed by nobody local.)
// 高端轴承
//   ✓ 机器人轴承 延链（下游, strategic-supply） — bearing-cluster upgrading from 临清 rings and 东阿 balls.
//   ✓ 轴承钢与轴承管 延链（上游） — the cluster buys its steel outside; an analyst names it.
//   ✓ 风电轴承 延链（下游, strategic-supply） — from local forgings/heat treatment.
//   ✓ 汽车轴承 补链 — rings/balls local, e-drive downstream.
//   ~ 轴承密封件与润滑脂 补链 — plausible (阳谷华泰 rubber chemicals upstream), lower in an analyst's list.
// 汽车及零部件
//   ✓ 底盘系统零部件 补链 — precision tube upstream, 时风/中通 downstream.
//   ✓ 汽车电子与智能驾驶 延链（上游） — input of 中通's buses.
//   ✓ 汽车线束 补链 — copper wire upstream, buses downstream.
//   ✗ 新能源乘用车 延链（下游, strategic-supply） — an OEM plant is not a realistic target (feasibility, item 2).
//   ✓ 车身及冲压件 强链（low presence, single firm） — one 2.8亿 firm under 100亿+ of local vehicle demand.
// 轻工纺织
//   ✓ 产业用纺织品 延链（下游） — from 冠县 weaving and 时风 nylon yarn.
//   ✓ 家具与定制家居 延链（下游） — from 莘县 wood panels.
//   ✗ 棉花 补链 — regional agriculture (data hole, item 6); the 化肥 → 棉花 edge is an IO proxy.
//   ✗ 木材 延链（上游） — regional forestry, not a recruit target (data hole).
//   ✗ 秸秆 延链（上游） — straw is abundant locally (data hole).
// 绿色建材
//   ✓ 装配式建筑与绿色建筑 延链（下游） — many local inputs; right.
//   ✗ 水泥 补链 — 两高 / 产能置换 (feasibility, item 2).
//   ~ 保温材料 延链（下游） — plausible from 信发 fly ash; the 600亿 on 粉煤灰 is 信发's equal split (the reason marks it with *).
//   ~ 建筑玻璃 延链（上游） — plausible, low.
//   ✗ 商品混凝土与干混砂浆 延链（下游） — present in every county (data hole, item 6).
// 装备制造
//   ✓ 齿轮与减速机 补链 — bearings/machine tools upstream, 时风 farm machinery downstream.
//   ✓ 液压件 补链 — precision tube upstream, construction machinery downstream.
//   ✓ 铸件 延链（上游） — input of five local equipment segments.
//   ✗ 海洋工程装备 延链（下游） — needs a port (feasibility, item 2); OCTG / 海洋装备管材 is the realistic link.
//   ✓ 伺服系统与工业控制 延链（上游） — input of local CNC tools.
// 新一代信息技术
//   ✓ 芯片封装测试, 电子元器件, 印制电路板 延链（上游） — inputs of 浪潮's 聊城 server plant.
//   ~ 人工智能与工业软件 补链 — plausible, IO-proxy driven.
//   ~ 通信设备 补链 — plausible from 阳谷电缆's optoelectronics.
// 新能源
//   ✗ 光伏电站 建链 — 聊城 has solar plants: a data hole (corrections, item 1/6); the label follows the data.
//   ✓ 储氢与运氢装备 延链（下游, strategic-supply） — seamless-pipe cluster (480亿) feeds it directly; no longer 建链.
//   ✓ 电池模组与电池包 建链 — the storage/battery sub-direction has about 8.5亿 locally: a chain to build.
//   ~ 光伏组件 建链 — right label for a near-empty sub-direction; whether 聊城 should chase module plants is policy.
//   ✓ 燃料电池 建链 — names the local seed firm (通洋, 5000万元) instead of "空白".
// 大健康
//   ✓ 中药饮片与提取 补链 — names the small local firm; the real bottleneck (驴皮) is a data matter.
//   ✗ 医养结合与康养 延链（下游, strategic-supply） — fed by 中成药 only through an IO proxy edge (item 6).
//   ~ 原料药与化学制剂 延链（下游, strategic-supply） — 鲁西 chemicals feeding APIs is plausible; 两高 review needed.
//   ✓ 药用辅料与包材 延链（上游） — inputs of 东阿阿胶 and 华润 biologics.
//   ✓ 合成生物与生物制造 延链（上游） — a named 聊城 direction.
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';
import { GAP_KIND_LABELS, type SegmentGap } from '../../../src/gaps/types.js';

function label(g: SegmentGap): string {
  const k = GAP_KIND_LABELS[g.kind].zh;
  switch (g.kind) {
    case 'extend':
      return `${k}（${g.direction === 'downstream' ? '下游' : '上游'}${g.strategicSupply === true ? '，战略性·强势上游供料' : ''}）`;
    case 'strengthen':
      return `${k}（${g.weakness.join('+')}）`;
    case 'build':
      return `${k}（${g.basis}${g.unit !== undefined ? `:${g.unit}` : ''}）`;
    default:
      return k;
  }
}

describe('聊城 top-5 gaps per industry (issue 14 labels)', () => {
  const a = analyzeGaps(liaocheng());
  const byId = new Map(a.segments.map((s) => [s.id, s]));

  it('matches the reviewed list (see the review above)', async () => {
    const lines = a.industries.flatMap((i) => [
      `## ${i.name} (${i.id})`,
      ...i.topGaps.map((id, k) => {
        const g = byId.get(id)!;
        return `${k + 1}. ${g.priority.toFixed(2)} ${label(g)} ${g.name} (${g.id})`;
      }),
    ]);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/liaocheng-top5.txt');
  });

  it('no top gap is a label the issue named as meaningless', () => {
    const top = a.industries.flatMap((i) => i.topGaps.map((id) => byId.get(id)!));
    for (const g of top) {
      // 建链 only on strategic segments; 强链 never only for imported inputs.
      if (g.kind === 'build') expect(g.strategic).toBe(true);
      if (g.kind === 'strengthen') expect(g.weakness).not.toEqual(['low-local-supply']);
    }
    // The issue's named cases.
    expect(byId.get('nf-cathode-copper')!.kind).toBe('none');
    expect(byId.get('nf-cathode-copper')!.supplySecurity?.inputs.map((x) => x.id)).toContain('nf-copper-concentrate');
    expect(byId.get('fe-seamless-pipe')!.kind).toBe('none');
    expect(byId.get('br-steel-ball')!.kind).toBe('none');
    for (const id of ['fe-welded-pipe', 'fe-scrap-steel', 'bm-waterproofing', 'bm-prefab-components']) expect(byId.get(id)!.kind).not.toBe('build');
    for (const id of ['ne-pv-mounting', 'ne-hydrogen-storage']) {
      const g = byId.get(id)!;
      expect(g.kind).toBe('extend');
      if (g.kind === 'extend') expect(g.strategicSupply).toBe(true);
    }
    // Issue-14 leftovers: no 强链 on estimated sizes; the hide bottleneck shows; customers' demand in 亿元.
    for (const id of ['ag-cold-chain', 'ag-vegetable-market', 'tx-cotton', 'tx-wood', 'tx-straw']) {
      const g = byId.get(id)!;
      expect(g.kind).toBe('none');
      if (g.kind === 'none') expect(g.basis).toBe('size-unverified');
      expect(a.sizeToVerify).toContain(id);
    }
    const donkey = byId.get('hl-donkey')!;
    expect(donkey.kind).not.toBe('none');
    expect(donkey.reasons[0]!.zh).toContain('东阿阿胶');
    expect(byId.get('au-chassis-parts')!.reasons[0]!.zh).toMatch(/「低速车与三轮车」（本地约\d+亿元(?:（估计）)?\*，山东时风（集团）有限责任公司；年需本环节产品约[\d.]+亿元†）/);
    // The sector-level proxy edges the review named are gone from the data.
    const links = liaocheng().links;
    expect(links.some((l) => l.from === 'tx-paper' && l.to === 'tx-spinning')).toBe(false);
    expect(links.some((l) => l.from === 'ne-pv-plant' && l.to === 'nf-primary-aluminium')).toBe(false);
    const pi = byId.get('ch-pi-packaging')!;
    expect(pi.kind).not.toBe('build');
    for (const r of pi.reasons) expect(r.zh).not.toContain('需从零建链');
    expect(pi.reasons[0]!.zh).toContain('波米科技');
  });
});

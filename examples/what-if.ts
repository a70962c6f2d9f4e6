// 情景推演示例：如果哈轴（哈尔滨轴承集团）在临清建成高端轴承基地，哪些缺口关闭？下一步拜访谁？
// What-if: if Harbin Bearing (哈轴) builds a high-end bearing base in 临清, which gaps close, and whom do we visit next?
//
// Run after `npm run build`:  npx tsx examples/what-if.ts
import {
  GAP_KIND_LABELS,
  buildGapContext,
  compareScenarios,
  land,
  liaocheng,
  opportunityGain,
  planVisits,
  runScenario,
  withOpportunityGain,
  type ScenarioInput,
} from 'chain-targeting';

const ds = liaocheng();
const context = buildGapContext(ds); // built once, reused by both runs

// 情景：哈轴在临清落地机器人轴承与汽车轴承（本地营收约 20 亿元）
const scenario: ScenarioInput = {
  name: '哈轴临清高端轴承基地',
  description: '哈尔滨轴承集团在临清市建成机器人轴承、汽车轴承产线，本地年营收约 20 亿元',
  changes: [land('harbin-bearing', { segments: ['br-robot-bearing', 'br-auto-bearing'], county: '临清市', size: 20 })],
};

const base = runScenario(ds, { name: '现状', changes: [] }, { context });
const after = runScenario(ds, scenario, { context });
const diff = compareScenarios(base, after);

console.log(`问：${scenario.description}，会怎样？\n`);
for (const line of diff.summary) console.log(`· ${line.zh}`);

console.log('\n缺口变化：');
for (const s of diff.segments.filter((x) => x.from !== x.to)) {
  console.log(`  ${s.name}（${s.id}）：${GAP_KIND_LABELS[s.from].zh} → ${GAP_KIND_LABELS[s.to].zh}，优先级 ${s.priorityFrom.toFixed(2)} → ${s.priorityTo.toFixed(2)}`);
}
console.log('\n受影响最大的相邻环节：');
for (const s of diff.segments.filter((x) => x.from === x.to).slice(0, 3)) {
  console.log(`  ${s.name}（${s.id}）：${s.reasons.map((r) => r.zh).join('；')}`);
}

console.log('\n产业链变化：');
for (const i of diff.industries) {
  console.log(`  ${i.name}：完整度 ${i.completenessFrom.toFixed(4)} → ${i.completenessTo.toFixed(4)}，本地配套率 ${i.localSupplyRateFrom.toFixed(4)} → ${i.localSupplyRateTo.toFixed(4)}`);
}

console.log('\n排名上升（前 5）：');
for (const r of diff.ranks.filter((x) => x.rankDelta > 0).slice(0, 5)) {
  console.log(`  ${r.name}：${r.fromRank} → ${r.toRank}（${r.reasons.map((x) => x.zh).join('；')}）`);
}

// 高端轴承链还缺什么、谁能补：新情景下剩余的轴承缺口，以及排名中匹配这些缺口的企业
console.log('\n高端轴承链剩余缺口与对应目标企业：');
for (const g of after.gaps.segments.filter((x) => x.industry === 'bearings' && x.kind !== 'none').slice(0, 3)) {
  const who = after.ranking.items.filter((i) => i.matchedGaps.some((m) => m.segment === g.id)).slice(0, 3);
  console.log(`  ${g.name}（${GAP_KIND_LABELS[g.kind].zh}，优先级 ${g.priority.toFixed(2)}）：${who.map((i) => `${i.name}（第 ${i.rank} 名）`).join('、') || '暂无匹配企业'}`);
}

// 下一步拜访谁：在新情景下，按“落地后能提升多少链条完整度”（机会增益）排序，再排一个 3 天的拜访行程
const gains = opportunityGain(after.dataset, after.dataset.companies.filter((c) => after.ranking.items.some((i) => i.id === c.id)));
const byGain = withOpportunityGain(after.ranking, gains, { sortBy: 'opportunityGain' });
console.log('\n下一步：机会增益最高的 5 家（落地后全市链条完整度提升）：');
for (const item of byGain.items.slice(0, 5)) {
  console.log(`  ${item.rank}. ${item.name}（${item.id}）：+${((item.opportunityGain ?? 0) * 100).toFixed(2)} 个百分点，综合得分 ${item.score.toFixed(3)}`);
}

const plan = planVisits(after.dataset, after.ranking, { companies: 8, days: 3, citiesPerDay: 2 });
console.log(`\n3 天拜访行程（覆盖缺口 ${plan.coverage.achieved.toFixed(2)}，按得分前 8 家为 ${plan.coverage.topK.toFixed(2)}）：`);
for (const day of plan.itinerary) {
  console.log(`  第${day.day}天：${day.stops.map((s) => `${s.city}（${s.companies.map((c) => c.name).join('、')}）`).join(' → ')}`);
}

import type { Lang } from '../../errors.js';
import { GAP_KIND_LABELS, type GapKind } from '../../gaps/types.js';
import { GAP_KIND_LEGEND, GAP_KINDS_ORDER, GAP_KINDS_SHOWN, STAGES, STAGE_LABELS, TEXT, pick, type TextKey } from '../labels.js';
import type { ChainMapData, GapRow, Handbook, HandbookChapter, KeyTargetCard, ProjectRow, TargetCard } from '../types.js';
import { escapeMarkdown as md, markdownUrl } from './escapeMarkdown.js';
import { fill, fixed, listSep, pct } from './format.js';
import { mermaidChainMap } from './mermaidChainMap.js';

const tx = (key: TextKey, lang: Lang): string => md(pick(TEXT[key], lang));
const sep = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');
const semi = (lang: Lang): string => (lang === 'zh' ? '；' : '; ');

function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const align = headers.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [`| ${headers.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function gapTableMd(gaps: readonly GapRow[], lang: Lang, withIndustry: boolean): string {
  const headers = [tx('segment', lang), ...(withIndustry ? [tx('industry', lang)] : []), tx('stage', lang), tx('kind', lang), tx('priority', lang), tx('presence', lang), tx('firmsOnSegment', lang), tx('reasons', lang)];
  const rows = gaps.map((g) => [md(g.name), ...(withIndustry ? [md(g.industryName)] : []), md(g.stageLabel), md(g.kindLabel), fixed(g.priority), pct(g.presence), md(g.localFirms.join(listSep(lang))), g.reasons.map(md).join('<br>')]);
  const o = withIndustry ? 1 : 0;
  return mdTable(headers, rows, [3 + o, 4 + o]);
}

/** The 待核实 checklist: segment, industry, stage, kind, priority (the reasons are in the chapters' gap tables). */
function verifyTableMd(gaps: readonly GapRow[], lang: Lang): string {
  return mdTable([tx('segment', lang), tx('industry', lang), tx('stage', lang), tx('kind', lang), tx('priority', lang)], gaps.map((g) => [md(g.name), md(g.industryName), md(g.stageLabel), md(g.kindLabel), fixed(g.priority)]), [4]);
}

function targetMd(c: TargetCard, lang: Lang): string {
  const s = sep(lang);
  const parts = [`#### ${c.rank}. ${md(c.name)} — ${fixed(c.score)}`, ''];
  const meta = [c.hq.label, c.regions.join(' · '), c.scale].filter((x) => x !== '');
  if (meta.length > 0) parts.push(`- ${md(meta.join(' | '))}`);
  if (c.lists.length > 0) parts.push(`- ${tx('lists', lang)}${s}${md(c.lists.join(listSep(lang)))}`);
  parts.push(`- ${tx('contributions', lang)}${s}${c.contributions.filter((x) => x.contribution !== 0).map((x) => `${md(x.label)} ${fixed(x.contribution)}`).join(' · ')}`);
  if (c.matchedGaps.length > 0) parts.push(`- ${tx('matchedGaps', lang)}${s}${c.matchedGaps.map((g) => `${md(g.kindLabel)}·${md(g.name)}`).join(listSep(lang))}`);
  parts.push(`- ${tx('reasons', lang)}${s}`, ...c.reasons.map((r) => `  - ${md(r)}`));
  parts.push(`- ${tx('approach', lang)}${s}**${md(c.approach.label)}** — ${md(c.approach.rule)}`);
  return parts.join('\n');
}

function overviewMd(hb: Handbook): string {
  const l = hb.lang;
  const o = hb.overview;
  const kinds = GAP_KINDS_SHOWN;
  const k = (kind: GapKind): string => md(pick(GAP_KIND_LABELS[kind], l));
  const industries = mdTable(
    [tx('group', l), tx('industry', l), tx('segments', l), tx('localFirms', l), tx('completeness', l), tx('localSupply', l), ...kinds.map(k), tx('candidates', l)],
    o.industries.map((r) => [md(r.group), md(r.name), String(r.segments), String(r.localFirms), pct(r.completeness), pct(r.localSupplyRate), ...kinds.map((x) => String(r.counts[x])), String(r.candidates)]),
    [2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  const legend = GAP_KINDS_ORDER.map((x) => `- **${k(x)}**${sep(l)}${md(pick(GAP_KIND_LEGEND[x], l))}`).join('\n');
  const targets = mdTable(
    [tx('rank', l), tx('company', l), tx('hq', l), tx('score', l), tx('matchedGaps', l), tx('approach', l)],
    o.topTargets.map((c) => [String(c.rank), md(c.name), md(c.hq.label), fixed(c.score), c.matchedGaps.map((g) => `${md(g.kindLabel)}·${md(g.name)}`).join(listSep(l)), md(c.approach.label)]),
    [0, 3],
  );
  return [
    `## ${tx('overview', l)}`,
    `### ${tx('cityKpi', l)}`,
    `- ${tx('completeness', l)}${sep(l)}${pct(o.city.completeness)}${semi(l)}${tx('localSupply', l)}${sep(l)}${pct(o.city.localSupplyRate)}`,
    `- ${kinds.map((x) => `${k(x)} ${o.city.counts[x]}`).join(' · ')}`,
    `### ${tx('industries', l)}`,
    industries,
    `### ${tx('legend', l)}`,
    legend,
    `### ${tx('topGaps', l)}`,
    o.topGaps.length > 0 ? gapTableMd(o.topGaps, l, true) : tx('noGaps', l),
    `### ${tx('topTargets', l)}`,
    o.topTargets.length > 0 ? targets : tx('noTargets', l),
    `### ${tx('toVerify', l)}${l === 'zh' ? `（${o.toVerify.length}）` : ` (${o.toVerify.length})`}`,
    tx('toVerifyNote', l) + tx('toVerifyWhere', l),
    o.toVerify.length > 0 ? verifyTableMd(o.toVerify, l) : tx('noToVerify', l),
  ].join('\n\n');
}

/**
 * A chain map as a compact table (the default; readable on paper): one row per segment of the industry, by stage, with
 * its gap kind, local presence, the local firms on it (three named, then the count) and the segments it supplies.
 */
export function chainTableMd(map: ChainMapData, l: Lang): string {
  const inside = map.nodes.filter((n) => !n.external);
  const nameById = new Map(map.nodes.map((n) => [n.id, n.name]));
  const order = new Map(STAGES.map((st, i) => [st, i]));
  const rows = [...inside]
    .sort((a, b) => order.get(a.stage)! - order.get(b.stage)!)
    .map((n) => {
      const firms = n.firms ?? [];
      const shown = firms.slice(0, 3).join(listSep(l)) + (firms.length > 3 ? (l === 'zh' ? ` 等${firms.length}家` : ` +${firms.length - 3}`) : '');
      const to = map.edges.filter((e) => e.from === n.id).map((e) => nameById.get(e.to) ?? e.to);
      return [md(pick(STAGE_LABELS[n.stage], l)), `**${md(n.name)}**`, md(n.kindLabel), pct(n.presence), md(shown), md(to.join(listSep(l)))];
    });
  return mdTable([tx('stage', l), tx('segment', l), tx('kind', l), tx('presence', l), tx('firmsOnSegment', l), l === 'zh' ? '供给' : 'Supplies'], rows, [3]);
}

function keyTargetMd(c: KeyTargetCard, l: Lang, cityName: string): string {
  const s = sep(l);
  const L = (zh: string, en: string): string => (l === 'zh' ? zh : en);
  const parts = [`#### ${c.rank}. ${md(c.name)} — ${fixed(c.score)}`, ''];
  const meta = [c.hq.label, c.regions.join(' · '), c.scale].filter((x) => x !== '');
  if (meta.length > 0) parts.push(md(meta.join(' | ')), '');
  parts.push(`**${L('企业概况', 'Who they are')}**`, '', ...(c.facts.length > 0 ? c.facts.map((f) => `- ${md(f.text)}${f.date !== '' ? ` [${md(f.date)}]` : ''} — ${L('来源', 'source')}${s}${md(f.source)}`) : [`- ${L('数据集中未见该企业的来源事实', 'No sourced fact in the dataset')}`]), '');
  const dist = [c.distanceKm !== null ? `${c.distanceKm} km` : '', c.railHours !== null ? `${md(pick(TEXT.rail, l))} ${fixed(c.railHours, 1)} h` : ''].filter((x) => x !== '').join(' · ');
  parts.push(`**${L(`为什么是${md(cityName)}`, `Why ${md(cityName)}`)}**`, '');
  if (c.matchedGaps.length > 0) parts.push(`- ${tx('matchedGaps', l)}${s}${c.matchedGaps.map((g) => `${md(g.kindLabel)}·${md(g.name)}`).join(listSep(l))}`);
  if (dist !== '') parts.push(`- ${L('距离', 'Distance')}${s}${dist}`);
  parts.push(...c.partners.map((p) => `- ${L('本地关联企业', 'Local partner')}${s}${md(p.name)}（${md(p.county)}）— ${md(p.relation)}`));
  if (c.partners.length === 0) parts.push(`- ${L('未见本地关联企业记录', 'No related local firm on record')}`);
  parts.push('', `**${L('建议招商方式', 'Suggested approach')}**${s}${md(c.approach.label)} — ${md(c.approach.rule)}${semi(l)}${L('牵线方', 'broker')}${s}${c.broker !== '' ? md(c.broker) : L('未注明', 'not stated')}`, '');
  parts.push(`**${L('建议落地区县与园区', 'Suggested county and park')}**${s}${c.sites.length > 0 ? c.sites.map((x) => `${md(x.county)}${x.park !== '' ? ` · ${md(x.park)}` : ''}（${md(x.reason)}）`).join(semi(l)) : L('未见记录', 'none on record')}`, '');
  parts.push(`**${L('证据与时效提示', 'Evidence and freshness')}**${s}${c.warnings.length > 0 ? c.warnings.map(md).join(semi(l)) : L('无', 'none')}`);
  return parts.join('\n');
}

function projectTableMd(rows: readonly ProjectRow[], l: Lang, withIndustry: boolean): string {
  const L = (zh: string, en: string): string => (l === 'zh' ? zh : en);
  const ns = L('未注明', 'not stated');
  const amount = (p: ProjectRow): string => (p.amount === null ? ns : l === 'zh' ? `${p.amountEstimated ? '约' : ''}${p.amount}亿元` : `${p.amountEstimated ? '~' : ''}¥${(p.amount / 10).toFixed(p.amount < 10 ? 2 : 1)}bn`);
  return mdTable(
    [L('项目', 'Project'), ...(withIndustry ? [tx('industry', l)] : []), tx('segment', l), L('投资方', 'Investor'), L('投资额', 'Amount'), L('阶段', 'Stage'), L('区县', 'County'), L('园区', 'Park'), L('来源与日期', 'Source and date')],
    rows.map((p) => [md(p.name), ...(withIndustry ? [md(p.industryName)] : []), md(p.segmentName), p.investor !== '' ? md(p.investor) : ns, amount(p), p.stageLabel !== '' ? md(p.stageLabel) : ns, md(p.county), p.park !== '' ? md(p.park) : ns, `${md(p.source)}（${md(p.asOf)}）`]),
    [withIndustry ? 4 : 3],
  );
}

function projectsCarriersMd(hb: Handbook): string {
  const l = hb.lang;
  const L = (zh: string, en: string): string => (l === 'zh' ? zh : en);
  const rows = hb.projects ?? [];
  const c = hb.carriers ?? { parks: [], policies: [] };
  const parks = mdTable(
    [L('园区/载体', 'Park or carrier'), L('区县', 'County'), L('级别', 'Level'), L('主导产业与环节', 'Industries and segments'), L('要点', 'Facts'), L('来源与日期', 'Source and date')],
    c.parks.map((p) => [md(p.name), md(p.county), p.levelLabel !== '' ? md(p.levelLabel) : L('未注明', 'not stated'), md([...p.industries, ...p.segments].join(listSep(l))), p.facts.map(md).join('<br>'), `${md(p.source)}（${md(p.asOf)}）`]),
  );
  const policies = mdTable(
    [L('政策', 'Policy'), L('发布', 'Issuer'), L('日期', 'Date'), L('类别', 'Kind'), L('范围', 'Scope'), L('要点', 'Summary'), L('来源', 'Source')],
    c.policies.map((p) => [md(p.title), md(p.issuer), md(p.date), md(p.kindLabel), md(p.scope), md(p.summary), md(p.source)]),
  );
  return [
    `## ${L('重点项目清单', 'Key projects')}`,
    rows.length > 0 ? projectTableMd(rows, l, true) : L('数据集中没有重点项目记录（projects.json）', 'No project records in the dataset (projects.json)'),
    `## ${L('政策与载体', 'Policies and parks')}`,
    `### ${L('载体', 'Parks and carriers')}`,
    c.parks.length > 0 ? parks : L('数据集中没有园区记录（parks.json）', 'No park records (parks.json)'),
    `### ${L('政策', 'Policies')}`,
    c.policies.length > 0 ? policies : L('数据集中没有政策记录（policies.json）', 'No policy records (policies.json)'),
  ].join('\n\n');
}

function chapterMd(c: HandbookChapter, l: Lang, hb?: Handbook): string {
  const r = c.industry;
  const kpis = `${tx('segments', l)} ${r.segments} · ${tx('completeness', l)} ${pct(r.completeness)} · ${tx('localSupply', l)} ${pct(r.localSupplyRate)} · ${tx('gapCount', l)} ${r.gaps} · ${tx('localFirms', l)} ${r.localFirms} · ${tx('candidates', l)} ${r.candidates}`;
  const hidden = c.map.hiddenExternal > 0 ? ` ${md(fill(pick(TEXT.hiddenExternal, l), { n: c.map.hiddenExternal }))}` : '';
  const hist = mdTable([tx('score', l), tx('count', l)], c.charts.scoreDistribution.map((b) => [`${fixed(b.from, 1)}–${fixed(b.to, 1)}`, String(b.count)]), [1]);
  const regions = mdTable([tx('region', l), tx('firms', l)], c.charts.targetsByRegion.map((x) => [md(x.label), String(x.count)]), [1]);
  return [
    `## ${c.number} ${md(r.name)}${r.group !== '' ? (l === 'zh' ? `（${md(r.group)}）` : ` (${md(r.group)})`) : ''}`,
    ...(c.description !== '' ? [md(c.description)] : []),
    kpis,
    `### ${tx('chainMap', l)}`,
    hb?.render?.mermaid === true ? `\`\`\`mermaid\n${mermaidChainMap(c.map, l)}\n\`\`\`` : chainTableMd(c.map, l),
    `${tx('chainMapNote', l)}${hidden}`,
    `### ${tx('gapTable', l)}`,
    c.gaps.length > 0 ? gapTableMd(c.gaps, l, false) : tx('noGaps', l),
    `### ${tx('targets', l)}`,
    c.targets.length > 0 ? c.targets.map((t) => targetMd(t, l)).join('\n\n') : tx('noTargets', l),
    `### ${tx('scoreDistribution', l)}`,
    hist,
    `### ${tx('targetsByRegion', l)}`,
    `${regions}\n\n${tx('regionNote', l)}`,
    ...(c.projects.length > 0 ? [`### ${l === 'zh' ? '重点项目' : 'Key projects'}`, projectTableMd(c.projects, l, false)] : []),
    ...(c.keyTargets.length > 0 ? [`### ${l === 'zh' ? `重点目标企业（前 ${c.keyTargets.length} 家）` : `Key targets (top ${c.keyTargets.length})`}`, ...c.keyTargets.map((k) => keyTargetMd(k, l, hb?.city.name ?? ''))] : []),
  ].join('\n\n');
}

function visitMd(hb: Handbook): string {
  const l = hb.lang;
  const v = hb.visitPlan;
  const stops = v.stops.map((s) => {
    const facts = [s.regions.join(' · '), s.distanceKm !== null ? `${s.distanceKm} km` : '', s.railHours !== null ? `${pick(TEXT.rail, l)} ${fixed(s.railHours, 1)} h` : '', `${tx('firms', l)} ${s.firms.length}`].filter((x) => x !== '');
    const name = l === 'zh' && s.province !== s.city ? `${s.province}${s.city}` : s.city;
    const rows = s.firms.map((f) => [md(f.name), md(f.industries.join(listSep(l))), fixed(f.score), md(f.approach)]);
    return `### ${md(name)}\n\n${md(facts.join(' | '))}\n\n${mdTable([tx('company', l), tx('industry', l), tx('score', l), tx('approach', l)], rows, [2])}`;
  });
  const regions = mdTable([tx('region', l), tx('firms', l), tx('cities', l)], v.regions.map((r) => [md(r.region), String(r.firms), String(r.cities)]), [1, 2]);
  return [`## ${tx('visitPlan', l)}`, tx('visitIntro', l), `### ${tx('visitRegions', l)}`, regions, ...stops].join('\n\n');
}

function appendixMd(hb: Handbook): string {
  const l = hb.lang;
  const a = hb.appendix;
  const weights = mdTable([tx('feature', l), tx('weight', l)], a.weights.map((w) => [md(w.feature === 'risk' ? pick(TEXT.riskPenalty, l) : w.label), fixed(w.weight, 3)]), [1]);
  const estimates = mdTable([tx('estimates', l), tx('count', l), tx('total', l)], a.estimates.map((e) => [md(e.label), String(e.count), String(e.total)]), [1, 2]);
  const ordered = [...a.sources.filter((s) => s.kind === 'published'), ...a.sources.filter((s) => s.kind === 'mirror')];
  const sources = ordered
    .map((s, i) => {
      if (s.kind === 'published') return `${i + 1}. ${md(s.title)}${s.url !== '' ? ` — ${markdownUrl(s.url)}` : ''}${s.note !== '' ? ` — ${md(s.note)}` : ''}`;
      const original = s.original !== '' ? `${l === 'zh' ? '原载' : 'originally published by'}${sep(l)}${md(s.original)}` : l === 'zh' ? '原始出处未能确定' : 'original publication not identified';
      const copy = s.url !== '' ? `${l === 'zh' ? '；转载地址（非原始出处）' : '; copy at (not the original)'}${sep(l)}${markdownUrl(s.url)}` : '';
      return `${i + 1}. \\[${md(s.kindLabel)}\\] ${md(s.title)} — ${original}${copy}${s.note !== '' ? ` — ${md(s.note)}` : ''}`;
    })
    .join('\n');
  const internal = a.sources.filter((s) => s.kind === 'internal');
  const internalMd =
    internal.length > 0
      ? `${internal.map((s) => `${md(s.kindLabel)}${sep(l)}${md(s.title)}`).join(semi(l))}${l === 'zh' ? '。以上为本项目整理的工作材料，不是公开出处，不作为引用来源；引用其中的事实，请以其列出的原始出处核对。' : '. This is the project’s own working material, not a public source and not to be cited; check any fact from it against the original source it names.'}`
      : '';
  return [
    `## ${tx('appendix', l)}`,
    `### ${tx('weights', l)}`,
    `${tx('method', l)}${sep(l)}${md(a.methodLabel)}${semi(l)}${tx('preset', l)}${sep(l)}${md(a.preset)}`,
    weights,
    `### ${tx('methodNotes', l)}`,
    ...a.notes.map(md),
    `### ${tx('estimates', l)}`,
    estimates,
    ...(a.dataQuality !== undefined && a.dataQuality.length > 0
      ? [`### ${l === 'zh' ? '数据质量说明' : 'Data quality'}`, mdTable([l === 'zh' ? '说明' : 'Note', tx('count', l), l === 'zh' ? '举例' : 'Examples'], a.dataQuality.map((n) => [md(n.label), String(n.count), md(n.examples.join(listSep(l)))]), [1])]
      : []),
    `### ${tx('sources', l)}`,
    `${tx('datasetAsOf', l)}${sep(l)}${md(a.datasetAsOf)}${a.datasetVersion !== '' ? `${semi(l)}${tx('version', l)}${sep(l)}${md(a.datasetVersion)}` : ''}`,
    sources,
    ...(internalMd !== '' ? [internalMd] : []),
  ].join('\n\n');
}

/**
 * Render the handbook as Markdown: the same chapters as the HTML, chain maps as compact tables (Mermaid flowcharts
 * with the handbook option `mermaid: true`), charts as tables. All data text is escaped so names such as `<script>` stay text.
 *
 * @param handbook - from `buildHandbook`
 * @returns the Markdown document
 * @example
 * await writeFile('out/handbook.md', renderMarkdown(buildHandbook(liaocheng())));
 */
export function renderMarkdown(handbook: Handbook): string {
  const l = handbook.lang;
  const s = sep(l);
  const head = [
    `# ${md(handbook.title)}`,
    `> ${md(handbook.subtitle)}`,
    [`- ${tx('date', l)}${s}${md(handbook.date)}`, ...(handbook.version !== undefined && handbook.version !== '' ? [`- ${tx('version', l)}${s}${md(handbook.version)}`] : []), `- ${tx('datasetAsOf', l)}${s}${md(handbook.dataset.asOf)}`, `- ${tx('dataset', l)}${s}${md(handbook.dataset.name)}`].join('\n'),
    `## ${tx('toc', l)}`,
    [tx('overview', l), ...handbook.chapters.map((c) => `${c.number} ${md(c.industry.name)}`), l === 'zh' ? '重点项目清单' : 'Key projects', l === 'zh' ? '政策与载体' : 'Policies and parks', tx('visitPlan', l), tx('appendix', l)].map((x) => `- ${x}`).join('\n'),
  ];
  return `${[...head, overviewMd(handbook), ...handbook.chapters.map((c) => chapterMd(c, l, handbook)), projectsCarriersMd(handbook), visitMd(handbook), appendixMd(handbook)].join('\n\n')}\n`;
}

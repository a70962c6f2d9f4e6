import type { Lang } from '../../errors.js';
import { GAP_KIND_LABELS, type GapKind } from '../../gaps/types.js';
import { GAP_KIND_LEGEND, GAP_KINDS_ORDER, TEXT, pick, type TextKey } from '../labels.js';
import type { GapRow, Handbook, HandbookChapter, TargetCard } from '../types.js';
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
  const kinds: readonly GapKind[] = ['build', 'extend', 'strengthen', 'fill'];
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
    tx('toVerifyNote', l),
    o.toVerify.length > 0 ? gapTableMd(o.toVerify, l, true) : tx('noToVerify', l),
  ].join('\n\n');
}

function chapterMd(c: HandbookChapter, l: Lang): string {
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
    `\`\`\`mermaid\n${mermaidChainMap(c.map, l)}\n\`\`\``,
    `${tx('chainMapNote', l)}${hidden}`,
    `### ${tx('gapTable', l)}`,
    c.gaps.length > 0 ? gapTableMd(c.gaps, l, false) : tx('noGaps', l),
    `### ${tx('targets', l)}`,
    c.targets.length > 0 ? c.targets.map((t) => targetMd(t, l)).join('\n\n') : tx('noTargets', l),
    `### ${tx('scoreDistribution', l)}`,
    hist,
    `### ${tx('targetsByRegion', l)}`,
    `${regions}\n\n${tx('regionNote', l)}`,
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
    `### ${tx('sources', l)}`,
    `${tx('datasetAsOf', l)}${sep(l)}${md(a.datasetAsOf)}${a.datasetVersion !== '' ? `${semi(l)}${tx('version', l)}${sep(l)}${md(a.datasetVersion)}` : ''}`,
    sources,
    ...(internalMd !== '' ? [internalMd] : []),
  ].join('\n\n');
}

/**
 * Render the handbook as Markdown: the same chapters as the HTML, chain maps as Mermaid flowcharts,
 * charts as tables. All data text is escaped so names such as `<script>` stay text.
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
    [`- ${tx('date', l)}${s}${md(handbook.date)}`, `- ${tx('datasetAsOf', l)}${s}${md(handbook.dataset.asOf)}`, `- ${tx('dataset', l)}${s}${md(handbook.dataset.name)}`].join('\n'),
    `## ${tx('toc', l)}`,
    [tx('overview', l), ...handbook.chapters.map((c) => `${c.number} ${md(c.industry.name)}`), tx('visitPlan', l), tx('appendix', l)].map((x) => `- ${x}`).join('\n'),
  ];
  return `${[...head, overviewMd(handbook), ...handbook.chapters.map((c) => chapterMd(c, l)), visitMd(handbook), appendixMd(handbook)].join('\n\n')}\n`;
}

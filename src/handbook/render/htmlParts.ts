// Pieces of the handbook's HTML: tables, chips, target cards. Every data text goes through `esc`.
import type { Lang } from '../../errors.js';
import type { GapKind } from '../../gaps/types.js';
import { FEATURE_COLORS, GAP_KINDS_SHOWN, TEXT, pick, type TextKey } from '../labels.js';
import type { DataQualityNote, GapRow, IndustryRow, KeyTargetCard, ParkRow, PolicyRow, ProjectRow, TargetCard } from '../types.js';
import { escapeHtml as esc } from './escapeHtml.js';
import { fixed, listSep, pct } from './format.js';

/** Text of a fixed label. */
export function tx(key: TextKey, lang: Lang): string {
  return esc(pick(TEXT[key], lang));
}

/** A gap-kind chip. */
export function kindChip(kind: GapKind, label: string): string {
  return `<span class="chip k-${esc(kind)}">${esc(label)}</span>`;
}

/** A small horizontal bar for a share in [0, 1], with the percentage. */
export function shareBar(x: number): string {
  return `<span class="bar"><span style="width:${pct(Math.max(0, Math.min(1, x)))}"></span></span>${pct(x)}`;
}

/** A table from header cells and rows of cells (cells are HTML already; numeric columns by index), in a `.table-wrap` that scrolls sideways on a narrow screen. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = [], narrow = false): string {
  const cls = (i: number): string => (numeric.includes(i) ? ' class="n"' : '');
  return (
    `<div class="table-wrap"><table${narrow ? ' class="narrow"' : ''}><thead><tr>${headers.map((h, i) => `<th${cls(i)}>${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table></div>`
  );
}

/** Counts of a chain by gap kind, as chips (kinds with a count > 0). */
export function countChips(row: IndustryRow, kindLabels: Readonly<Record<GapKind, string>>): string {
  const kinds = GAP_KINDS_SHOWN;
  return kinds
    .filter((k) => row.counts[k] > 0)
    .map((k) => kindChip(k, `${kindLabels[k]} ${row.counts[k]}`))
    .join('');
}

/** The gap table: segment, (industry), stage, kind, priority, presence, local firms, reasons. */
export function gapTable(gaps: readonly GapRow[], lang: Lang, withIndustry: boolean): string {
  const headers = [tx('segment', lang), ...(withIndustry ? [tx('industry', lang)] : []), tx('stage', lang), tx('kind', lang), tx('priority', lang), tx('presence', lang), tx('firmsOnSegment', lang), tx('reasons', lang)];
  const rows = gaps.map((g) => [
    `<b>${esc(g.name)}</b>`,
    ...(withIndustry ? [esc(g.industryName)] : []),
    esc(g.stageLabel),
    kindChip(g.kind, g.kindLabel),
    fixed(g.priority),
    pct(g.presence),
    g.localFirms.length > 0 ? `<ul class="cell-firms">${g.localFirms.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '',
    `<ul class="cell-reasons">${g.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`,
  ]);
  const offset = withIndustry ? 1 : 0;
  return table(headers, rows, [4 + offset, 5 + offset]);
}

/**
 * The overview's 待核实 list as a checklist: segment, industry (a link to its chapter, where the gap's reasons are), stage,
 * kind and priority. The reasons are not repeated here: each of these gaps is in its chapter's gap table (issue 18: in
 * print the full table was about 19 pages restating the chapters).
 */
export function verifyTable(gaps: readonly GapRow[], lang: Lang): string {
  const headers = [tx('segment', lang), tx('industry', lang), tx('stage', lang), tx('kind', lang), tx('priority', lang)];
  const rows = gaps.map((g) => [`<b>${esc(g.name)}</b>`, `<a href="#industry-${esc(g.industry)}">${esc(g.industryName)}</a>`, esc(g.stageLabel), kindChip(g.kind, g.kindLabel), fixed(g.priority)]);
  return `<div class="verify-list">${table(headers, rows, [4], true)}</div>`;
}

function scoreBar(card: TargetCard, lang: Lang): string {
  const positive = card.contributions.filter((c) => c.feature !== 'risk' && c.contribution > 0);
  const risk = card.contributions.find((c) => c.feature === 'risk');
  const bar = positive
    .map((c) => `<span style="width:${(Math.min(1, c.contribution) * 100).toFixed(1)}%;background:${FEATURE_COLORS[c.feature]}" title="${esc(c.label)} ${fixed(c.contribution, 3)}"></span>`)
    .join('');
  const legend = positive.map((c) => `<span><i style="background:${FEATURE_COLORS[c.feature]}"></i>${esc(c.label)} ${fixed(c.contribution)}</span>`);
  if (risk !== undefined && risk.contribution < 0) legend.push(`<span><i style="background:${FEATURE_COLORS.risk}"></i>${tx('riskPenalty', lang)} ${fixed(risk.contribution)}</span>`);
  return `<div class="scorebar" role="img" aria-label="${tx('contributions', lang)}">${bar}</div><div class="scorelegend">${legend.join('')}</div>`;
}

/** A target company as a card: rank, name, score, HQ, scale, lists, score bar, matched gaps, reasons, approach. */
export function targetCardHtml(card: TargetCard, lang: Lang): string {
  const meta = [card.hq.label, card.regions.join(' · '), card.scale].filter((s) => s !== '').map(esc).join('｜');
  const lists = card.lists.length > 0 ? `<p>${card.lists.map((l) => `<span class="chip list">${esc(l)}</span>`).join('')}</p>` : '';
  const gaps = card.matchedGaps.length > 0 ? `<p><span class="label">${tx('matchedGaps', lang)}</span>${card.matchedGaps.map((g) => kindChip(g.kind, `${g.kindLabel}·${g.name}`)).join('')}</p>` : '';
  return (
    `<article class="card" data-company="${esc(card.id)}">` +
    `<header><span class="rank">${card.rank}</span><h4>${esc(card.name)}</h4><span class="score">${fixed(card.score)}</span></header>` +
    `<p class="meta">${meta}</p>${lists}${scoreBar(card, lang)}${gaps}` +
    `<ul class="reasons">${card.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` +
    `<p><span class="label">${tx('approach', lang)}</span><b>${esc(card.approach.label)}</b> <span class="label">— ${esc(card.approach.rule)}</span></p>` +
    `</article>`
  );
}

/**
 * A target that has its own key target page, in one line of the chapter's target list: rank, name, score, HQ and a
 * link to the page (`anchor`), where its full card is.
 */
export function keyTargetStub(card: TargetCard, anchor: string, lang: Lang): string {
  const meta = [card.hq.label, card.scale].filter((s) => s !== '').map(esc).join('｜');
  return (
    `<li class="card-stub" data-company="${esc(card.id)}"><span class="rank">${card.rank}</span><b>${esc(card.name)}</b><span class="score">${fixed(card.score)}</span>` +
    `<span class="meta">${meta}</span><a href="#${esc(anchor)}">${Lx(lang, '→ 见重点目标企业单页', '→ see its key target page')}</a></li>`
  );
}

/** The compact table of top targets (overview). */
export function targetTable(cards: readonly TargetCard[], lang: Lang): string {
  const headers = [tx('rank', lang), tx('company', lang), tx('hq', lang), tx('score', lang), tx('matchedGaps', lang), tx('approach', lang)];
  const rows = cards.map((c) => [
    String(c.rank),
    `<b>${esc(c.name)}</b>`,
    esc(c.hq.label),
    fixed(c.score),
    c.matchedGaps.map((g) => kindChip(g.kind, `${g.kindLabel}·${g.name}`)).join(''),
    esc(c.approach.label),
  ]);
  return table(headers, rows, [0, 3]);
}

// ---- Issue 18: key target pages, 重点项目清单, 政策与载体, data-quality notes.

const Lx = (lang: Lang, zh: string, en: string): string => esc(lang === 'zh' ? zh : en);
const notStated = (lang: Lang): string => `<span class="empty">${Lx(lang, '未注明', 'not stated')}</span>`;
const orNot = (text: string, lang: Lang): string => (text !== '' ? esc(text) : notStated(lang));

/** Amount in 亿元 as printed ('未注明' when no source states it; 约 for an estimate). */
export function amountText(amount: number | null, estimated: boolean, lang: Lang): string {
  if (amount === null) return notStated(lang);
  const n = Number.isInteger(amount) ? String(amount) : amount.toFixed(1);
  return lang === 'zh' ? `${estimated ? '约' : ''}${n}亿元` : `${estimated ? '~' : ''}¥${(amount / 10).toFixed(amount < 10 ? 2 : 1)}bn`;
}

/**
 * A key target's own page (issue 18): who they are (sourced facts with dates), why the city (matched gaps, local
 * partners with their relation, distance and rail time), the suggested approach with its reason and named broker, the
 * suggested county and park, and evidence and freshness warnings. Printed one per page (`.keycard` breaks before).
 */
export function keyTargetPage(card: KeyTargetCard, lang: Lang, cityName: string, anchor?: string): string {
  const sep = lang === 'zh' ? '：' : ': ';
  const facts = card.facts.length > 0
    ? `<ul class="facts">${card.facts.map((f) => `<li>${esc(f.text)}${f.date !== '' ? ` <span class="date">[${esc(f.date)}]</span>` : ''}<br><span class="src">${Lx(lang, '来源', 'Source')}${sep}${esc(f.source)}</span></li>`).join('')}</ul>`
    : `<p class="empty">${Lx(lang, '数据集中未见该企业的来源事实', 'No sourced fact about the company in the dataset')}</p>`;
  const gaps = card.matchedGaps.length > 0 ? card.matchedGaps.map((g) => kindChip(g.kind, `${g.kindLabel}·${g.name}`)).join('') : notStated(lang);
  const partners = card.partners.length > 0
    ? table([Lx(lang, '本地企业', 'Local firm'), Lx(lang, '区县', 'County'), Lx(lang, '关系', 'Relation')], card.partners.map((p) => [`<b>${esc(p.name)}</b>`, esc(p.county), esc(p.relation)]))
    : `<p class="empty">${Lx(lang, '未见本地关联企业记录', 'No related local firm on record')}</p>`;
  const distance = [card.distanceKm !== null ? `${card.distanceKm} km` : '', card.railHours !== null ? `${pick(TEXT.rail, lang)} ${fixed(card.railHours, 1)} h` : ''].filter((x) => x !== '').join(' · ');
  const sites = card.sites.length > 0
    ? `<ul>${card.sites.map((s) => `<li><b>${esc(s.county)}</b>${s.park !== '' ? ` · ${esc(s.park)}` : ''}<br><span class="desc">${esc(s.reason)}</span></li>`).join('')}</ul>`
    : `<p class="empty">${Lx(lang, '未见可据以建议落点的本地企业或园区记录', 'No local firm or park on record to suggest a site from')}</p>`;
  const warnings = card.warnings.length > 0 ? `<ul class="warnings">${card.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : `<p>${Lx(lang, '无', 'None')}</p>`;
  const meta = [card.hq.label, card.regions.join(' · '), card.scale].filter((s) => s !== '').map(esc).join('｜');
  return (
    `<article class="keycard"${anchor !== undefined ? ` id="${esc(anchor)}"` : ''} data-company="${esc(card.id)}" data-industry="${esc(card.industry)}">` +
    `<header><span class="rank">${card.rank}</span><h4>${esc(card.name)}</h4><span class="score">${fixed(card.score)}</span></header>` +
    `<p class="meta">${meta}</p>` +
    `<div class="keygrid">` +
    `<section><h5>${Lx(lang, '企业概况', 'Who they are')}</h5>${facts}</section>` +
    `<section><h5>${Lx(lang, `为什么是${cityName}`, `Why ${cityName}`)}</h5><p><span class="label">${tx('matchedGaps', lang)}</span>${gaps}</p>` +
    (distance !== '' ? `<p><span class="label">${Lx(lang, '距离', 'Distance')}</span>${esc(distance)}</p>` : '') +
    `<ul class="reasons">${card.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></section>` +
    `<section><h5>${Lx(lang, '本地关联企业', 'Local partners')}</h5>${partners}</section>` +
    `<section><h5>${Lx(lang, '建议招商方式', 'Suggested approach')}</h5><p><b>${esc(card.approach.label)}</b></p><p class="desc">${Lx(lang, '理由', 'Why')}${sep}${esc(card.approach.rule)}</p>` +
    `<p><span class="label">${Lx(lang, '牵线方', 'Broker')}</span>${orNot(card.broker, lang)}</p></section>` +
    `<section><h5>${Lx(lang, '建议落地区县与园区', 'Suggested county and park')}</h5>${sites}</section>` +
    `<section><h5>${Lx(lang, '证据与时效提示', 'Evidence and freshness')}</h5>${warnings}<p class="src">${Lx(lang, '企业记录来源', 'Record source')}${sep}${orNot(card.recordSource, lang)}${card.recordAsOf !== '' ? `（${esc(card.recordAsOf)}）` : ''}${card.confidenceLabel !== '' ? `${lang === 'zh' ? '；可信度' : '; confidence'}${sep}${esc(card.confidenceLabel)}` : ''}</p></section>` +
    `</div></article>`
  );
}

/** The 重点项目 table (with an industry column for the city-wide list). */
export function projectTable(rows: readonly ProjectRow[], lang: Lang, withIndustry: boolean): string {
  const headers = [Lx(lang, '项目', 'Project'), ...(withIndustry ? [tx('industry', lang)] : []), tx('segment', lang), Lx(lang, '投资方', 'Investor'), Lx(lang, '投资额', 'Amount'), Lx(lang, '阶段', 'Stage'), Lx(lang, '区县', 'County'), Lx(lang, '园区', 'Park'), Lx(lang, '来源与日期', 'Source and date')];
  const body = rows.map((p) => [
    `<b>${esc(p.name)}</b>${p.note !== '' ? `<br><span class="desc">${esc(p.note)}</span>` : ''}`,
    ...(withIndustry ? [orNot(p.industryName, lang)] : []),
    esc(p.segmentName),
    orNot(p.investor, lang),
    amountText(p.amount, p.amountEstimated, lang),
    orNot(p.stageLabel, lang),
    esc(p.county),
    orNot(p.park, lang),
    `<span class="src">${esc(p.source)}（${esc(p.asOf)}；${esc(p.confidenceLabel)}）</span>`,
  ]);
  return table(headers, body, [withIndustry ? 4 : 3]);
}

/** Parks (载体) and policies as two tables. */
export function carriersTables(parks: readonly ParkRow[], policies: readonly PolicyRow[], lang: Lang): string {
  const parkTable = parks.length > 0
    ? table(
        [Lx(lang, '园区/载体', 'Park or carrier'), Lx(lang, '区县', 'County'), Lx(lang, '级别', 'Level'), Lx(lang, '主导产业与环节', 'Industries and segments'), Lx(lang, '要点', 'Facts'), Lx(lang, '来源与日期', 'Source and date')],
        parks.map((p) => [`<b>${esc(p.name)}</b>`, esc(p.county), orNot(p.levelLabel, lang), esc([...p.industries, ...p.segments].join(listSep(lang))), p.facts.length > 0 ? `<ul>${p.facts.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '', `<span class="src">${esc(p.source)}（${esc(p.asOf)}；${esc(p.confidenceLabel)}）</span>`]),
      )
    : `<p class="empty">${Lx(lang, '数据集中没有园区记录（parks.json）', 'No park records in the dataset (parks.json)')}</p>`;
  const policyTable = policies.length > 0
    ? table(
        [Lx(lang, '政策', 'Policy'), Lx(lang, '发布', 'Issuer'), Lx(lang, '日期', 'Date'), Lx(lang, '类别', 'Kind'), Lx(lang, '范围', 'Scope'), Lx(lang, '要点', 'Summary'), Lx(lang, '来源', 'Source')],
        policies.map((p) => [`<b>${esc(p.title)}</b>`, esc(p.issuer), esc(p.date), esc(p.kindLabel), esc(p.scope), esc(p.summary), `<span class="src">${esc(p.source)}（${esc(p.confidenceLabel)}）</span>`]),
      )
    : `<p class="empty">${Lx(lang, '数据集中没有政策记录（policies.json）', 'No policy records in the dataset (policies.json)')}</p>`;
  return `<h3>${Lx(lang, '载体', 'Parks and carriers')}</h3>${parkTable}<h3>${Lx(lang, '政策', 'Policies')}</h3>${policyTable}`;
}

/** Data-quality notes as a table: statement, count, examples. */
export function dataQualityTable(notes: readonly DataQualityNote[], lang: Lang): string {
  return table([Lx(lang, '说明', 'Note'), tx('count', lang), Lx(lang, '举例', 'Examples')], notes.map((n) => [esc(n.label), String(n.count), esc(n.examples.join(listSep(lang)))]), [1]);
}

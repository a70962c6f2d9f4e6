// Pieces of the handbook's HTML: tables, chips, target cards. Every data text goes through `esc`.
import type { Lang } from '../../errors.js';
import type { GapKind } from '../../gaps/types.js';
import { FEATURE_COLORS, TEXT, pick, type TextKey } from '../labels.js';
import type { GapRow, IndustryRow, TargetCard } from '../types.js';
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
  const kinds: readonly GapKind[] = ['build', 'extend', 'strengthen', 'fill'];
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
    esc(g.localFirms.join(listSep(lang))),
    `<ul>${g.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`,
  ]);
  const offset = withIndustry ? 1 : 0;
  return table(headers, rows, [4 + offset, 5 + offset]);
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

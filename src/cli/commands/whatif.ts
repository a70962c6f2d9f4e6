import { resolve } from 'node:path';
import Table from 'cli-table3';
import type { Command } from 'commander';
import * as z from 'zod';
import { UsageError, type Lang } from '../../errors.js';
import { buildGapContext } from '../../gaps/buildGapContext.js';
import { GAP_KIND_LABELS, GAP_KINDS, type GapCounts, type GapKind, type Reason } from '../../gaps/types.js';
import { findCompanies } from '../../match/findCompanies.js';
import type { Dataset } from '../../schema/dataset.js';
import { compareScenarios } from '../../whatif/compareScenarios.js';
import { parseScenario } from '../../whatif/parseScenario.js';
import { runScenario } from '../../whatif/runScenario.js';
import { DEFAULT_LANDING_SIZE, type Change, type Scenario } from '../../whatif/scenario.js';
import type { ScenarioDiff } from '../../whatif/types.js';
import { readScenarioFile } from '../scenarioFile.js';
import { wrapCells } from '../wrapCells.js';
import { datasetWithCompanies } from '../companiesArg.js';
import { contextFor, parseOptions, type CliIo, type CommandContext } from '../context.js';
import { renderRows, toJson, type Column } from '../output.js';
import { writeTableFile } from '../tableFile.js';
import { weightsNameArg } from '../args.js';
import { companyCandidates, countyCandidates, enterpriseCandidates, industryOrSegmentCandidates, matchName, resolveName, segmentCandidates } from '../resolveName.js';

const WhatifArgs = z.object({
  scenario: z.string().min(1).optional(),
  land: z.array(z.string().min(1)).default([]),
  close: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  priority: z.array(z.string().min(1)).default([]),
  weights: weightsNameArg.optional(),
  size: z.coerce.number().positive().finite().optional(),
  top: z.coerce.number().int().positive().default(15),
  companies: z.string().min(1).optional(),
  /** `--without-corrections` (true: all) or `--without-corrections id1,id2` (issue 14). */
  withoutCorrections: z.union([z.literal(true), z.string().min(1)]).optional(),
  out: z.string().min(1).optional(),
});

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function text(r: Reason, lang: Lang): string {
  return lang === 'zh' ? r.zh : r.en;
}

/**
 * `--land` company: by id, name, English name or alias (哈轴, 宁德时代), a unique part of a name, else the best
 * name search hit; otherwise a usage error with the closest names.
 */
function resolveCompany(ds: Dataset, query: string): string {
  const set = companyCandidates(ds);
  const m = matchName(set, query);
  if (m.kind === 'found') return m.id;
  if (m.kind === 'unknown') {
    const hit = findCompanies(ds, query.trim(), { limit: 1 })[0];
    if (hit !== undefined && hit.score >= 0.6) return hit.company.id;
  }
  return resolveName(set, query, '--land');
}

/** `新企业`, `新企业:名称`, `new`, `new:name` in `--land`: a hypothetical entrant, not a company of the data. */
const HYPOTHETICAL = /^(?:新企业|new)(?:\s*[:：]\s*(.+))?$/iu;

/**
 * `--land "company@seg1,seg2@county"`: company, segments and county by name or id; segments and county optional.
 * `--land "新企业@铝板带箔@茌平"` lands a hypothetical firm (any firm that would settle there) as a new local
 * enterprise of `--size` 亿元 (default DEFAULT_LANDING_SIZE); it needs the segments.
 */
function landChange(ds: Dataset, spec: string, size: number | undefined, k: number): Change {
  const [who = '', segs, county] = spec.split('@').map((s) => s.trim());
  const segmentSet = segmentCandidates(ds);
  const segments = segs !== undefined && segs !== '' ? segs.split(/[,，、]/).map((s) => s.trim()).filter((s) => s !== '').map((s) => resolveName(segmentSet, s, '--land')) : undefined;
  const place = county !== undefined && county !== '' ? resolveName(countyCandidates(ds), county, '--land') : undefined;
  const hypothetical = HYPOTHETICAL.exec(who);
  if (hypothetical !== null) {
    if (segments === undefined) {
      throw new UsageError(`--land: a hypothetical entrant needs its segments, e.g. "new@<segment>@<county>"`, `--land：假设的新企业需写明环节，如“新企业@铝板带箔@茌平”`);
    }
    return {
      type: 'add-enterprise',
      enterprise: {
        id: `hypothetical-entrant-${k + 1}`,
        name: hypothetical[1] ?? '新企业（假设）',
        segments,
        county: place ?? ds.meta.home.city,
        revenue: size ?? DEFAULT_LANDING_SIZE,
        source: 'whatif --land (hypothetical entrant)',
        confidence: 'low',
        asOf: ds.meta.asOf,
      },
    };
  }
  return {
    type: 'land',
    company: resolveCompany(ds, who),
    ...(segments !== undefined ? { segments } : {}),
    ...(place !== undefined ? { county: place } : {}),
    ...(size !== undefined ? { size } : {}),
  };
}

/** `50%`, `0.5`, `５０％`: a share in (0, 1]; undefined when the text is not a share. */
function parseShare(text: string): number | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([%％])?\s*$/u.exec(text.replace(/[０-９．]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  if (m === null) return undefined;
  return m[2] !== undefined ? Number(m[1]) / 100 : Number(m[1]);
}

/**
 * `--close "企业[@环节][@比例]"`: a local enterprise by name or id; optionally one of its segments (by name or id)
 * and the share of capacity that closes (50% or 0.5; default all), e.g. `信发集团@电解铝@50%`.
 */
function closeChange(ds: Dataset, spec: string): Change {
  const parts = spec.split('@').map((s) => s.trim());
  const id = resolveName(enterpriseCandidates(ds), parts[0] ?? '', '--close');
  let share: number | undefined;
  if (parts.length > 1) share = parseShare(parts[parts.length - 1]!);
  const segPart = share !== undefined ? parts.slice(1, -1) : parts.slice(1);
  if (segPart.length > 1 || (share !== undefined && !(share > 0 && share <= 1))) {
    throw new UsageError(`--close: expected "enterprise[@segment][@share]" with share in (0, 100%], got "${spec}"`, `--close：格式应为“本地企业[@环节][@关停比例]”，比例在 0–100% 之间（不含 0），实际为“${spec}”`);
  }
  let segment: string | undefined;
  if (segPart.length === 1 && segPart[0] !== '') {
    const own = new Set(ds.enterprises.find((e) => e.id === id)?.segments ?? []);
    const all = segmentCandidates(ds);
    segment = resolveName({ ...all, items: all.items.filter((c) => own.has(c.id)) }, segPart[0]!, '--close');
  }
  return { type: 'close-enterprise', id, ...(segment !== undefined ? { segment } : {}), ...(share !== undefined ? { share } : {}) };
}

/** `--priority 新能源=0.9`: an industry, else a segment, by name or id. */
function priorityChange(ds: Dataset, spec: string): Change {
  const m = /^\s*([^=＝]+?)\s*[=＝]\s*([0-9.]+)\s*$/.exec(spec);
  const weight = m ? Number(m[2]) : Number.NaN;
  if (!m || !(weight >= 0 && weight <= 1)) {
    throw new UsageError(`--priority: expected "name=weight" with weight in [0, 1], got "${spec}"`, `--priority：格式应为“产业或环节=权重”（0–1），实际为“${spec}”`);
  }
  // Compared as strings against the dataset's names and ids (never used as a key), so `constructor` or `__proto__` is just unknown.
  const id = resolveName(industryOrSegmentCandidates(ds), m[1]!, '--priority');
  if (ds.industries.some((i) => i.id === id)) return { type: 'set-priority', industry: id, weight };
  return { type: 'set-priority', segment: id, weight };
}

/** `--without-corrections [id,id]`: switch off all corrections, or the listed entries (ids of corrections.json). */
function withoutCorrectionsChange(spec: true | string): Change {
  if (spec === true) return { type: 'remove-corrections' };
  const ids = spec.split(/[,，、]/).map((s) => s.trim()).filter((s) => s !== '');
  return ids.length === 0 ? { type: 'remove-corrections' } : { type: 'remove-corrections', ids };
}

async function buildScenario(ds: Dataset, a: z.output<typeof WhatifArgs>, cwd: string): Promise<Scenario> {
  const file = a.scenario !== undefined ? await readScenarioFile(resolve(cwd, a.scenario)) : undefined;
  const shortcuts: Change[] = [
    ...a.land.map((s, k) => landChange(ds, s, a.size, k)),
    ...a.close.map((spec) => closeChange(ds, spec)),
    ...a.priority.map((s) => priorityChange(ds, s)),
    ...(a.exclude.length > 0 ? [{ type: 'exclude', companies: a.exclude.map((c) => resolveName(companyCandidates(ds), c, '--exclude')) } as Change] : []),
    ...(a.weights !== undefined ? [{ type: 'set-weights', preset: a.weights } as Change] : []),
    ...(a.withoutCorrections !== undefined ? [withoutCorrectionsChange(a.withoutCorrections)] : []),
  ];
  if (file === undefined && shortcuts.length === 0) {
    throw new UsageError('whatif: give --scenario FILE.json or at least one of --land, --close, --priority, --exclude, --weights, --without-corrections', 'whatif：请给出 --scenario 情景文件，或至少一个 --land、--close、--priority、--exclude、--weights、--without-corrections');
  }
  return parseScenario({ ...(file ?? {}), changes: [...(file?.changes ?? []), ...shortcuts] });
}

function countsText(c: GapCounts, lang: Lang): string {
  return GAP_KINDS.filter((k) => c[k] !== 0).map((k) => `${GAP_KIND_LABELS[k][lang]} ${c[k] > 0 ? '+' : ''}${c[k]}`).join(' ');
}

const d3 = (x: number): string => (x > 0 ? `+${x.toFixed(3)}` : x < 0 ? `−${(-x).toFixed(3)}` : '0');

function renderTable(ctx: CommandContext, diff: ScenarioDiff, scenario: Scenario, top: number): string {
  const lang = ctx.lang;
  let out = ctx.t(`情景推演：${scenario.name ?? '（未命名）'}（${scenario.changes.length} 项变更）\n`, `What-if: ${scenario.name ?? '(unnamed)'} (${scenario.changes.length} change${scenario.changes.length === 1 ? '' : 's'})\n`);
  if (diff.empty) return `${out}${ctx.t('与基准相比没有变化。\n', 'No change against the base.\n')}`;
  for (const r of diff.summary) out += `· ${text(r, lang)}\n`;
  const segW = [20, 18, 12, 12, 46];
  const seg = new Table({ head: lang === 'zh' ? ['环节', '缺口类型', '优先级Δ', '存在度Δ', '说明'] : ['Segment', 'Gap kind', 'Δ priority', 'Δ presence', 'Why'], colWidths: segW, style: { head: [], border: [] } });
  for (const s of diff.segments.slice(0, top)) {
    const kind = s.from === s.to ? GAP_KIND_LABELS[s.to][lang] : `${GAP_KIND_LABELS[s.from][lang]} → ${GAP_KIND_LABELS[s.to][lang]}`;
    seg.push(wrapCells([lang === 'zh' ? s.name : s.nameEn, kind, d3(s.priorityDelta), d3(s.presenceDelta), s.reasons.filter((r) => r.code !== 'whatif.segment.kind').map((r) => text(r, lang)).join(ctx.t('；', '; '))], segW));
  }
  out += `\n${ctx.t(`缺口变化（${diff.segments.length} 个环节${diff.segments.length > top ? `，显示前 ${top} 个` : ''}）`, `Gap changes (${diff.segments.length} segments${diff.segments.length > top ? `, first ${top}` : ''})`)}\n${seg.toString()}\n`;
  if (diff.industries.length > 0) {
    const indW = [16, 22, 22, 24];
    const ind = new Table({ head: lang === 'zh' ? ['产业', '完整度', '本地配套率', '缺口数变化'] : ['Industry', 'Completeness', 'Local supply rate', 'Gap counts'], colWidths: indW, style: { head: [], border: [] } });
    for (const i of diff.industries) {
      ind.push(wrapCells([lang === 'zh' ? i.name : i.nameEn, `${i.completenessFrom.toFixed(2)} → ${i.completenessTo.toFixed(2)}`, `${i.localSupplyRateFrom.toFixed(2)} → ${i.localSupplyRateTo.toFixed(2)}`, countsText(i.countsDelta, lang)], indW));
    }
    out += `\n${ctx.t('产业链', 'Industries')}\n${ind.toString()}\n`;
  }
  if (diff.ranks.length > 0) {
    const rkW = [24, 12, 10, 52];
    const rk = new Table({ head: lang === 'zh' ? ['企业', '排名', '得分Δ', '原因'] : ['Company', 'Rank', 'Δ score', 'Why'], colWidths: rkW, style: { head: [], border: [] } });
    for (const r of diff.ranks.slice(0, top)) {
      rk.push(wrapCells([r.name, `${r.fromRank ?? '–'} → ${r.toRank ?? '–'}`, d3(r.scoreDelta), r.reasons.map((x) => text(x, lang)).join(ctx.t('；', '; '))], rkW));
    }
    out += `\n${ctx.t(`排名变化（${diff.ranks.length} 家${diff.ranks.length > top ? `，显示前 ${top} 家` : ''}）`, `Rank changes (${diff.ranks.length} companies${diff.ranks.length > top ? `, first ${top}` : ''})`)}\n${rk.toString()}\n`;
  }
  return out;
}

/** The diff as one table (segments, industries, ranks), for CSV on stdout and for `--out FILE.xlsx|.csv`. */
function diffTable(diff: ScenarioDiff, lang: Lang): { rows: Record<string, unknown>[]; columns: Column[] } {
  // Chinese words for an analyst in Excel; the English CSV keeps the codes scripts rely on.
  const section = lang === 'zh' ? { segment: '环节', industry: '产业', rank: '排名' } : { segment: 'segment', industry: 'industry', rank: 'rank' };
  const kind = (k: GapKind): string => (lang === 'zh' ? GAP_KIND_LABELS[k].zh : k);
  const rows: Record<string, unknown>[] = [
    ...diff.segments.map((s) => ({ section: section.segment, id: s.id, name: lang === 'zh' ? s.name : s.nameEn, from: kind(s.from), to: kind(s.to), delta: s.priorityDelta, delta2: s.presenceDelta, reasons: s.reasons.map((r) => text(r, lang)).join(' | ') })),
    ...diff.industries.map((i) => ({ section: section.industry, id: i.id, name: lang === 'zh' ? i.name : i.nameEn, from: i.completenessFrom, to: i.completenessTo, delta: i.completenessDelta, delta2: i.localSupplyRateDelta, reasons: countsText(i.countsDelta, lang) })),
    ...diff.ranks.map((r) => ({ section: section.rank, id: r.id, name: r.name, from: r.fromRank ?? '', to: r.toRank ?? '', delta: r.scoreDelta, delta2: r.rankDelta, reasons: r.reasons.map((x) => text(x, lang)).join(' | ') })),
  ];
  const columns: Column[] = [
    { key: 'section', zh: '类别', en: 'section' },
    { key: 'id', zh: 'id', en: 'id' },
    { key: 'name', zh: '名称', en: 'name' },
    { key: 'from', zh: '之前', en: 'from' },
    { key: 'to', zh: '之后', en: 'to' },
    { key: 'delta', zh: '变化(优先级/完整度/得分)', en: 'delta (priority/completeness/score)', digits: 4 },
    { key: 'delta2', zh: '变化(存在度/本地配套率/名次)', en: 'delta2 (presence/local supply/rank)', digits: 4 },
    { key: 'reasons', zh: '说明', en: 'reasons' },
  ];
  return { rows, columns };
}

function csvOut(diff: ScenarioDiff, lang: Lang): string {
  const { rows, columns } = diffTable(diff, lang);
  return renderRows(rows, columns, 'csv', lang);
}

/** `whatif`: run a scenario (file or shortcuts) against the base and print the diff. */
export function registerWhatif(program: Command, io: CliIo): void {
  program
    .command('whatif')
    .description('情景推演：某企业落地、本地企业关停、权重或优先级变化后，缺口与排名如何变化 / What-if: how gaps and ranks change')
    .option('--scenario <file>', '情景 JSON 文件 / scenario JSON file')
    .option('--land <company@segments@county>', '假设企业落地，如 "哈轴@机器人轴承@临清"（名称或 id）；"新企业@铝板带箔@茌平" 为假设的新进入者（可重复） / a company lands, by name or id; "new@segment@county" a hypothetical entrant (repeatable)', collect)
    .option('--close <enterprise@segment@share>', '本地企业关停，如 信发集团；只关一个环节或部分产能：信发集团@电解铝、信发集团@电解铝@50%（名称或 id，可重复） / a local enterprise closes, by name or id; one segment or a share of it: xinfa-group@nf-primary-aluminium@50% (repeatable)', collect)
    .option('--priority <name=weight>', '产业或环节的城市优先级，如 新能源=1（可重复） / city priority of an industry or segment, e.g. new-energy=1 (repeatable)', collect)
    .option('--exclude <company>', '已签约或已对接的企业不再排序（名称或 id，可重复） / leave a company out (repeatable)', collect)
    .option('--companies <file>', '用 JSON 文件中的企业（如 import --out 的结果）代替内置目标企业 / use the companies in this JSON file (e.g. an import result)')
    .option('--weights <preset>', '权重方案 均衡|补短板|强链|前瞻布局|熵权法|学习权重（或 balanced|fill-first|strengthen-first|build-first|entropy|learned；学习权重由本数据集的回测结果拟合，依据的落地很少，仅供对照） / weights preset, entropy, or learned (fitted on this dataset\'s backtest outcomes; rests on few landings, for comparison only)')
    .option('--size <亿元>', '--land 的本地营收（亿元，默认 10） / local revenue of --land plants (亿元)')
    .option('--top <n>', '每个表显示的行数（默认 15） / rows per table (default 15)')
    .option('--out <file>', '把变化表写入文件：.xlsx 为 Excel 工作簿，其他为 CSV / write the change table to a file (.xlsx workbook, else CSV)')
    .option('--without-corrections [ids]', '不用更正记录（corrections.json）：全部，或逗号分隔的记录 id / switch off the corrections: all, or the comma-separated entry ids')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const parsed = { data: parseOptions(WhatifArgs, opts, 'whatif') };
      const loaded = await ctx.loadData();
      const ds = parsed.data.companies !== undefined ? await datasetWithCompanies(loaded, parsed.data.companies, ctx, io) : loaded;
      const scenario = await buildScenario(ds, parsed.data, io.cwd);
      const context = buildGapContext(ds);
      const base = runScenario(ds, { name: ctx.t('基准', 'base'), changes: [] }, { context });
      const other = runScenario(ds, scenario, { context });
      const diff = compareScenarios(base, other);
      if (parsed.data.out !== undefined) {
        const { rows, columns } = diffTable(diff, ctx.lang);
        await writeTableFile(resolve(io.cwd, parsed.data.out), rows, columns, ctx.lang, ctx.t('情景推演', 'What-if'));
        io.stderr.write(ctx.t(`已写入：${parsed.data.out}\n`, `written: ${parsed.data.out}\n`));
      }
      if (ctx.format === 'json') io.stdout.write(toJson({ scenario, diff }));
      else if (ctx.format === 'csv') io.stdout.write(csvOut(diff, ctx.lang));
      else io.stdout.write(renderTable(ctx, diff, scenario, parsed.data.top));
    });
}

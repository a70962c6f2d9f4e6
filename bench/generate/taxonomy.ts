import type { City, Dataset, DatasetMeta, Enterprise, Industry, Link, Segment } from '../../src/schema/index.js';
import { firmName } from './names.js';
import type { Rng } from './rng.js';
import { MODIFIERS, SOURCES } from './vocabulary.js';

/** Everything of a dataset but the target companies. */
export interface Taxonomy {
  readonly meta: DatasetMeta;
  readonly industries: readonly Industry[];
  readonly segments: readonly Segment[];
  readonly links: readonly Link[];
  readonly enterprises: readonly Enterprise[];
  readonly cities: readonly City[];
  /** The real (block-0) industry id of each segment, by segment index: picks firm-name words. */
  readonly baseIndustryOf: readonly string[];
}

const HAN = /[\u3400-\u9fff]/;

function suffix(id: string, block: number): string {
  return block === 0 ? id : `${id}-m${block}`;
}

function modifyKeyword(kw: string, block: number): string {
  const [zh, en] = MODIFIERS[block]!;
  if (block === 0) return kw;
  return HAN.test(kw) ? `${zh}${kw}` : `${en.toLowerCase()} ${kw}`;
}

/** Stage transitions of the 聊城 links (from > to), with their counts: the generated links follow them. */
const TRANSITIONS: readonly (readonly [string, number])[] = [
  ['upstream>midstream', 62], ['midstream>downstream', 155], ['midstream>upstream', 6], ['midstream>midstream', 65], ['upstream>upstream', 18],
  ['upstream>downstream', 31], ['downstream>downstream', 43], ['downstream>midstream', 27], ['downstream>upstream', 11],
];

const WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 70], [0.4, 43], [0.2, 10], [0.7, 67], [0.9, 48], [0.5, 42], [0.3, 31], [0.8, 59], [0.6, 48], [0.1, 5],
];

/** Share of cross-industry links among the 聊城 links (141 / 418). */
const CROSS_SHARE = 141 / 418;

function blockOfSegments(base: Dataset, block: number, limit: number): Segment[] {
  const [zh, en] = MODIFIERS[block]!;
  return base.segments.slice(0, limit).map((s) => ({
    ...s,
    id: suffix(s.id, block),
    name: `${zh}${s.name}`,
    nameEn: block === 0 ? s.nameEn : `${en} ${s.nameEn}`,
    industry: suffix(s.industry, block),
    ...(s.subDirection !== undefined ? { subDirection: suffix(s.subDirection, block) } : {}),
    keywords: s.keywords.map((k) => modifyKeyword(k, block)),
  }));
}

function blockOfIndustries(base: Dataset, block: number, used: ReadonlySet<string>): Industry[] {
  const [zh, en] = MODIFIERS[block]!;
  return base.industries
    .filter((i) => used.has(suffix(i.id, block)))
    .map((i) => ({
      ...i,
      id: suffix(i.id, block),
      name: `${zh}${i.name}`,
      nameEn: block === 0 ? i.nameEn : `${en} ${i.nameEn}`,
      subDirections: i.subDirections.map((d) => ({ ...d, id: suffix(d.id, block), name: `${zh}${d.name}`, nameEn: block === 0 ? d.nameEn : `${en} ${d.nameEn}` })),
    }));
}

function randomLink(rng: Rng, from: Segment, to: Segment): Link {
  const io = rng.chance(0.72);
  return {
    from: from.id,
    to: to.id,
    weight: rng.weighted(WEIGHTS),
    basis: io ? 'io-table' : 'judgement',
    ...(io ? { ioCoefficient: Math.round(rng.next() * 500) / 1000 } : {}),
    source: io ? '国家统计局 2020年投入产出表 (153部门) direct-input coefficient (synthetic)' : 'industry chain framing (judgement, synthetic)',
    confidence: 'medium',
    asOf: '2020',
  };
}

function extraLinks(rng: Rng, segments: readonly Segment[], have: Link[], target: number): void {
  const seen = new Set(have.map((l) => `${l.from}>${l.to}`));
  const byIndustryStage = new Map<string, Segment[]>();
  const byStage = new Map<string, Segment[]>();
  for (const s of segments) {
    const key = `${s.industry}|${s.stage}`;
    (byIndustryStage.get(key) ?? byIndustryStage.set(key, []).get(key)!).push(s);
    (byStage.get(s.stage) ?? byStage.set(s.stage, []).get(s.stage)!).push(s);
  }
  const industryList = [...new Set(segments.map((s) => s.industry))];
  let guard = 0;
  while (have.length < target && guard++ < target * 50) {
    const [fromStage, toStage] = rng.weighted(TRANSITIONS).split('>') as [string, string];
    const from = rng.pick(byStage.get(fromStage) ?? segments);
    const pool = rng.chance(CROSS_SHARE) ? byIndustryStage.get(`${rng.pick(industryList)}|${toStage}`) : byIndustryStage.get(`${from.industry}|${toStage}`);
    if (pool === undefined || pool.length === 0) continue;
    const to = rng.pick(pool);
    const key = `${from.id}>${to.id}`;
    if (to.id === from.id || seen.has(key)) continue;
    seen.add(key);
    have.push(randomLink(rng, from, to));
  }
}

function blockOfEnterprises(rng: Rng, base: Dataset, block: number, segmentIds: ReadonlySet<string>, taken: Set<string>, baseIndustryOf: ReadonlyMap<string, string>): Enterprise[] {
  const out: Enterprise[] = [];
  for (const e of base.enterprises) {
    const segs = e.segments.map((s) => suffix(s, block)).filter((s) => segmentIds.has(s));
    if (segs.length === 0) continue;
    // Revenue shares (issue 14) follow the renamed segments; shares of segments outside the taxonomy are dropped.
    const { segmentShares: shares0, ...e0 } = e;
    const shares = shares0 === undefined ? undefined : Object.fromEntries(Object.entries(shares0).map(([k, v]) => [suffix(k, block), v] as const).filter(([k]) => segs.includes(k)));
    const withShares = shares !== undefined && Object.keys(shares).length > 0 ? { segmentShares: shares } : {};
    if (block === 0) {
      out.push({ ...e0, segments: segs, ...withShares });
      continue;
    }
    const { name } = firmName(rng, baseIndustryOf.get(e.segments[0]!) ?? '', '聊城', taken);
    const { nameEn: _nameEn, note: _note, parent: _parent, park: _park, capacity: _capacity, parentCompanyId: _pc, ...rest } = e0;
    out.push({ ...rest, id: suffix(e.id, block), name, segments: segs, ...withShares, source: rng.pick(SOURCES) });
  }
  return out;
}

/**
 * Build a chain taxonomy of the requested size from the real one: block 0 is the 聊城 taxonomy itself,
 * block k its segments and industries with modifier k (精密…, 车用…), links copied inside each block,
 * then random links (same stage transitions and cross-industry share as 聊城) up to the link count,
 * local enterprises copied per block. Places are the real 聊城 places table.
 *
 * @param base - the embedded dataset
 * @param segmentCount - number of segments (≤ 60 × the real count)
 * @param linkCount - number of links
 * @param rng - the draws
 * @returns the taxonomy
 */
export function generateTaxonomy(base: Dataset, segmentCount: number, linkCount: number, rng: Rng): Taxonomy {
  const per = base.segments.length;
  const blocks = Math.ceil(segmentCount / per);
  if (blocks > MODIFIERS.length) throw new Error(`generateTaxonomy: at most ${MODIFIERS.length * per} segments`);
  const segments: Segment[] = [];
  const industries: Industry[] = [];
  const links: Link[] = [];
  const enterprises: Enterprise[] = [];
  const baseIndustryOf: string[] = [];
  const taken = new Set<string>(base.enterprises.map((e) => e.name));
  const baseIndustryBySegment = new Map(base.segments.map((s) => [s.id, s.industry]));
  for (let b = 0; b < blocks; b++) {
    const segs = blockOfSegments(base, b, Math.min(per, segmentCount - b * per));
    const ids = new Set(segs.map((s) => s.id));
    segments.push(...segs);
    base.segments.slice(0, segs.length).forEach((s) => baseIndustryOf.push(s.industry));
    industries.push(...blockOfIndustries(base, b, new Set(segs.map((s) => s.industry))));
    for (const l of base.links) {
      const from = suffix(l.from, b);
      const to = suffix(l.to, b);
      if (ids.has(from) && ids.has(to)) links.push({ ...l, from, to });
    }
    enterprises.push(...blockOfEnterprises(rng, base, b, ids, taken, baseIndustryBySegment));
  }
  if (links.length > linkCount) {
    // Keep a seeded sample of the copied links (Fisher–Yates prefix).
    for (let i = 0; i < linkCount; i++) {
      const j = i + Math.floor(rng.next() * (links.length - i));
      [links[i], links[j]] = [links[j]!, links[i]!];
    }
    links.length = linkCount;
  } else extraLinks(rng, segments, links, linkCount);
  const industryPriority = base.meta.priorities?.industries ?? {};
  const priorities: Record<string, number> = {};
  for (const i of industries) {
    const baseId = i.id.replace(/-m\d+$/, '');
    const p = industryPriority[baseId];
    if (p !== undefined) priorities[i.id] = p;
  }
  const meta: DatasetMeta = {
    ...base.meta,
    id: `bench-${segmentCount}`,
    name: `基准测试数据集（${segmentCount} 个环节）`,
    nameEn: `Benchmark dataset (${segmentCount} segments)`,
    description: '由 bench/generate 按聊城数据集的形态生成的合成数据，仅用于性能测试。',
    priorities: { ...base.meta.priorities, industries: priorities },
  };
  return { meta, industries, segments, links, enterprises, cities: base.cities, baseIndustryOf };
}

// Hand-made datasets and gap analyses for the scoring tests. Every number a test relies on is set here
// explicitly, so expected values can be worked out by hand.
import { parseDataset } from '../../src/dataset/parseDataset.js';
import type { GapAnalysis, GapKind, SegmentGap } from '../../src/gaps/types.js';
import type { Company, Dataset } from '../../src/schema/index.js';
import { goodInput } from '../helpers/fixtures.js';

const PROV = { source: 'test fixture', confidence: 'high', asOf: '2026-01' } as const;

/** A company record with defaults (HQ 上海, private, no revenue, no lists); override any field. */
export function company(id: string, over: Partial<Company> = {}): Company {
  return { id, name: `${id} 有限公司`, hq: { province: '上海市', city: '上海市' }, ownership: 'private', segments: [], ...PROV, ...over } as Company;
}

/**
 * A mini chain in one industry `ind` (priority 1 in dataset.meta):
 *   up (present: local firm up-co, 120亿元, chain leader) → gap (fill) and up → ok (present, healthy), each weight 0.5;
 *   ok-co (local, 30亿元) sits on `ok`. Places: 测试市 (home, 济南都市圈), 上海市 (长三角, rail 4.5 h), 远方市 (no region).
 */
export function miniDataset(companies: readonly Company[] = []): Dataset {
  const seg = (id: string, stage: string) => ({ id, name: `环节${id}`, nameEn: `Segment ${id}`, industry: 'ind', stage, keywords: [id], ...PROV });
  return parseDataset({
    meta: { id: 'mini', name: '迷你', nameEn: 'Mini', home: { province: '山东省', city: '测试市', lon: 116, lat: 36.5 }, asOf: '2026-01', description: 'mini', sources: [{ title: 't' }], priorities: { industries: { ind: 1 } } },
    industries: [{ id: 'ind', name: '产业', nameEn: 'Industry', subDirections: [], ...PROV }],
    segments: [seg('up', 'upstream'), seg('gap', 'midstream'), seg('ok', 'midstream')],
    links: [
      { from: 'up', to: 'gap', weight: 0.5 },
      { from: 'up', to: 'ok', weight: 0.5 },
    ],
    enterprises: [
      { id: 'up-co', name: '上游集团', segments: ['up'], county: '甲县', revenue: 120, chainLeader: true, ...PROV },
      { id: 'ok-co', name: '健康公司', segments: ['ok'], county: '甲县', revenue: 30, ...PROV },
    ],
    companies,
    cities: [
      { name: '测试市', province: '山东省', lon: 116, lat: 36.5, regions: ['济南都市圈'], ...PROV },
      { name: '甲县', province: '山东省', level: 'county', parent: '测试市', lon: 116.1, lat: 36.6, regions: [], ...PROV },
      { name: '上海市', province: '上海市', lon: 121.47, lat: 31.23, regions: ['长三角'], railHours: 4.5, ...PROV },
      { name: '远方市', province: '远方省', lon: 90, lat: 40, regions: [], ...PROV },
    ],
  });
}

interface GapSpec {
  readonly kind?: GapKind;
  readonly priority?: number;
  readonly presence?: number;
  readonly localFirms?: readonly string[];
}

/** A hand-made gap analysis: every segment of `ds`, kind `none` / priority 0 / presence 0 unless given. */
export function handGaps(ds: Dataset, spec: Readonly<Record<string, GapSpec>>): GapAnalysis {
  const counts = { fill: 0, extend: 0, strengthen: 0, build: 0, none: 0 };
  const segments = ds.segments.map((s): SegmentGap => {
    const g = spec[s.id] ?? {};
    const kind = g.kind ?? 'none';
    counts[kind]++;
    const base = {
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      industry: s.industry,
      stage: s.stage,
      strategic: s.strategic === true,
      priority: g.priority ?? 0,
      measures: { presence: g.presence ?? 0, relatedness: 0, demandPull: 0, supplyPush: 0, localSupplyRate: null, pagerank: 0, betweenness: 0, hhi: null, firmCount: g.localFirms?.length ?? 0, localRevenue: 0 },
      localFirms: g.localFirms ?? [],
      reasons: [],
    };
    // Cast: the hand-made gap carries only what scoring reads (the contract may grow more fields).
    const extra = kind === 'extend' ? { direction: 'downstream' } : kind === 'strengthen' ? { weakness: ['low-presence'] } : kind === 'build' ? { basis: 'strategic-unit' } : {};
    return { ...base, kind, ...extra } as unknown as SegmentGap;
  });
  return { segments, industries: [], subDirections: [], city: { completeness: 0, localSupplyRate: 0, counts } } as GapAnalysis;
}

/** The gaps of `miniDataset`: up present (1.0, up-co), gap = 补链 priority 0.9, ok present (1.0, ok-co) and healthy. */
export function miniGaps(ds: Dataset): GapAnalysis {
  return handGaps(ds, {
    up: { presence: 1, localFirms: ['up-co'] },
    gap: { kind: 'fill', priority: 0.9 },
    ok: { presence: 1, localFirms: ['ok-co'] },
  });
}

/** The good fixture dataset, with `companies` replacing its target companies when given. */
export function goodDataset(companies?: readonly Company[]): Dataset {
  const input = goodInput();
  return parseDataset({ ...input, ...(companies !== undefined ? { companies } : {}) });
}

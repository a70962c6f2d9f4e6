// fast-check generators of small random chain datasets for the property tests.
import { fc } from '@fast-check/vitest';
import type { Dataset } from '../../src/schema/dataset.js';
import { makeChain, type ChainSpec } from '../fixtures/chains/makeChain.js';

const BANDS = ['<1', '1-10', '10-50', '50-100', '100-500'] as const;

/** A random chain spec: 2–10 segments in 1–3 industries, random links, firms and priorities. */
export const chainSpecArb: fc.Arbitrary<ChainSpec> = fc
  .record({
    n: fc.integer({ min: 2, max: 10 }),
    industries: fc.array(fc.record({ strategic: fc.boolean(), sub: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ n, industries }) => {
    const inds = industries.map((x, k) => ({ id: `i${k}`, strategic: x.strategic, subDirections: x.sub ? ['d0', 'd1'].map((d) => `i${k}-${d}`) : [] }));
    const segment = fc.record({
      industry: fc.integer({ min: 0, max: inds.length - 1 }),
      sub: fc.integer({ min: 0, max: 2 }),
      strategic: fc.option(fc.boolean(), { nil: undefined }),
      group: fc.option(fc.constantFrom('g0', 'g1'), { nil: undefined }),
      resource: fc.boolean(),
    });
    const pair = fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.double({ min: 0.05, max: 1, noNaN: true }));
    const firm = fc.record({
      segments: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 2 }),
      revenue: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: undefined }),
      band: fc.constantFrom(...BANDS),
      status: fc.constantFrom('operating', 'operating', 'under-construction', 'closed') as fc.Arbitrary<'operating' | 'under-construction' | 'closed'>,
    });
    return fc.record({
      segments: fc.array(segment, { minLength: n, maxLength: n }),
      links: fc.uniqueArray(pair, { selector: ([a, b]) => `${a}>${b}`, maxLength: 3 * n }),
      firms: fc.array(firm, { maxLength: n + 2 }),
      priority: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    }).map(({ segments, links, firms, priority }): ChainSpec => ({
      industries: inds,
      segments: segments.map((s, k) => {
        const ind = inds[s.industry]!;
        const sub = ind.subDirections[s.sub];
        return {
          id: `s${k}`,
          industry: ind.id,
          ...(sub !== undefined ? { subDirection: sub } : {}),
          ...(s.strategic !== undefined ? { strategic: s.strategic } : {}),
          ...(s.group !== undefined ? { group: s.group } : {}),
          ...(s.resource ? { ioSector: '001' } : {}),
        };
      }),
      links: links.filter(([a, b]) => a !== b).map(([a, b, w]) => [`s${a}`, `s${b}`, w] as const),
      firms: firms.map((f, k) => ({
        id: `f${k}`,
        segments: f.segments.map((s) => `s${s}`),
        ...(f.revenue !== undefined ? { revenue: f.revenue } : { revenueBand: f.band }),
        status: f.status,
      })),
      ...(priority !== undefined ? { priorities: { industries: { i0: priority } } } : {}),
    }));
  });

/** A random dataset (see chainSpecArb). */
export const datasetArb: fc.Arbitrary<Dataset> = chainSpecArb.map(makeChain);

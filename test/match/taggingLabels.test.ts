import { describe, expect, it } from 'vitest';
import labels from '../fixtures/import/tagging-labels.json';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { createKeywordTagger } from '../../src/match/createKeywordTagger.js';

// Floors for the hand-labelled set (test/fixtures/import/tagging-labels.json, 133 real companies) against
// the embedded 聊城 segments. Prediction = the confirmed candidates. Micro-averaged over companies.
// Measured when written: industry P 0.986 / R 0.946; segment P 0.981 / R 0.927 (top industry P 0.992).
const FLOORS = { industryPrecision: 0.9, industryRecall: 0.85, segmentPrecision: 0.85, segmentRecall: 0.75 } as const;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const score = (c: Counts): { precision: number; recall: number } => ({ precision: c.tp / (c.tp + c.fp), recall: c.tp / (c.tp + c.fn) });
function count(c: Counts, predicted: ReadonlySet<string>, expected: ReadonlySet<string>): void {
  for (const p of predicted) (expected.has(p) ? c.tp++ : c.fp++);
  for (const e of expected) if (!predicted.has(e)) c.fn++;
}

function evaluate(): { industry: Counts; segment: Counts; top: Counts } {
  const ds = liaocheng();
  const tagger = createKeywordTagger(ds);
  const industry = { tp: 0, fp: 0, fn: 0 };
  const segment = { tp: 0, fp: 0, fn: 0 };
  const top = { tp: 0, fp: 0, fn: 0 };
  for (const c of labels.companies) {
    const r = tagger.classify(c);
    const confirmed = r.segments.filter((x) => x.status === 'confirmed');
    count(segment, new Set(confirmed.map((x) => x.segment)), new Set(c.segments));
    count(industry, new Set(confirmed.map((x) => x.industry)), new Set(c.industries));
    count(top, new Set(r.industries.slice(0, 1).map((x) => x.industry)), new Set(c.industries.slice(0, 1)));
  }
  return { industry, segment, top };
}

describe('tagging on the hand-labelled set of real companies', () => {
  it('has at least 60 labelled companies whose labels exist in the embedded dataset', () => {
    const ds = liaocheng();
    const industryOf = new Map(ds.segments.map((s) => [s.id, s.industry]));
    expect(labels.companies.length).toBeGreaterThanOrEqual(60);
    for (const c of labels.companies) {
      expect(c.products.length + c.businessScope.length).toBeGreaterThan(0);
      for (const s of c.segments) expect(c.industries).toContain(industryOf.get(s));
    }
  });

  it(`keeps industry-level precision ≥ ${FLOORS.industryPrecision} and recall ≥ ${FLOORS.industryRecall}, segment-level ≥ ${FLOORS.segmentPrecision} / ${FLOORS.segmentRecall}`, () => {
    const m = evaluate();
    const ind = score(m.industry);
    const seg = score(m.segment);
    expect(ind.precision, `industry precision ${ind.precision.toFixed(3)}`).toBeGreaterThanOrEqual(FLOORS.industryPrecision);
    expect(ind.recall, `industry recall ${ind.recall.toFixed(3)}`).toBeGreaterThanOrEqual(FLOORS.industryRecall);
    expect(seg.precision, `segment precision ${seg.precision.toFixed(3)}`).toBeGreaterThanOrEqual(FLOORS.segmentPrecision);
    expect(seg.recall, `segment recall ${seg.recall.toFixed(3)}`).toBeGreaterThanOrEqual(FLOORS.segmentRecall);
    // The best industry candidate is the company's main industry almost always.
    expect(score(m.top).precision).toBeGreaterThanOrEqual(0.9);
  });
});

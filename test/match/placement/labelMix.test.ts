// Session 8 (place5, issue 13): `labelMix` (option, off by default) — a coarse label off every chain by its codes whose
// listed firms are, by 申万 L3 (data/concordance/tushare-sw2021-mix.json), at least as often on one industry as off
// every chain holds a firm there as uncertain. Names are made up (某某…): the rule is general, none is keyed to a firm.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { createPlacer } from '../../../src/match/placement/createPlacer.js';
import { defaultConcordances } from '../../../src/match/placement/defaultConcordances.js';
import type { LabelConcordance } from '../../../src/match/placement/labelCodes.js';
import tushare from '../../../data/concordance/tushare.json';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const vendor = (name: string) => [{ scheme: 'vendor' as const, name }];

describe('data/concordance/tushare-sw2021-mix.json', () => {
  const raw = JSON.parse(readFileSync(join(ROOT, 'data', 'concordance', 'tushare-sw2021-mix.json'), 'utf8')) as { source: string; licence: string; labels: Record<string, Record<string, number>> };

  it('states its source, leaves the evaluated firms out, and counts only labels Tushare has, in 申万 L3 classes the concordance knows', () => {
    expect(raw.source).toMatch(/a_share_companies_merged\.csv/);
    expect(raw.source).toMatch(/leaving out every company of eval\/placement\/listed-labels\.csv/);
    expect(raw.licence.length).toBeGreaterThan(10);
    const tushareLabels = new Set(tushare.entries.map((e) => e.label));
    const sw = new Set(defaultConcordances().filter((c) => c.scheme === 'sw2021').flatMap((c) => c.entries.filter((e) => e.level === 3).map((e) => e.label.replace(/Ⅲ$/, ''))));
    for (const [label, parts] of Object.entries(raw.labels)) {
      expect(tushareLabels.has(label), label).toBe(true);
      for (const [l3, n] of Object.entries(parts)) {
        expect(sw.has(l3.replace(/Ⅲ$/, '')), `${label} → ${l3}`).toBe(true);
        expect(Number.isInteger(n) && n > 0).toBe(true);
      }
    }
  });

  it('is attached to the shipped Tushare entries', () => {
    const entry = defaultConcordances().flatMap((c) => c.entries).find((e) => e.label === '软件服务' && e.mix !== undefined);
    expect(entry?.mix?.some((p) => p.scheme === 'sw2021' && p.label === '垂直应用软件' && p.n > 0)).toBe(true);
  });
});

describe('createPlacer: a coarse label\'s make-up (labelMix)', () => {
  const on = createPlacer(liaocheng(), defaultConcordances(), { labelMix: true });
  const off = createPlacer(liaocheng(), defaultConcordances());

  it('holds a 软件服务 firm (GB/T 65, off every chain by its codes) on 新一代信息技术 as uncertain, since most such firms are software or computer makers by 申万 L3', () => {
    const p = on.place({ name: '某某科技股份有限公司', industryLabels: vendor('软件服务') });
    expect(p.status).toBe('uncertain');
    expect(p.industries).toEqual(['ict']);
    expect(p.evidence[0]?.matched).toMatch(/按申万三级在新一代信息技术的行业代码内/);
    // The English half names the industry in English, not by its id.
    expect(p.evidence[0]?.matched).toMatch(/listed firms are on Next-generation information technology by 申万 L3/);
    // Off by default, and then the code decides: off every chain.
    expect(off.place({ name: '某某科技股份有限公司', industryLabels: vendor('软件服务') }).status).toBe('off-chain');
  });

  it('leaves 互联网 (mostly games, marketing, portals by 申万) and an off-chain name (某某教育) off every chain', () => {
    expect(on.place({ name: '某某网络科技股份有限公司', industryLabels: vendor('互联网') }).status).toBe('off-chain');
    expect(on.place({ name: '某某教育科技股份有限公司', industryLabels: vendor('软件服务') }).status).toBe('off-chain');
  });

  it('needs as many firms on the industry as off every chain, and enough firms', () => {
    const mk = (parts: [string, number][]): LabelConcordance[] => [
      ...defaultConcordances(),
      { scheme: 'vendor', entries: [{ label: '某信息服务', gb: ['65'], mix: parts.map(([label, n]) => ({ scheme: 'sw2021' as const, label, n })) }] },
    ];
    const place = (parts: [string, number][], minFirms = 20) => createPlacer(liaocheng(), mk(parts), { labelMix: true, labelMixMinFirms: minFirms }).place({ name: '某某科技股份有限公司', industryLabels: vendor('某信息服务') });
    expect(place([['垂直应用软件', 30], ['IT服务Ⅲ', 20]]).industries).toEqual(['ict']);
    expect(place([['垂直应用软件', 20], ['IT服务Ⅲ', 30]]).status).toBe('off-chain');
    expect(place([['垂直应用软件', 12], ['IT服务Ⅲ', 2]]).status).toBe('off-chain');
    expect(place([['垂直应用软件', 12], ['IT服务Ⅲ', 2]], 10).industries).toEqual(['ict']);
  });

  it('never confirms, and never moves a firm its codes already place', () => {
    for (const e of tushare.entries) {
      const a = on.place({ name: '某某股份有限公司', industryLabels: vendor(e.label) });
      const b = off.place({ name: '某某股份有限公司', industryLabels: vendor(e.label) });
      if (b.status !== 'off-chain') expect(a, e.label).toEqual(b);
      else if (a.status !== 'off-chain') expect(a.status, e.label).toBe('uncertain');
    }
  });
});

// The interactive 招商图谱's data and its embedding: the payload matches the chain maps, hostile names cannot close
// the JSON script element, and the CSP admits exactly the two inline scripts by hash.
import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { stripControlChars } from '../../../src/internal/controlChars.js';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { INTERACTIVE_CLIENT_JS } from '../../../src/handbook/interactive/clientScript.js';
import { readEchartsBrowserBuild } from '../../../src/handbook/interactive/echartsAsset.js';
import { jsonForScript } from '../../../src/handbook/interactive/jsonScript.js';
import { interactivePayload } from '../../../src/handbook/interactive/mapPayload.js';
import { renderHtml } from '../../../src/handbook/render/html.js';
import { HOSTILE, tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

const handbook = (hostile = false) => buildHandbookFromResults(tinyDataset(hostile), { gaps: tinyGaps(hostile), ranking: tinyRanking() });
const FAKE_ECHARTS = 'window.echarts = { init: function () {} };';

describe('jsonForScript', () => {
  it('escapes what could end the script element and nothing is lost', () => {
    expect(jsonForScript({ name: '</script><!--' })).toBe('{"name":"\\u003c/script\\u003e\\u003c!--"}');
  });
  test.prop([fc.jsonValue()])('round-trips through JSON.parse (control characters removed) and never contains < > & U+2028 U+2029', (v) => {
    const s = jsonForScript(v);
    expect(s).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(s)).toEqual(JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? stripControlChars(x) : x))));
  });
  it('removes control characters and bidi overrides from strings', () => {
    expect(jsonForScript(['a\u001b[2Jb\u202Ec'])).toBe('["a[2Jbc"]');
  });
});

describe('interactivePayload', () => {
  it('has one map per chapter with every node of the chain map, placed like the static SVG, and a detail per segment', () => {
    const hb = handbook();
    const p = interactivePayload(hb);
    expect(Object.keys(p.maps)).toEqual(hb.chapters.map((c) => c.industry.id));
    for (const c of hb.chapters) {
      const m = p.maps[c.industry.id]!;
      expect(m.nodes.map((n) => n.id)).toEqual(c.map.nodes.map((n) => n.id));
      expect(m.edges.length).toBe(c.map.edges.length);
      for (const n of m.nodes) {
        expect(n.x).toBeGreaterThan(0);
        expect(n.x).toBeLessThan(m.width);
        expect(p.details[n.id]).toBeDefined();
      }
    }
  });

  it('lists a gap’s reasons and local firms from the gap table, and the targets that match the segment by score', () => {
    const hb = handbook();
    const p = interactivePayload(hb);
    // Hand-made fixture: m-profile is a fill gap; profile-co (0.55) targets it.
    const gap = hb.chapters.flatMap((c) => c.gaps).find((g) => g.segment === 'm-profile')!;
    expect(p.details['m-profile']!.reasons).toEqual(gap.reasons);
    expect(p.details['m-profile']!.localFirms).toEqual(gap.localFirms);
    expect(p.details['m-profile']!.targets.map((t) => t.id)).toEqual(['profile-co']);
    expect(p.details['e-cell']!.targets.map((t) => t.id)).toEqual(['cell-co']);
  });
});

describe('renderHtml with the interactive layer', () => {
  it('without echartsJs has no script at all', () => {
    expect(renderHtml(handbook())).not.toMatch(/<script/i);
  });

  it('embeds the payload inertly: a hostile name never closes the JSON element', () => {
    const html = renderHtml(handbook(true), { echartsJs: FAKE_ECHARTS });
    expect(html.match(/<script/gi)?.length).toBe(3);
    expect(html.match(/<\/script>/gi)?.length).toBe(3);
    expect(html).not.toContain(HOSTILE.script);
    const json = /<script type="application\/json" id="ct-map-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    const payload = JSON.parse(json!) as ReturnType<typeof interactivePayload>;
    expect(JSON.stringify(payload)).toContain(HOSTILE.script); // the name is in the data, intact
  });

  it('admits exactly its two inline scripts by SHA-256 in the Content-Security-Policy', () => {
    const html = renderHtml(handbook(), { echartsJs: FAKE_ECHARTS });
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(FAKE_ECHARTS)} ${hash(INTERACTIVE_CLIENT_JS)}`);
    expect(csp).not.toContain('unsafe-inline\'; script');
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(html).toContain(`<script>${INTERACTIVE_CLIENT_JS}</script>`);
  });

  it('reads the installed ECharts browser build, which has the graph series and no closing script tag', async () => {
    const js = await readEchartsBrowserBuild();
    expect(js.length).toBeGreaterThan(500_000);
    expect(js).toContain('"graph"');
    expect(js).not.toMatch(/<\/script/i);
  });
});

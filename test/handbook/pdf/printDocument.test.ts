import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { buildHandbook } from '../../../src/handbook/buildHandbook.js';
import { printDocument } from '../../../src/handbook/pdf/printHandbookPdf.js';
import { renderHtml } from '../../../src/handbook/render/html.js';

describe('printDocument (the copy Chromium prints)', () => {
  it('drops every script and hides the page on screen only', () => {
    const out = printDocument('<html><head><title>t</title></head><body><script>x()</script><p>a</p><script type="application/json" id="d">{"a":"<\\/script>"}</script></body></html>');
    expect(out).toBe('<html><head><title>t</title><style>@media screen { body { display: none !important; } }</style></head><body><p>a</p></body></html>');
  });

  it('keeps the printed handbook: same markup outside the scripts, static chain maps included', () => {
    const hb = buildHandbook(liaocheng(), { top: 3, cardsPerIndustry: 1 });
    const html = renderHtml(hb, { echartsJs: 'window.echarts = {};' });
    const out = printDocument(html);
    expect(out).not.toContain('<script');
    expect(out).toContain('@media screen { body { display: none !important; } }');
    const strip = (s: string): string => s.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace('<style>@media screen { body { display: none !important; } }</style>', '');
    expect(strip(out)).toBe(strip(html));
    expect((out.match(/<svg[^>]*class="chain-map/g) ?? []).length).toBe(hb.chapters.length);
  });
});

import { describe, expect, it } from 'vitest';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { escapeMarkdown } from '../../../src/handbook/render/escapeMarkdown.js';
import { renderMarkdown } from '../../../src/handbook/render/markdown.js';
import { mermaidChainMap } from '../../../src/handbook/render/mermaidChainMap.js';
import { HOSTILE, tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

describe('renderMarkdown', () => {
  it('has a heading and (with mermaid: true) a Mermaid chain map per chapter, gap tables and target entries', () => {
    const hb = buildHandbookFromResults(tinyDataset(), { gaps: tinyGaps(), ranking: tinyRanking() }, { mermaid: true, cardsPerIndustry: 0 });
    const md = renderMarkdown(hb);
    expect(md.startsWith('# 测试市')).toBe(true);
    expect(md.match(/^## \d+ /gm)?.length).toBe(hb.chapters.length);
    expect(md.match(/^```mermaid$/gm)?.length).toBe(hb.chapters.length);
    expect(md.match(/^#### \d+\. /gm)?.length).toBe(hb.chapters.reduce((n, c) => n + c.targets.length, 0));
    expect(md).toContain('| 环节 | 链位 | 类型 |');
  });

  it('keeps data out of Mermaid syntax', () => {
    const hb = buildHandbookFromResults(tinyDataset(true), { gaps: tinyGaps(), ranking: tinyRanking() });
    const src = mermaidChainMap(hb.chapters[0]!.map, 'zh');
    expect(src).not.toContain('<img');
    expect(src).toContain('#lt;img src=x onerror=alert(1)#gt;');
    expect(src.split('\n').filter((l) => l.includes('["')).every((l) => /\["[^"]*"\]/.test(l))).toBe(true);
  });

  it('escapes Markdown and HTML in text', () => {
    expect(escapeMarkdown('<b>*x*</b> | y')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt; &#124; y');
    expect(escapeMarkdown(`a\nb`)).toBe('a b');
    expect(escapeMarkdown(HOSTILE.script)).not.toContain('<');
  });
});

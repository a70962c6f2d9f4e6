// The sources of the method appendix: mirrors are labelled as copies, the project's own compilation is not a source.
import { describe, expect, it } from 'vitest';
import { classifySource } from '../../../src/handbook/build/methodAppendix.js';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { renderHtml } from '../../../src/handbook/render/html.js';
import { renderMarkdown } from '../../../src/handbook/render/markdown.js';
import { parseDataset } from '../../../src/dataset/parseDataset.js';
import { goodInput } from '../../helpers/fixtures.js';
import { tinyGaps, tinyRanking } from '../fixtures.js';

// Shaped like entries of data/liaocheng/dataset.json (domains changed).
const SOURCES = [
  { title: '聊城日报 2025-02-06：产业体系、产业链链主（镜像）', url: 'some-hotel.example/105692.html', note: '镜像站，引用前请以 lcxw.cn 核对' },
  { title: '大健康产业链组建（2023年8月）（镜像，文本有乱码）', url: 'mirror.example/3741.html' },
  { title: '新华社 2023-12-08：济郑高铁全线贯通', note: '经 facts.md 转引（镜像，未给出完整地址）' },
  { title: '山东省工信厅 2022-08-05：聊城链长制', url: 'gxt.shandong.gov.cn/art/2022/8/5/a.html' },
  { title: 'chain-targeting 项目资料：公开事实汇编（facts.md）', note: '项目内部整理稿，列有各条事实的来源地址与可信度' },
];

describe('classifySource', () => {
  it('labels a mirror 转载/镜像, names the original publication from "publisher date：", keeps the copy address as it is', () => {
    expect(classifySource(SOURCES[0]!, 'zh')).toEqual({
      title: '聊城日报 2025-02-06：产业体系、产业链链主',
      url: 'some-hotel.example/105692.html',
      note: '镜像站，引用前请以 lcxw.cn 核对',
      kind: 'mirror',
      kindLabel: '转载/镜像',
      original: '聊城日报 2025-02-06',
    });
    expect(classifySource(SOURCES[0]!, 'en').kindLabel).toBe('Repost/mirror');
  });

  it('does not make up an original when the title names none, and keeps a marker that says more than 镜像', () => {
    const s = classifySource(SOURCES[1]!, 'zh');
    expect(s).toMatchObject({ kind: 'mirror', original: '', url: 'mirror.example/3741.html' });
    expect(s.title).toContain('文本有乱码');
  });

  it('treats a fact quoted through a mirror (转引) as a mirror of its named original, without an address', () => {
    expect(classifySource(SOURCES[2]!, 'zh')).toMatchObject({ kind: 'mirror', original: '新华社 2023-12-08', url: '' });
  });

  it('leaves a directly cited publication alone', () => {
    expect(classifySource(SOURCES[3]!, 'zh')).toMatchObject({ kind: 'published', kindLabel: '', original: '', url: SOURCES[3]!.url });
  });

  it('labels an internal draft 本项目整理（非公开出处）', () => {
    expect(classifySource(SOURCES[4]!, 'zh')).toMatchObject({ kind: 'internal', kindLabel: '本项目整理（非公开出处）', url: '' });
    expect(classifySource(SOURCES[4]!, 'en').kindLabel).toBe('Compiled by this project (not a public source)');
  });
});

describe('the sources appendix as rendered', () => {
  const input = goodInput();
  input.meta = { ...input.meta, sources: SOURCES };
  const hb = buildHandbookFromResults(parseDataset(input, 'tiny'), { gaps: tinyGaps(), ranking: tinyRanking() }, { lang: 'zh', date: '2026-02-03' });
  const html = renderHtml(hb);
  const appendix = html.slice(html.indexOf('id="appendix"'));
  const list = appendix.slice(appendix.indexOf('<ol>'), appendix.indexOf('</ol>'));

  it('lists public sources first, then mirrors labelled as copies with their original, and never the internal draft', () => {
    const items = list.split('<li').slice(1);
    expect(items).toHaveLength(4);
    expect(items[0]).toContain('山东省工信厅');
    expect(items[1]).toContain('转载/镜像');
    expect(items[1]).toContain('原载：聊城日报 2025-02-06');
    expect(items[1]).toContain('转载地址（非原始出处）：<code>some-hotel.example/105692.html</code>');
    expect(items[2]).toContain('原始出处未能确定');
    expect(list).not.toContain('项目资料');
    expect(list).not.toContain('内部整理稿');
  });

  it('shows the internal draft apart, as 本项目整理（非公开出处）, not to be cited', () => {
    const after = appendix.slice(appendix.indexOf('</ol>'));
    expect(after).toContain('本项目整理（非公开出处）</span>chain-targeting 项目资料');
    expect(after).toContain('不作为引用来源');
  });

  it('says the same in Markdown', () => {
    const md = renderMarkdown(hb);
    const part = md.slice(md.lastIndexOf('### 数据来源'));
    expect(part).toMatch(/^1\. 山东省工信厅/m);
    expect(part).toMatch(/^2\. \\\[转载\/镜像\\\] 聊城日报 2025-02-06：.* — 原载：聊城日报 2025-02-06；转载地址（非原始出处）：/m);
    expect(part).toMatch(/^本项目整理（非公开出处）：chain-targeting 项目资料.*不作为引用来源/m);
    expect(part).not.toMatch(/^\d+\. .*项目资料/m);
  });
});

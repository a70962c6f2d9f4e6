import type { DataIssueCode } from '../errors.js';

/** Parameters a data-issue text may quote. */
export interface IssueParams {
  readonly value?: unknown;
  readonly detail?: string;
  readonly expected?: string;
  readonly limit?: number;
  readonly other?: string;
}

type Texts = { readonly en: string; readonly zh: string };

const q = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `"${s !== undefined && s.length > 80 ? `${s.slice(0, 77)}...` : String(s)}"`;
};

/**
 * The English and Chinese text of a data issue (pattern of zod's locales: code + params → text).
 *
 * @example
 * dataIssueText('unknown-segment', { value: 'x', expected: 'segments.json' }).zh; // '未知环节 "x"…'
 */
export function dataIssueText(code: DataIssueCode, p: IssueParams = {}): Texts {
  switch (code) {
    case 'file-missing':
      return { en: 'file is missing; create it (a JSON array, or an object for dataset.json)', zh: '缺少该文件；请创建（JSON 数组；dataset.json 为对象）' };
    case 'file-unreadable':
      return { en: `file cannot be read: ${p.detail ?? ''}`, zh: `无法读取文件：${p.other ?? p.detail ?? ''}` };
    case 'file-too-large':
      return {
        en: `file is larger than the limit of ${p.limit ?? 0} bytes; split it or raise maxFileBytes`,
        zh: `文件超过 ${p.limit ?? 0} 字节上限；请拆分文件或调大 maxFileBytes`,
      };
    case 'file-not-regular':
      return { en: `file is refused: ${p.detail ?? ''}`, zh: `拒绝读取该文件：${p.other ?? p.detail ?? ''}` };
    case 'json-too-complex':
      return { en: `JSON is too complex: ${p.detail ?? ''}`, zh: `JSON 结构过于复杂：${p.other ?? p.detail ?? ''}` };
    case 'invalid-encoding':
      return {
        en: `file is not valid UTF-8 (${p.detail ?? ''}); save it as UTF-8 (Excel: "CSV UTF-8")`,
        zh: `文件不是有效的 UTF-8 编码（${p.detail ?? ''}）；请另存为 UTF-8`,
      };
    case 'invalid-json':
      return { en: `file is not valid JSON: ${p.detail ?? ''}`, zh: `文件不是有效的 JSON：${p.other ?? p.detail ?? ''}` };
    case 'unknown-field':
      return {
        en: `unknown field ${q(p.value)} is ignored${p.expected !== undefined ? `; did you mean ${q(p.expected)}?` : '; check the spelling'}`,
        zh: `未知字段 ${q(p.value)} 已忽略${p.expected !== undefined ? `；是否应为 ${q(p.expected)}？` : '；请检查拼写'}`,
      };
    case 'unknown-key':
      return {
        en: `unknown field ${q(p.value)} is not allowed${p.expected !== undefined ? `; did you mean ${q(p.expected)}?` : '; check the spelling or remove it'}`,
        zh: `不允许未知字段 ${q(p.value)}${p.expected !== undefined ? `；是否应为 ${q(p.expected)}？` : '；请检查拼写或删除'}`,
      };
    case 'forbidden-key':
      return {
        en: `key ${q(p.value)} is not allowed (it could alter object prototypes); rename or remove it`,
        zh: `不允许使用键 ${q(p.value)}（可能篡改对象原型）；请改名或删除`,
      };
    case 'invalid-value':
      return { en: p.detail ?? 'invalid value', zh: p.other ?? p.detail ?? '取值无效' };
    case 'duplicate-id':
      return {
        en: `duplicate id ${q(p.value)}, first used by ${p.other ?? 'an earlier record'}; ids must be unique`,
        zh: `id ${q(p.value)} 重复，已被${p.other ?? '前面的记录'}使用；id 必须唯一`,
      };
    case 'unknown-industry':
      return { en: `unknown industry ${q(p.value)}; add it to industries.json or fix the id`, zh: `未知产业 ${q(p.value)}；请在 industries.json 中添加或改正 id` };
    case 'unknown-sub-direction':
      return {
        en: `sub-direction ${q(p.value)} does not belong to industry ${q(p.expected)}${p.other ? ` (it belongs to ${q(p.other)})` : ''}`,
        zh: `细分方向 ${q(p.value)} 不属于产业 ${q(p.expected)}${p.other ? `（它属于 ${q(p.other)}）` : ''}`,
      };
    case 'unknown-segment':
      return { en: `unknown segment ${q(p.value)}; add it to segments.json or fix the id`, zh: `未知环节 ${q(p.value)}；请在 segments.json 中添加或改正 id` };
    case 'unknown-city':
      return {
        en: `unknown place ${q(p.value)}; add it to cities.json${p.other ? ` (did you mean ${q(p.other)}?)` : ''}`,
        zh: `未知地点 ${q(p.value)}；请在 cities.json 中添加${p.other ? `（是否应为 ${q(p.other)}？）` : ''}`,
      };
    case 'unknown-enterprise':
      return { en: `unknown local enterprise ${q(p.value)}; it must be an id in enterprises.json`, zh: `未知本地企业 ${q(p.value)}；须为 enterprises.json 中的 id` };
    case 'unknown-company':
      return { en: `unknown company ${q(p.value)}; it must be an id in companies.json`, zh: `未知企业 ${q(p.value)}；须为 companies.json 中的 id` };
    case 'self-link':
      return { en: `link from ${q(p.value)} to itself; a segment cannot supply itself`, zh: `环节 ${q(p.value)} 指向自身；环节不能供应自己` };
    case 'duplicate-link':
      return { en: `duplicate link ${q(p.value)}, first at ${p.other ?? 'an earlier record'}; merge the two`, zh: `重复的链接 ${q(p.value)}，已在${p.other ?? '前面'}出现；请合并` };
  }
}

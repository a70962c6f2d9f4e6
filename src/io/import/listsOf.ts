import type { CompanyList } from '../../schema/company.js';

const RULES: readonly (readonly [RegExp, CompanyList])[] = [
  [/世界500强|财富世界500强|fortune\s*global\s*500|global\s*500/i, 'fortune-global-500'],
  [/民营企业500强|民营500强|民企500强|private\s*500/i, 'china-private-500'],
  [/制造业企业500强|制造业500强|manufacturing\s*500/i, 'china-manufacturing-500'],
  [/中国企业500强|中国500强|china\s*500/i, 'china-500'],
  [/小巨人|little\s*giant/i, 'specialized-little-giant'],
  [/^(上市|上市公司|listed)$/i, 'listed'],
];
const LISTED = /^(是|已上市|上市|y|yes|true|1|listed)$|主板|创业板|科创板|北交所|港股|美股|a股|h股|新三板|nasdaq|nyse|hkex/i;
const NOT_LISTED = /未|否|非|no|false|^0$|退市|终止/i;

/**
 * Lists (三类500强, 专精特新"小巨人", listed) from a 榜单 cell, a 上市状态 cell and a stock code.
 *
 * @returns the lists found (sorted, unique) and the list names not recognised
 */
export function listsOf(listsText: string | undefined, listedText: string | undefined, stockCode: string | undefined): { lists: CompanyList[]; unknown: string[] } {
  const found = new Set<CompanyList>();
  const unknown: string[] = [];
  for (const token of (listsText ?? '').normalize('NFKC').split(/[,;|/、，；\n]+/)) {
    const t = token.trim();
    if (t.length === 0) continue;
    const exact = /^(fortune-global-500|china-500|china-private-500|china-manufacturing-500|specialized-little-giant|listed)$/.exec(t);
    const hit = exact ? (exact[1] as CompanyList) : RULES.find(([re]) => re.test(t))?.[1];
    if (hit !== undefined) found.add(hit);
    else unknown.push(t);
  }
  const listed = (listedText ?? '').normalize('NFKC').trim();
  if ((listed.length > 0 && LISTED.test(listed) && !NOT_LISTED.test(listed)) || (stockCode !== undefined && stockCode.trim().length > 0)) found.add('listed');
  return { lists: [...found].sort(), unknown };
}

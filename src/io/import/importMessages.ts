import type { ImportWarningCode, RejectCode } from './types.js';

/** Values a message may quote. */
export interface MessageParams {
  readonly column?: string;
  readonly value?: string;
  readonly detail?: string;
  readonly count?: number;
}

type Text = { readonly en: string; readonly zh: string };
const q = (v: string | undefined): string => (v === undefined ? '' : `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`);

/** A short name of each reject code, for summaries (拒绝原因：空行 ×1，缺总部地点 ×2). */
export const REJECT_LABELS: Readonly<Record<RejectCode, { readonly en: string; readonly zh: string }>> = {
  'empty-row': { en: 'empty row', zh: '空行' },
  'total-row': { en: 'total row', zh: '合计行' },
  'header-row': { en: 'repeated header row', zh: '重复的表头行' },
  'malformed-row': { en: 'malformed row', zh: '行格式错误' },
  'missing-name': { en: 'no name', zh: '缺企业名称' },
  'invalid-name': { en: 'not a company name', zh: '名称无效' },
  'formula-in-cell': { en: 'formula in the name', zh: '名称是公式' },
  'inactive-company': { en: 'no longer operating', zh: '已注销或吊销' },
  'invalid-amount': { en: 'unreadable amount', zh: '金额无法识别' },
  'negative-amount': { en: 'negative amount', zh: '金额为负' },
  'absurd-amount': { en: 'impossible amount', zh: '金额超出范围' },
  'missing-location': { en: 'no headquarters place', zh: '缺总部地点' },
  'invalid-record': { en: 'invalid record', zh: '记录不符合格式' },
};

/** English and Chinese text of a reject code. */
export function rejectText(code: RejectCode, p: MessageParams): Text {
  const col = p.column ?? '';
  switch (code) {
    case 'empty-row':
      return { en: 'empty row', zh: '空行' };
    case 'total-row':
      return { en: `total/summary row ${q(p.value)}, not a company`, zh: `合计/汇总行 ${q(p.value)}，不是企业` };
    case 'header-row':
      return { en: `the header row again ${q(p.value)} (files pasted together, or a header repeated on each printed page), not a company`, zh: `又一行表头 ${q(p.value)}（多个文件拼接，或每页重复表头），不是企业` };
    case 'malformed-row':
      return { en: `malformed row: ${p.detail ?? ''}`, zh: `行格式错误：${p.detail ?? ''}` };
    case 'missing-name':
      return { en: 'company name is empty', zh: '企业名称为空' };
    case 'invalid-name':
      return { en: `not a company name: ${q(p.value)}`, zh: `不是有效的企业名称：${q(p.value)}` };
    case 'formula-in-cell':
      return { en: `column ${col} holds a spreadsheet formula ${q(p.value)}; enter the plain name`, zh: `列“${col}”是表格公式 ${q(p.value)}，请填写名称本身` };
    case 'inactive-company':
      return { en: `registration status ${q(p.value)}: the company no longer operates`, zh: `登记状态为 ${q(p.value)}，企业已不在经营` };
    case 'invalid-amount':
      return { en: `column ${col}: cannot read amount ${q(p.value)} (e.g. 5,000万元, 1.2亿, US$95m)`, zh: `列“${col}”：无法识别金额 ${q(p.value)}（示例：5,000万元、1.2亿、US$95m）` };
    case 'negative-amount':
      return { en: `column ${col}: negative amount ${q(p.value)}`, zh: `列“${col}”：金额为负 ${q(p.value)}` };
    case 'absurd-amount':
      return { en: `column ${col}: amount ${q(p.value)} is ${p.detail ?? ''}亿元, beyond any company; check the unit`, zh: `列“${col}”：金额 ${q(p.value)} 折合 ${p.detail ?? ''} 亿元，超出任何企业的规模，请检查单位` };
    case 'missing-location':
      return { en: `no headquarters city: fill 省份/城市 or 地址 (${p.detail ?? ''})`, zh: `缺少总部城市：请填写省份/城市或地址（${p.detail ?? ''}）` };
    case 'invalid-record':
      return { en: `record does not pass the Company schema: ${p.detail ?? ''}`, zh: `记录不符合企业数据格式：${p.detail ?? ''}` };
  }
}

/** English and Chinese text of a warning code. */
export function warningText(code: ImportWarningCode, p: MessageParams): Text {
  const n = p.count ?? 0;
  switch (code) {
    case 'unknown-column':
      return { en: `columns not understood, ignored: ${p.detail ?? ''} (add them to a --mapping file)`, zh: `未识别的列已忽略：${p.detail ?? ''}（可在 --mapping 映射文件中指定）` };
    case 'duplicate-column':
      return { en: `several columns mean the same field; used: ${p.detail ?? ''}`, zh: `多列对应同一字段，采用：${p.detail ?? ''}` };
    case 'title-rows-skipped':
      return { en: `${n} title row(s) above the header skipped`, zh: `表头上方 ${n} 行标题已跳过` };
    case 'trailing-empty-rows':
      return { en: `${n} empty row(s) at the end ignored`, zh: `末尾 ${n} 个空行已忽略` };
    case 'other-sheets':
      return { en: `only sheet ${q(p.value)} was read; other sheets: ${p.detail ?? ''}`, zh: `只读取了工作表 ${q(p.value)}；其他工作表：${p.detail ?? ''}` };
    case 'encoding-guessed':
      return { en: `file is not UTF-8; read as ${p.value ?? ''}`, zh: `文件不是 UTF-8 编码，已按 ${p.value ?? ''} 读取` };
    case 'encoding-replaced':
      return {
        en: `${n} undecodable character(s) replaced by �${p.detail ? ` (rows ${p.detail}; check those cells)` : ''}`,
        zh: `${n} 个无法解码的字符已替换为 �${p.detail ? `（第 ${p.detail} 行，请核对这些单元格）` : ''}`,
      };
    case 'quotes-repaired':
      return {
        en: `${n} row(s) were read line by line because of an unbalanced quote, each as a row of its own (rows ${p.detail ?? ''}); check them`,
        zh: `因引号不配对，${n} 行已逐行读取、各自成行（第 ${p.detail ?? ''} 行），请核对`,
      };
    case 'formula-result-used':
      return { en: `${n} formula cell(s): their computed value was used`, zh: `${n} 个公式单元格：已使用其计算结果` };
    case 'formula-ignored':
      return { en: `${n} cell(s) holding formulas ignored`, zh: `${n} 个含公式的单元格已忽略` };
    case 'unit-assumed':
      return { en: `${n} amount(s) without a unit read as ${p.value ?? ''}`, zh: `${n} 个金额未写单位，按 ${p.value ?? ''} 读取` };
    case 'ownership-assumed':
      return { en: `${n} row(s) without a known company type taken as private`, zh: `${n} 行企业类型未知，按民营企业处理` };
    case 'unknown-city':
      return { en: `${n} place(s) not in the dataset's cities, kept as written: ${p.detail ?? ''}`, zh: `${n} 个地点不在数据集城市表中，按原文保留：${p.detail ?? ''}` };
    case 'invalid-date':
      return { en: `${n} date(s) could not be read and were dropped`, zh: `${n} 个日期无法识别，已舍弃` };
    case 'invalid-value-dropped':
      return { en: `${n} impossible value(s) dropped (rows kept)`, zh: `${n} 个不合理的数值已舍弃（保留该行）` };
    case 'unknown-segment':
      return { en: `${n} segment name(s) not in the dataset: ${p.detail ?? ''}`, zh: `${n} 个环节名称不在数据集中：${p.detail ?? ''}` };
    case 'unknown-list':
      return { en: `${n} list name(s) not recognised: ${p.detail ?? ''}`, zh: `${n} 个榜单名称未识别：${p.detail ?? ''}` };
    case 'id-renamed':
      return { en: `${n} id(s) already taken got a suffix`, zh: `${n} 个编号重复，已加后缀` };
    case 'possible-duplicate':
      return { en: `${n} possible duplicate(s) not merged (similar name, other city or other credit code)`, zh: `${n} 个疑似重复企业未合并（名称相近、城市不同或信用代码不同）` };
    case 'untagged':
      return { en: `${n} company(ies) could not be placed on a chain segment; see tags for weak candidates`, zh: `${n} 家企业未能挂链（见 tags 中的候选环节）` };
    case 'province-only-hq':
      return { en: `${n} row(s) give only a province for the headquarters: kept at province level`, zh: `${n} 行总部只有省份（城市为空），按省级保留` };
    case 'local-enterprise':
      return { en: `${n} company(ies) are headquartered in the home city: local enterprises (以商招商 resources), not targets`, zh: `${n} 家企业总部在本市：为本地企业（以商招商资源），不作为招商目标` };
    case 'off-chain':
      return { en: `${n} company(ies) lie outside every chain of the dataset (finance, property, services …): kept, left out of ranking`, zh: `${n} 家企业不在本市任何产业链上（金融、房地产、服务业等）：已保留，默认不参与排序` };
    case 'placed-industry-only':
      return { en: `${n} company(ies) placed on an industry but on no confirmed segment: gap fit from the industry's gaps, discounted`, zh: `${n} 家企业只挂到产业、未确认环节：缺口匹配按产业缺口折算` };
    case 'sheet-picked':
      return { en: `read sheet ${q(p.value)} (${p.detail ?? ''})`, zh: `读取工作表 ${q(p.value)}（${p.detail ?? ''}）` };
    case 'merged-newer-values':
      return { en: `${n} merge(s) into known companies took the imported (newer) values; the old ones are kept in the note`, zh: `${n} 次合并采用了导入的较新数值，原值保留在备注中` };
  }
}

// Display labels (zh / en) used in reasons and tables. Data, not logic: add a label here, never a branch.
import type { CompanyList, Ownership, Risk, Signal, Tie } from '../schema/index.js';
import type { ApproachMethod, FeatureName } from './types.js';

interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Names of the features. */
export const FEATURE_LABELS: Readonly<Record<FeatureName, Label>> = Object.freeze({
  gapFit: { zh: '缺口匹配', en: 'gap fit' },
  synergy: { zh: '链上协同', en: 'chain synergy' },
  scale: { zh: '企业规模', en: 'scale' },
  momentum: { zh: '发展动能', en: 'momentum' },
  proximity: { zh: '区位邻近', en: 'proximity' },
  policy: { zh: '政策契合', en: 'policy fit' },
  ties: { zh: '关联关系', en: 'ties' },
  risk: { zh: '风险', en: 'risk' },
});

/** Names of the company lists (三类500强 and others). */
export const COMPANY_LIST_LABELS: Readonly<Record<CompanyList, Label>> = Object.freeze({
  'fortune-global-500': { zh: '世界500强', en: 'Fortune Global 500' },
  'china-500': { zh: '中国企业500强', en: 'China Top 500 Enterprises' },
  'china-private-500': { zh: '中国民营企业500强', en: 'China Top 500 Private Enterprises' },
  'china-manufacturing-500': { zh: '中国制造业企业500强', en: 'China Top 500 Manufacturers' },
  'specialized-little-giant': { zh: '专精特新“小巨人”', en: 'specialised "little giant"' },
  listed: { zh: '上市公司', en: 'listed company' },
});

/** Names of the ownership kinds (所有制). */
export const OWNERSHIP_LABELS: Readonly<Record<Ownership, Label>> = Object.freeze({
  'central-soe': { zh: '央企', en: 'central SOE' },
  'local-soe': { zh: '地方国企', en: 'local SOE' },
  private: { zh: '民营', en: 'private' },
  foreign: { zh: '外资', en: 'foreign' },
  mixed: { zh: '混合所有制（无实际控制人或国有民营混合）', en: 'mixed (no actual controller, or state and private)' },
});

/** The 三类500强 lists. */
export const TOP_500_LISTS: readonly CompanyList[] = Object.freeze(['fortune-global-500', 'china-500', 'china-private-500']);

/** Kinds of ties to the city. */
export const TIE_LABELS: Readonly<Record<Tie['type'], Label>> = Object.freeze({
  'parent-of-local': { zh: '本地企业的母公司', en: 'parent of a local firm' },
  'subsidiary-of-local': { zh: '本地企业的子公司', en: 'subsidiary of a local firm' },
  'supplier-of-local': { zh: '本地企业的供应商', en: 'supplier of a local firm' },
  'customer-of-local': { zh: '本地企业的客户', en: 'customer of a local firm' },
  'partner-of-local': { zh: '本地企业的合作伙伴', en: 'partner of a local firm' },
  'same-group': { zh: '与本地企业同属一个集团', en: 'same group as a local firm' },
  'native-entrepreneur': { zh: '聊城籍企业家（乡贤）', en: 'native entrepreneur (乡贤)' },
  'existing-investment': { zh: '已在本地投资', en: 'already invested locally' },
});

/** Kinds of expansion signals. */
export const SIGNAL_LABELS: Readonly<Record<Signal['type'], Label>> = Object.freeze({
  'new-plant': { zh: '新建工厂', en: 'new plant' },
  capex: { zh: '资本开支', en: 'capital spending' },
  financing: { zh: '融资', en: 'financing' },
  expansion: { zh: '扩张', en: 'expansion' },
  ipo: { zh: '上市', en: 'IPO' },
  merger: { zh: '并购', en: 'merger' },
  growth: { zh: '增长', en: 'growth' },
  other: { zh: '其他', en: 'other' },
});

/** Kinds and severities of risks. */
export const RISK_LABELS: Readonly<Record<Risk['type'] | Risk['severity'], Label>> = Object.freeze({
  distress: { zh: '经营困境', en: 'distress' },
  litigation: { zh: '诉讼', en: 'litigation' },
  environmental: { zh: '环保', en: 'environmental' },
  overcapacity: { zh: '产能过剩', en: 'overcapacity' },
  sanctions: { zh: '制裁', en: 'sanctions' },
  other: { zh: '其他', en: 'other' },
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
});

/** Names of the 招商方式. */
export const APPROACH_LABELS: Readonly<Record<ApproachMethod, Label>> = Object.freeze({
  'via-local-firm': { zh: '以商招商', en: 'via local firms' },
  'native-ties': { zh: '乡贤招商', en: 'via natives (乡贤)' },
  visit: { zh: '登门招商', en: 'executive visit' },
  capital: { zh: '资本招商', en: 'via capital' },
  'small-delegation': { zh: '小团组招商', en: 'small delegation' },
  'resident-office': { zh: '驻点招商', en: 'resident office' },
  park: { zh: '园区招商', en: 'via industrial parks' },
  agent: { zh: '委托招商', en: 'via agents' },
  digital: { zh: '数字招商', en: 'digital outreach' },
});


/** English names of region tags (the zh tag itself is shown when a tag is not listed here). */
export const REGION_EN: Readonly<Record<string, string>> = Object.freeze({
  京津冀: 'Beijing–Tianjin–Hebei',
  长三角: 'Yangtze River Delta',
  粤港澳: 'Greater Bay Area',
  粤港澳大湾区: 'Greater Bay Area',
  济南都市圈: 'Jinan metropolitan area',
  川渝: 'Sichuan–Chongqing',
  高铁沿线: 'high-speed rail corridor',
  山东半岛: 'Shandong Peninsula',
  中原: 'Central Plains',
  东北: 'Northeast China',
  港澳台: 'Hong Kong, Macao and Taiwan',
  海外: 'overseas',
  欧洲: 'Europe',
  北美: 'North America',
  日韩: 'Japan and Korea',
  东南亚: 'Southeast Asia',
});

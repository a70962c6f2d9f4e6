/**
 * China's 34 provincial-level units: full name and the short form used in company names and
 * exports (山东, 广西, 内蒙古 …). Public administrative facts (GB/T 2260), not dataset knowledge.
 */
export const PROVINCES: readonly (readonly [full: string, short: string])[] = [
  ['北京市', '北京'], ['天津市', '天津'], ['上海市', '上海'], ['重庆市', '重庆'],
  ['河北省', '河北'], ['山西省', '山西'], ['辽宁省', '辽宁'], ['吉林省', '吉林'], ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'], ['浙江省', '浙江'], ['安徽省', '安徽'], ['福建省', '福建'], ['江西省', '江西'], ['山东省', '山东'],
  ['河南省', '河南'], ['湖北省', '湖北'], ['湖南省', '湖南'], ['广东省', '广东'], ['海南省', '海南'],
  ['四川省', '四川'], ['贵州省', '贵州'], ['云南省', '云南'], ['陕西省', '陕西'], ['甘肃省', '甘肃'], ['青海省', '青海'],
  ['台湾省', '台湾'], ['内蒙古自治区', '内蒙古'], ['广西壮族自治区', '广西'], ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'], ['新疆维吾尔自治区', '新疆'], ['香港特别行政区', '香港'], ['澳门特别行政区', '澳门'],
];

/** The four municipalities: their city is the province itself. */
export const MUNICIPALITIES: ReadonlySet<string> = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** Suffixes of administrative names, longest first (用于“聊城市”→“聊城”). */
export const ADMIN_SUFFIXES: readonly string[] = [
  '特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '地区', '林区', '省', '市', '盟', '州', '县', '区', '旗',
];

/** A place name without its administrative suffix ('聊城市' → '聊城'); names of two characters or less are kept. */
export function placeStem(name: string): string {
  for (const suffix of ADMIN_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

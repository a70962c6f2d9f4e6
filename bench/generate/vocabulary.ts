// Words the generators build names and texts from. Modifiers turn one 聊城 segment into many
// (精密电解铝, 车用电解铝 …) so a large taxonomy keeps the real one's shape: segments per industry,
// stage mix, keyword counts and link pattern.

/** Segment/industry modifiers, zh and en; index 0 is the unmodified (real) taxonomy. */
export const MODIFIERS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['高端', 'High-end'], ['精密', 'Precision'], ['特种', 'Special'], ['新型', 'Advanced'], ['智能', 'Smart'], ['绿色', 'Green'],
  ['高性能', 'High-performance'], ['复合', 'Composite'], ['微型', 'Micro'], ['大型', 'Large'], ['轻量化', 'Lightweight'],
  ['高纯', 'High-purity'], ['功能性', 'Functional'], ['环保', 'Eco'], ['节能', 'Energy-saving'], ['数字化', 'Digital'],
  ['超细', 'Ultra-fine'], ['耐高温', 'Heat-resistant'], ['耐腐蚀', 'Corrosion-resistant'], ['医用', 'Medical-grade'],
  ['车用', 'Automotive'], ['航空', 'Aerospace'], ['船用', 'Marine'], ['军民两用', 'Dual-use'], ['再生', 'Recycled'],
  ['生物基', 'Bio-based'], ['纳米', 'Nano'], ['柔性', 'Flexible'], ['模块化', 'Modular'], ['定制化', 'Custom'],
  ['电子级', 'Electronic-grade'], ['食品级', 'Food-grade'], ['工业级', 'Industrial-grade'], ['低碳', 'Low-carbon'],
  ['氢能', 'Hydrogen'], ['海工', 'Offshore'], ['农用', 'Agricultural'], ['光伏用', 'PV-grade'], ['储能用', 'Storage-grade'],
  ['半导体用', 'Semiconductor-grade'], ['超高压', 'Ultra-high-voltage'], ['自动化', 'Automated'], ['集成', 'Integrated'],
  ['循环', 'Circular'], ['高强', 'High-strength'], ['超薄', 'Ultra-thin'], ['宽幅', 'Wide'], ['精细', 'Fine'],
  ['无人', 'Unmanned'], ['便携', 'Portable'], ['家用', 'Household'], ['商用', 'Commercial'], ['重型', 'Heavy-duty'],
  ['小型', 'Compact'], ['高速', 'High-speed'], ['低噪', 'Low-noise'], ['抗菌', 'Antibacterial'], ['可降解', 'Degradable'],
];

/** Characters of 字号 (trade names). */
export const TRADE_NAME_CHARS: readonly string[] = Array.from(
  '华宏鑫金泰恒盛德瑞兴达通信中新大汇源丰利安康博凯天海宇嘉晟隆昌永正远航腾辉光明东南西北鼎铭润和建成荣祥福聚力创科胜合众诚立佳美同星益浩峰锦冠威亿坤乾顺旭弘卓豪奥联振骏伟久长万国民开元亚欧美龙凤鹏程锐智慧思远恒泽沃森林茂源洋宝银玉晶钰煌炜烨焱磊淼鑫垚森鸿运发富贵吉祥如意春秋冬夏齐鲁燕赵吴越楚湘蜀粤闽皖赣豫晋秦陇黔滇桂琼辽吉黑蒙宁青藏新',
);

/** Words a firm name carries after its trade name, by the real (block-0) industry id; fallback for others. */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  nonferrous: ['铝业', '铜业', '有色金属', '金属材料', '合金'],
  ferrous: ['钢铁', '特钢', '钢管', '金属制品'],
  chemicals: ['化工', '化学', '新材料', '石化'],
  agrifood: ['食品', '农业', '牧业', '生物'],
  bearings: ['轴承', '精密机械', '传动'],
  auto: ['汽车零部件', '汽车', '车辆'],
  textiles: ['纺织', '服饰', '家纺'],
  'building-materials': ['建材', '新型建材', '装饰材料'],
  equipment: ['机械', '装备', '重工', '机电'],
  ict: ['电子', '信息技术', '科技', '智能科技'],
  'new-energy': ['新能源', '能源科技', '储能', '光伏'],
  health: ['医药', '生物医药', '医疗器械', '健康'],
};
export const FALLBACK_INDUSTRY_WORDS: readonly string[] = ['科技', '实业'];

/** Legal forms (组织形式) with their frequency. */
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 40], ['股份有限公司', 25], ['有限责任公司', 15], ['集团有限公司', 10], ['集团股份有限公司', 5], ['(集团)有限公司', 3], ['(中国)有限公司', 2],
];

/** Generic business-scope clauses (经营范围) that follow the keyword clauses. */
export const SCOPE_TAILS: readonly string[] = [
  '货物进出口', '技术进出口', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广', '普通机械设备安装服务', '仓储服务（不含危险化学品）',
  '道路货物运输（不含危险货物）', '非居住房地产租赁', '信息咨询服务（不含许可类信息咨询服务）', '企业管理咨询', '五金产品批发',
];

/** Closing sentence of a 经营范围. */
export const SCOPE_END = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';

/** Sources quoted by generated records (shared strings, as in a real file). */
export const SOURCES: readonly string[] = ['企业年度报告', '企查查导出', '国家企业信用信息公示系统', '招商局走访记录', 'general knowledge', '行业协会名录'];

/** Revenue bands with the frequency seen in the 聊城 companies (undefined = no band). */
export const COMPANY_BANDS: readonly (readonly [string, number])[] = [
  ['1000-5000', 46], ['>=5000', 15], ['100-500', 173], ['50-100', 78], ['10-50', 98], ['500-1000', 29], ['none', 57], ['1-10', 27],
];

/** Ownership with the frequency seen in the 聊城 companies. */
export const OWNERSHIP: readonly (readonly ['central-soe' | 'private' | 'local-soe' | 'foreign' | 'mixed', number])[] = [
  ['central-soe', 59], ['private', 311], ['local-soe', 79], ['foreign', 45], ['mixed', 29],
];

/** Number of segments per company, with the frequency seen in the 聊城 companies. */
export const SEGMENTS_PER_COMPANY: readonly (readonly [number, number])[] = [
  [1, 178], [2, 180], [3, 106], [4, 34], [5, 12], [6, 8], [7, 2], [8, 2], [9, 1],
];

export const SIGNAL_TYPES: readonly (readonly ['new-plant' | 'capex' | 'financing' | 'expansion' | 'ipo' | 'merger' | 'growth' | 'other', number])[] = [
  ['new-plant', 30], ['capex', 15], ['expansion', 20], ['financing', 8], ['ipo', 8], ['merger', 14], ['growth', 4], ['other', 3],
];

export const TIE_TYPES: readonly (readonly ['parent-of-local' | 'subsidiary-of-local' | 'supplier-of-local' | 'customer-of-local' | 'partner-of-local' | 'native-entrepreneur' | 'existing-investment', number])[] = [
  ['parent-of-local', 5], ['subsidiary-of-local', 1], ['supplier-of-local', 3], ['customer-of-local', 7], ['partner-of-local', 8], ['native-entrepreneur', 1], ['existing-investment', 8],
];

export const RISK_TYPES: readonly (readonly ['distress' | 'litigation' | 'environmental' | 'overcapacity' | 'sanctions' | 'other', number])[] = [
  ['distress', 3], ['overcapacity', 16], ['sanctions', 6], ['litigation', 1], ['environmental', 1], ['other', 1],
];

/** Counties of the home city (聊城) for local enterprises. */
export const COUNTIES: readonly string[] = ['茌平区', '阳谷县', '东昌府区', '聊城经济技术开发区', '冠县', '临清市', '聊城高新技术产业开发区', '莘县', '高唐县', '东阿县'];

/** Header and value conventions of a 企查查-style export, used by the CSV generator. */
export const CSV_HEADERS: readonly string[] = [
  '序号', '企业名称', '统一社会信用代码', '登记状态', '法定代表人', '注册资本(万元)', '成立日期', '所属省份', '所属城市', '所属区县',
  '企业类型', '所属行业', '2023年营业收入(万元)', '参保人数', '主营产品', '经营范围', '联系电话',
];

/** Surnames and given-name characters for 法定代表人 (ignored by import, but present in real exports). */
export const SURNAMES: readonly string[] = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
export const GIVEN_CHARS: readonly string[] = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞鑫斌宇浩凯健俊帆帅旭宁林东波');

/**
 * Builds `data/liaocheng/cities.json` (the places of the embedded 聊城 dataset).
 *
 * Run: `npx tsx scripts/buildCities.ts`  (node built-ins only; output is deterministic).
 *
 * Input: `../shared/data/external/cn_admin_divisions_coords_2016.csv` relative to the repo root,
 * a derived copy of Vonng/adcode (CC BY 4.0; NBS 2016-07 codes, Amap GCJ-02 centre points).
 * When the file is absent the script prints a note and exits 0 without touching cities.json.
 *
 * Output records (see src/schema/city.ts):
 *  - every prefecture-level unit of mainland China (地级市, 地区, 自治州, 盟), level "city";
 *    the four municipalities 北京市 / 天津市 / 上海市 / 重庆市 as cities of their own province
 *    (the 2016 data only has virtual 市辖区 rows, so the province-level row gives name and centre);
 *  - 香港 / 澳门 (province-level rows of the data) and main 台湾 cities (hand-written);
 *  - county-level cities directly administered by a province (济源, 仙桃, 石河子 …), level
 *    "county-city", because companies have their HQ there (e.g. 济源: lead/zinc, steel);
 *  - every county-level unit of 聊城市 (茌平县 → 茌平区, 2019) and its functional zones (level "park");
 *  - 雄安新区 (set up 2017, after the 2016 data; hand-written, level "park");
 *  - a hand-written list of foreign HQ cities (level "foreign").
 * Region tags (重点区域) and rail times to 聊城 are added from the tables below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Confidence = 'high' | 'medium' | 'low';
type Level = 'province' | 'city' | 'district' | 'county' | 'county-city' | 'park' | 'foreign';

interface CityRecord {
  name: string;
  nameEn?: string;
  province: string;
  country?: string;
  level: Level;
  parent?: string;
  lon: number;
  lat: number;
  regions: string[];
  railHours?: number;
  note?: string;
  source: string;
  confidence: Confidence;
  asOf: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inputPath = path.resolve(repoRoot, '../shared/data/external/cn_admin_divisions_coords_2016.csv');
const outputPath = path.resolve(repoRoot, 'data/liaocheng/cities.json');

const HOME = '聊城市';
const COORD_SOURCE = 'Vonng/adcode 2016 (CC BY 4.0), Amap GCJ-02 centre';
const COORD_AS_OF = '2016-07';
const TAGS_AS_OF = '2026-11';
const GK = 'general knowledge';

// ---------------------------------------------------------------------------------------------
// Region tags (重点区域). Basis of each list in the comment; confidence of the tag in `confidence`.
// ---------------------------------------------------------------------------------------------
interface RegionRule {
  region: string;
  /** every city of these provinces */
  provinces?: readonly string[];
  /** these cities (exact names) */
  cities?: readonly string[];
  /** skip cities that already carry this region */
  unless?: string;
  confidence: Confidence;
  /** shown in the note of each tagged city */
  note?: Readonly<Record<string, string>>;
}

const REGION_RULES: readonly RegionRule[] = [
  // 京津冀: 《京津冀协同发展规划纲要》(2015): 北京、天津和河北全省. 雄安新区 (2017) is in 河北.
  { region: '京津冀', provinces: ['北京市', '天津市', '河北省'], confidence: 'high' },
  // 长三角: 《长江三角洲区域一体化发展规划纲要》(2019): 规划范围为沪苏浙皖全域 (27-city 中心区 not used here).
  { region: '长三角', provinces: ['上海市', '江苏省', '浙江省', '安徽省'], confidence: 'high' },
  // 粤港澳: 《粤港澳大湾区发展规划纲要》(2019): 香港、澳门 + 珠三角九市.
  {
    region: '粤港澳',
    cities: ['广州市', '深圳市', '珠海市', '佛山市', '惠州市', '东莞市', '中山市', '江门市', '肇庆市', '香港特别行政区', '澳门特别行政区'],
    confidence: 'high',
  },
  // 济南都市圈: 济南、淄博、泰安、聊城、德州、滨州、东营 — the 7-city 省会经济圈 scope (山东, 2020) that the
  // 济南都市圈发展规划 builds on (a 2025 mirror of a provincial news item says 山东省 issued the plan in 2024:
  // tair.cc/post/200255.html). Not checked against the plan text: it may cover only parts of some cities
  // (e.g. 东营); liaocheng-facts.md §4.1 confirms 聊城 (茌平, 东阿, 高唐) is meant to 融入济南都市圈.
  {
    region: '济南都市圈',
    cities: ['济南市', '淄博市', '泰安市', '聊城市', '德州市', '滨州市', '东营市'],
    confidence: 'medium',
  },
  // 川渝: 重庆 and the whole of 四川 (the 成渝地区双城经济圈 proper is narrower: 15 四川 cities + most of 重庆).
  // liaocheng-facts.md §4.1: no explicit 聊城 policy source for 川渝; kept as a priority region per the project brief.
  { region: '川渝', provinces: ['重庆市', '四川省'], confidence: 'high' },
  // 高铁沿线: cities with a station on
  //  - 济郑高铁, fully opened 2023-12-08 (济南西, 长清, 茌平南, 聊城西, 莘县, 南乐, 濮阳东 … 郑州东);
  //    Xinhua 2023-12-08 via liaocheng-facts.md §4; the 河南 section (opened 2022-06-20) also has stations in
  //    新乡 (长垣) and 安阳 (滑县) — general knowledge, not checked station by station;
  //  - 京雄商高铁, under construction (雄安–商丘 started 2022-09-29, 4-year schedule, expected 2026):
  //    雄安, 任丘西, 肃宁东 (沧州), 深州东, 衡水南, 枣强南 (衡水), 清河西 (邢台), 临清东, 聊城西, 阳谷东 (聊城),
  //    台前东 (濮阳), 梁山 (济宁), 郓城, 菏泽东, 曹县西 (菏泽), 商丘 (国铁集团 2022-09-29, mirrored at
  //    tre306.cn/hangye/2022/0929/471870.html); 北京丰台 via the planned 北京–雄安 section.
  {
    region: '高铁沿线',
    cities: [
      '济南市', '聊城市', '濮阳市', '郑州市', '新乡市', '安阳市',
      '北京市', '雄安新区', '保定市', '沧州市', '衡水市', '邢台市', '济宁市', '菏泽市', '商丘市',
    ],
    confidence: 'medium',
    note: {
      济南市: '济郑高铁 (2023-12-08 全线开通)',
      聊城市: '济郑高铁 (2023-12-08 全线开通); 京雄商高铁 (在建, 预计2026年通车)',
      濮阳市: '济郑高铁 (2023-12-08 全线开通); 京雄商高铁台前东站 (在建)',
      郑州市: '济郑高铁 (2023-12-08 全线开通)',
      新乡市: '济郑高铁河南段 (2022-06-20 开通); 站点据一般知识, 待核',
      安阳市: '济郑高铁河南段 (2022-06-20 开通); 站点据一般知识, 待核',
      北京市: '京雄商高铁 (北京–雄安段规划中, 雄安–商丘段在建, 预计2026年通车)',
      雄安新区: '京雄商高铁 (在建, 预计2026年通车)',
      保定市: '京雄商高铁雄安站 (在建, 预计2026年通车)',
      沧州市: '京雄商高铁 (在建, 预计2026年通车)',
      衡水市: '京雄商高铁 (在建, 预计2026年通车)',
      邢台市: '京雄商高铁清河西站 (在建, 预计2026年通车)',
      济宁市: '京雄商高铁梁山站 (在建, 预计2026年通车)',
      菏泽市: '京雄商高铁 (在建, 预计2026年通车)',
      商丘市: '京雄商高铁 (在建, 预计2026年通车)',
    },
  },
  // 山东半岛: the other 山东 cities (a label for "rest of Shandong"; the 山东半岛城市群 plan itself covers all 16).
  { region: '山东半岛', provinces: ['山东省'], unless: '济南都市圈', confidence: 'high' },
  // 中原: 河南 (中原城市群 core province).
  { region: '中原', provinces: ['河南省'], confidence: 'high' },
  // 东北: 辽宁、吉林、黑龙江.
  { region: '东北', provinces: ['辽宁省', '吉林省', '黑龙江省'], confidence: 'high' },
  // 港澳台: a label for 港澳台资 (HK / Macao / Taiwan investors).
  { region: '港澳台', provinces: ['香港特别行政区', '澳门特别行政区', '台湾省'], confidence: 'high' },
];

// ---------------------------------------------------------------------------------------------
// Fastest scheduled rail time to 聊城 (hours). ESTIMATES: rounded from typical G-train timetables
// (2024–2025) and transfers at 济南西 / 郑州东; not checked against 12306. Anchors: 济南西–聊城西 ≈ 0.5 h
// ("聊城到济南只需要30分钟", juke.outofmemory.cn 3409562); 济南西–郑州东 1h43m (Xinhua 2023-12-08).
// 聊城–北京 ≈ 1.5 h once 京雄商 opens (liaocheng-facts.md §4); the value below is the present one.
// ---------------------------------------------------------------------------------------------
const RAIL_HOURS: Readonly<Record<string, number>> = {
  济南市: 0.5,
  濮阳市: 0.5,
  郑州市: 1.2,
  天津市: 2.0,
  邯郸市: 2.0, // no high-speed link; conventional 邯济线 or via 郑州东
  北京市: 2.5,
  石家庄市: 2.5,
  青岛市: 2.7,
  南京市: 2.8,
  合肥市: 3.3,
  苏州市: 3.5,
  武汉市: 3.5,
  西安市: 3.5,
  上海市: 4.0,
  杭州市: 4.5,
  重庆市: 5.8,
  广州市: 6.5,
  成都市: 6.5,
  深圳市: 7.0,
};

/** English names for the cities that carry rail times or are otherwise prominent. */
const NAME_EN: Readonly<Record<string, string>> = {
  北京市: 'Beijing',
  天津市: 'Tianjin',
  上海市: 'Shanghai',
  重庆市: 'Chongqing',
  济南市: 'Jinan',
  青岛市: 'Qingdao',
  聊城市: 'Liaocheng',
  濮阳市: 'Puyang',
  郑州市: 'Zhengzhou',
  邯郸市: 'Handan',
  石家庄市: 'Shijiazhuang',
  南京市: 'Nanjing',
  苏州市: 'Suzhou',
  杭州市: 'Hangzhou',
  合肥市: 'Hefei',
  武汉市: 'Wuhan',
  西安市: "Xi'an",
  广州市: 'Guangzhou',
  深圳市: 'Shenzhen',
  成都市: 'Chengdu',
  香港特别行政区: 'Hong Kong SAR',
  澳门特别行政区: 'Macao SAR',
};

// ---------------------------------------------------------------------------------------------
// Changes after the 2016-07 baseline that matter here.
// ---------------------------------------------------------------------------------------------
/** Prefecture-level units abolished since 2016 (left out). */
const ABOLISHED: Readonly<Record<string, string>> = {
  莱芜市: 'merged into 济南市 (2019-01)',
};
/** Renamed prefecture-level units: old name → [new name, note]. */
const RENAMED: Readonly<Record<string, readonly [string, string]>> = {
  那曲地区: ['那曲市', '那曲地区改设那曲市 (2017); 坐标为2016年数据'],
};

// ---------------------------------------------------------------------------------------------
// 聊城 county-level units and functional zones.
// ---------------------------------------------------------------------------------------------
const LIAOCHENG_COUNTIES: Readonly<Record<string, { name: string; level: Level; nameEn: string; note?: string }>> = {
  '371502': { name: '东昌府区', level: 'district', nameEn: 'Dongchangfu District' },
  '371523': {
    name: '茌平区',
    level: 'district',
    nameEn: 'Chiping District',
    note: '2019年撤茌平县设茌平区 (行政区划代码 371523 → 371503); 坐标为2016年茌平县中心',
  },
  '371581': { name: '临清市', level: 'county-city', nameEn: 'Linqing (county-level city)' },
  '371521': { name: '阳谷县', level: 'county', nameEn: 'Yanggu County' },
  '371522': { name: '莘县', level: 'county', nameEn: 'Shenxian County' },
  '371524': { name: '东阿县', level: 'county', nameEn: "Dong'e County" },
  '371525': { name: '冠县', level: 'county', nameEn: 'Guanxian County' },
  '371526': { name: '高唐县', level: 'county', nameEn: 'Gaotang County' },
};

/** Functional zones (功能区) of 聊城: approximate centres estimated from general knowledge. */
const LIAOCHENG_PARKS: readonly CityRecord[] = [
  {
    name: '聊城经济技术开发区',
    nameEn: 'Liaocheng Economic and Technological Development Zone',
    province: '山东省',
    country: '中国',
    level: 'park',
    parent: HOME,
    lon: 116.04,
    lat: 36.44,
    regions: [],
    note: '国家级经开区, 城区东部 (蒋官屯、东城街道一带); 坐标为近似位置 (估计)',
    source: GK,
    confidence: 'low',
    asOf: TAGS_AS_OF,
  },
  {
    name: '聊城高新技术产业开发区',
    nameEn: 'Liaocheng High-tech Industrial Development Zone',
    province: '山东省',
    country: '中国',
    level: 'park',
    parent: HOME,
    lon: 116.06,
    lat: 36.5,
    regions: [],
    note: '国家级高新区, 城区东北部 (鲁西化工 / 聊城化工产业园一带); 坐标为近似位置 (估计)',
    source: GK,
    confidence: 'low',
    asOf: TAGS_AS_OF,
  },
  {
    name: '聊城高铁新区',
    nameEn: 'Liaocheng High-speed Rail New District',
    province: '山东省',
    country: '中国',
    level: 'park',
    parent: HOME,
    lon: 115.9,
    lat: 36.45,
    regions: [],
    note: '聊城西站 (济郑高铁、京雄商高铁共用站) 周边, 城区西部; 坐标为近似位置 (估计)',
    source: GK,
    confidence: 'low',
    asOf: TAGS_AS_OF,
  },
];

// ---------------------------------------------------------------------------------------------
// Hand-written places not in (or not usable from) the 2016 data.
// ---------------------------------------------------------------------------------------------
const EXTRA_DOMESTIC: readonly CityRecord[] = [
  {
    name: '雄安新区',
    nameEn: 'Xiong’an New Area',
    province: '河北省',
    country: '中国',
    level: 'park',
    parent: '河北省',
    lon: 115.99,
    lat: 39.03,
    regions: [],
    note: '国家级新区 (2017年设立, 托管保定市雄县、容城、安新); 多家央企总部迁驻; 坐标为近似位置 (估计)',
    source: GK,
    confidence: 'low',
    asOf: TAGS_AS_OF,
  },
  ...(
    [
      ['台北市', 'Taipei', 121.56, 25.04],
      ['新北市', 'New Taipei', 121.46, 25.01],
      ['桃园市', 'Taoyuan', 121.3, 24.99],
      ['新竹市', 'Hsinchu', 120.97, 24.8],
      ['台中市', 'Taichung', 120.68, 24.14],
      ['台南市', 'Tainan', 120.21, 22.99],
      ['高雄市', 'Kaohsiung', 120.31, 22.63],
    ] as const
  ).map(
    ([name, nameEn, lon, lat]): CityRecord => ({
      name,
      nameEn,
      province: '台湾省',
      country: '中国',
      level: 'city',
      lon,
      lat,
      regions: [],
      note: '台湾省城市; 坐标为一般知识 (约2位小数, 非GCJ-02)',
      source: GK,
      confidence: 'medium',
      asOf: TAGS_AS_OF,
    }),
  ),
];

/** Foreign HQ cities of target companies: coordinates from general knowledge (WGS-84, 2 decimals). */
const FOREIGN: readonly (readonly [name: string, nameEn: string, country: string, lon: number, lat: number, area: string, hint: string])[] = [
  ['东京', 'Tokyo', '日本', 139.69, 35.69, '日韩', '日本企业总部集中地 (如 NSK、三菱化学、住友)'],
  ['大阪', 'Osaka', '日本', 135.5, 34.69, '日韩', 'NTN、JTEKT、松下等总部'],
  ['名古屋', 'Nagoya', '日本', 136.91, 35.18, '日韩', '中部汽车零部件产业带 (电装等)'],
  ['丰田市', 'Toyota City', '日本', 137.16, 35.08, '日韩', '丰田汽车总部'],
  ['首尔', 'Seoul', '韩国', 126.98, 37.57, '日韩', '三星、LG、SK、现代等总部'],
  ['蔚山', 'Ulsan', '韩国', 129.31, 35.54, '日韩', '现代汽车、石化产业基地'],
  ['斯图加特', 'Stuttgart', '德国', 9.18, 48.78, '欧洲', '博世、梅赛德斯-奔驰、保时捷'],
  ['慕尼黑', 'Munich', '德国', 11.58, 48.14, '欧洲', '宝马、西门子、瓦克化学'],
  ['沃尔夫斯堡', 'Wolfsburg', '德国', 10.79, 52.42, '欧洲', '大众汽车总部'],
  ['黑措根奥拉赫', 'Herzogenaurach', '德国', 10.88, 49.57, '欧洲', '舍弗勒 (Schaeffler) 总部'],
  ['路德维希港', 'Ludwigshafen', '德国', 8.44, 49.48, '欧洲', '巴斯夫 (BASF) 总部'],
  ['勒沃库森', 'Leverkusen', '德国', 6.98, 51.03, '欧洲', '拜耳、科思创'],
  ['埃森', 'Essen', '德国', 7.01, 51.46, '欧洲', '赢创 (Evonik)、蒂森克虏伯'],
  ['巴黎', 'Paris', '法国', 2.35, 48.86, '欧洲', '法国企业总部集中地'],
  ['伦敦', 'London', '英国', -0.13, 51.51, '欧洲', ''],
  ['阿姆斯特丹', 'Amsterdam', '荷兰', 4.9, 52.37, '欧洲', ''],
  ['米兰', 'Milan', '意大利', 9.19, 45.46, '欧洲', ''],
  ['哥德堡', 'Gothenburg', '瑞典', 11.97, 57.71, '欧洲', 'SKF、沃尔沃'],
  ['巴塞尔', 'Basel', '瑞士', 7.59, 47.56, '欧洲', '罗氏、诺华'],
  ['苏黎世', 'Zurich', '瑞士', 8.54, 47.38, '欧洲', 'ABB'],
  ['哥本哈根', 'Copenhagen', '丹麦', 12.57, 55.68, '欧洲', '诺和诺德等'],
  ['奥胡斯', 'Aarhus', '丹麦', 10.2, 56.16, '欧洲', '维斯塔斯 (Vestas) 总部'],
  ['纽约', 'New York', '美国', -74.01, 40.71, '北美', ''],
  ['芝加哥', 'Chicago', '美国', -87.63, 41.88, '北美', ''],
  ['底特律', 'Detroit', '美国', -83.05, 42.33, '北美', '通用汽车; 福特在邻近的迪尔伯恩'],
  ['休斯敦', 'Houston', '美国', -95.37, 29.76, '北美', '油气装备、化工'],
  ['米德兰', 'Midland (Michigan)', '美国', -84.25, 43.62, '北美', '陶氏 (Dow) 总部'],
  ['威尔明顿', 'Wilmington (Delaware)', '美国', -75.55, 39.74, '北美', '杜邦'],
  ['北坎顿', 'North Canton (Ohio)', '美国', -81.4, 40.88, '北美', '铁姆肯 (Timken) 总部'],
  ['圣何塞', 'San Jose', '美国', -121.89, 37.34, '北美', '硅谷'],
  ['奥斯汀', 'Austin', '美国', -97.74, 30.27, '北美', '特斯拉总部'],
  ['多伦多', 'Toronto', '加拿大', -79.38, 43.65, '北美', ''],
  ['新加坡', 'Singapore', '新加坡', 103.82, 1.35, '东南亚', ''],
  ['吉隆坡', 'Kuala Lumpur', '马来西亚', 101.69, 3.14, '东南亚', ''],
  ['曼谷', 'Bangkok', '泰国', 100.5, 13.76, '东南亚', ''],
];

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------
interface Row {
  adcode: string;
  parent: string;
  name: string;
  level: string;
  province: string;
  virtual: boolean;
  lon: number | undefined;
  lat: number | undefined;
}

/** Splits one CSV line (RFC 4180 quotes; the file has none in practice). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function readRows(file: string): Row[] {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const col = (n: string): number => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`column ${n} missing in ${file}`);
    return i;
  };
  const c = {
    adcode: col('adcode'),
    parent: col('parent_adcode'),
    name: col('name'),
    level: col('level'),
    province: col('province'),
    virtual: col('is_virtual'),
    lon: col('longitude_gcj02'),
    lat: col('latitude_gcj02'),
  };
  const num = (s: string | undefined): number | undefined => (s === undefined || s === '' ? undefined : Number(s));
  return lines.slice(1).map((line) => {
    const f = splitCsvLine(line);
    return {
      adcode: f[c.adcode] ?? '',
      parent: f[c.parent] ?? '',
      name: f[c.name] ?? '',
      level: f[c.level] ?? '',
      province: f[c.province] ?? '',
      virtual: f[c.virtual] === 't',
      lon: num(f[c.lon]),
      lat: num(f[c.lat]),
    };
  });
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function fromRow(r: Row, overrides: Partial<CityRecord> & Pick<CityRecord, 'name' | 'province' | 'level'>): CityRecord {
  if (r.lon === undefined || r.lat === undefined) throw new Error(`no coordinates for ${r.adcode} ${r.name}`);
  return {
    country: '中国',
    lon: round6(r.lon),
    lat: round6(r.lat),
    regions: [],
    source: COORD_SOURCE,
    confidence: 'high',
    asOf: COORD_AS_OF,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------
function build(rows: readonly Row[]): CityRecord[] {
  const out: CityRecord[] = [];
  const byCode = new Map(rows.map((r) => [r.adcode, r] as const));

  // Province-level rows: municipalities and SARs become cities of their own province.
  const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市', '香港特别行政区', '澳门特别行政区']);
  for (const r of rows) {
    if (r.level !== 'province' || !MUNICIPALITIES.has(r.name)) continue;
    const sar = r.name.endsWith('特别行政区');
    out.push(
      fromRow(r, {
        name: r.name,
        province: r.name,
        level: 'city',
        note: sar
          ? '特别行政区; 坐标取省级行政区行 (Amap GCJ-02 中心点)'
          : '直辖市; 2016年数据中地级为虚拟"市辖区"行, 名称与坐标取省级行 (Amap GCJ-02 中心点)',
      }),
    );
  }

  // Prefecture-level units (non-virtual rows of level "city").
  for (const r of rows) {
    if (r.level !== 'city' || r.virtual) continue;
    if (ABOLISHED[r.name] !== undefined) continue;
    const renamed = RENAMED[r.name];
    const rec = fromRow(r, { name: renamed ? renamed[0] : r.name, province: r.province, level: 'city' });
    if (renamed) rec.note = renamed[1];
    out.push(rec);
  }

  // County-level units directly administered by a province (children of a virtual 省直辖 row).
  for (const r of rows) {
    if (r.level !== 'county' || r.virtual || r.lon === undefined) continue;
    const parent = byCode.get(r.parent);
    if (!parent || !parent.virtual || !parent.name.includes('直辖县级')) continue;
    out.push(
      fromRow(r, {
        name: r.name,
        province: r.province,
        level: 'county-city',
        parent: r.province,
        note: '省直辖县级行政单位',
      }),
    );
  }

  // 聊城 county-level units.
  for (const [code, spec] of Object.entries(LIAOCHENG_COUNTIES)) {
    const r = byCode.get(code);
    if (!r) throw new Error(`聊城 county ${code} missing from the input`);
    const rec = fromRow(r, { name: spec.name, nameEn: spec.nameEn, province: '山东省', level: spec.level, parent: HOME });
    if (spec.note) rec.note = spec.note;
    out.push(rec);
  }
  out.push(...LIAOCHENG_PARKS.map((p) => ({ ...p, regions: [...p.regions] })));
  out.push(...EXTRA_DOMESTIC.map((p) => ({ ...p, regions: [...p.regions] })));

  // Foreign cities.
  for (const [name, nameEn, country, lon, lat, area, hint] of FOREIGN) {
    out.push({
      name,
      nameEn,
      province: country,
      country,
      level: 'foreign',
      lon,
      lat,
      regions: ['海外', area],
      note: `海外总部城市; 坐标为一般知识 (WGS-84, 2位小数)${hint ? `; ${hint}` : ''}`,
      source: GK,
      confidence: 'medium',
      asOf: TAGS_AS_OF,
    });
  }

  // Region tags.
  const inScope = (c: CityRecord): boolean => c.level === 'city' || c.level === 'county-city' || (c.level === 'park' && c.parent !== HOME);
  for (const rule of REGION_RULES) {
    const cityNames = new Set(rule.cities ?? []);
    const provinces = new Set(rule.provinces ?? []);
    for (const c of out) {
      if (!inScope(c) || c.parent === HOME) continue;
      const hit = cityNames.has(c.name) || provinces.has(c.province);
      if (!hit) continue;
      if (rule.unless !== undefined && c.regions.includes(rule.unless)) continue;
      if (!c.regions.includes(rule.region)) c.regions.push(rule.region);
      const extra = rule.note?.[c.name];
      if (extra) c.note = c.note ? `${c.note}; ${rule.region}: ${extra}` : `${rule.region}: ${extra}`;
      // A record's confidence is its weakest part: coordinates or any of its region tags.
      c.confidence = weakest(c.confidence, rule.confidence);
    }
    for (const name of cityNames) {
      if (!out.some((c) => c.name === name)) throw new Error(`region ${rule.region}: unknown city ${name}`);
    }
  }

  // Home city: the counties and parks share its regions.
  const home = out.find((c) => c.name === HOME);
  if (!home) throw new Error('聊城市 missing');
  home.nameEn = 'Liaocheng';
  for (const c of out) {
    if (c.parent !== HOME) continue;
    c.regions = [...home.regions];
    c.confidence = weakest(c.confidence, home.confidence);
  }

  // Tagged records describe 2026 knowledge.
  for (const c of out) if (c.regions.length > 0 && c.source === COORD_SOURCE) {
    c.asOf = TAGS_AS_OF;
    c.source = `${COORD_SOURCE}; region tags: chain-targeting compilation (see scripts/buildCities.ts)`;
  }

  // Rail times (estimates, low confidence).
  for (const [name, hours] of Object.entries(RAIL_HOURS)) {
    const c = out.find((x) => x.name === name);
    if (!c) throw new Error(`railHours: unknown city ${name}`);
    c.railHours = hours;
    c.confidence = 'low';
    c.asOf = TAGS_AS_OF;
    const n = `railHours ${hours} 为估算 (estimate, 至聊城最快列车时间); 坐标本身来自数据集`;
    c.note = c.note ? `${c.note}; ${n}` : n;
  }

  for (const c of out) {
    const en = NAME_EN[c.name];
    if (en && !c.nameEn) c.nameEn = en;
  }

  // Unique names within a province; deterministic order (province, then name, by code point).
  const seen = new Set<string>();
  for (const c of out) {
    const key = `${c.province}/${c.name}`;
    if (seen.has(key)) throw new Error(`duplicate place ${key}`);
    seen.add(key);
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  out.sort((a, b) => cmp(a.province, b.province) || cmp(a.name, b.name));
  return out.map(normalise);
}

const RANK: Readonly<Record<Confidence, number>> = { high: 2, medium: 1, low: 0 };
/** The lower of two confidences. */
function weakest(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Fixed key order so the JSON is stable and easy to read; undefined fields dropped. */
function normalise(c: CityRecord): CityRecord {
  const keys: readonly (keyof CityRecord)[] = ['name', 'nameEn', 'province', 'country', 'level', 'parent', 'lon', 'lat', 'regions', 'railHours', 'note', 'source', 'confidence', 'asOf'];
  const ordered: Record<string, unknown> = {};
  for (const k of keys) if (c[k] !== undefined) ordered[k] = c[k];
  return ordered as unknown as CityRecord;
}

function main(): void {
  if (!fs.existsSync(inputPath)) {
    console.log(`buildCities: ${inputPath} not found; cities.json left unchanged.`);
    return;
  }
  const cities = build(readRows(inputPath));
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  fs.writeFileSync(outputPath, `${JSON.stringify(cities, null, 2)}\n`, 'utf8');
  const byLevel = new Map<string, number>();
  for (const c of cities) byLevel.set(c.level, (byLevel.get(c.level) ?? 0) + 1);
  console.log(`buildCities: wrote ${cities.length} places to ${path.relative(repoRoot, outputPath)} (${[...byLevel].map(([k, v]) => `${k} ${v}`).join(', ')})`);
}

main();

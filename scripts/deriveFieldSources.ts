// Derives per-field sources (issue 17) for the embedded 聊城 companies and enterprises from the public lists in
// ../shared/data/external, read at run time (never copied into the repository):
//   - fortune_global500_2022_2024_consistent.csv (Fortune Global 500, 2024 edition rows): revenue band + year, list flag;
//   - fortune_global500_2026_greater_china_subset.csv (2026 edition, Greater China, transcribed): list flag, and a band
//     only where every USD/CNY rate from 6.9 to 7.3 gives the same band (the 2025 average rate is not in the project's sources);
//   - a_share_companies_merged.csv (Tushare stock_basic 2025-06 + stock_company 2024-05): stock code, `listed`,
//     ownership (act_ent_type where it agrees with the record; `无` = mixed), headquarters province/city (Tushare's area
//     `深圳` counts as 广东; where the file's city is empty, the city is checked against the registered full name, else
//     the source says "province only");
//   - ownership of a group that is not itself listed, from a listed member of the group (GROUP_MEMBERS, each with the
//     reason it belongs to the group), and of the China arm of a foreign Fortune Global 500 group (FORTUNE_FOREIGN_ARM);
//   - where a reference contradicts the record's ownership, the contradiction is printed; a record kept against the
//     reference names the document that supports it (OWNERSHIP_DECIDED; reviews/fields-2026-12-04.md explains each).
// Run: npx tsx scripts/deriveFieldSources.ts   (idempotent: entries it wrote before are replaced, others kept; the
// existing order of a record's sources is kept; a file whose content does not change is not rewritten)
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { REVENUE_BANDS, type RevenueBand } from '../src/schema/common.js';

const ROOT = path.join(import.meta.dirname, '..');
const EXTERNAL = path.join(ROOT, '..', 'shared', 'data', 'external');
const COMPANIES = path.join(ROOT, 'data', 'liaocheng', 'companies.json');
const ENTERPRISES = path.join(ROOT, 'data', 'liaocheng', 'enterprises.json');
const MARK = 'scripts/deriveFieldSources.ts';

/** 国家统计局《中华人民共和国2023年国民经济和社会发展统计公报》: 全年人民币平均汇率 1 美元兑 7.0467 元. */
const USD_CNY_2023 = 7.0467;
/** Range of plausible 2025 average rates: a 2026-edition band is used only when both ends agree. */
const USD_CNY_2025_RANGE = [6.9, 7.3] as const;

/** Company id → name in the Fortune Global 500 file (2024 edition). Checked by hand; the script fails on a name it cannot find. */
const FORTUNE_2024: Readonly<Record<string, string>> = {
  chinalco: 'Aluminum Corp. of China',
  'weiqiao-pioneering': 'Shandong Weiqiao Pioneering Group',
  'tongling-nonferrous-group': 'TongLing Nonferrous Metals Group',
  'zijin-mining': 'Zijin Mining Group',
  'jinchuan-group': 'Jinchuan Group',
  'baowu-steel': 'China Baowu Steel Group',
  'hbis-group': 'HBIS Group',
  'ansteel-group': 'Ansteel Group',
  'shougang-group': 'Shougang Group',
  'shagang-group': 'Jiangsu Shagang Group',
  'jianlong-group': 'Beijing Jianlong Heavy Industry Group',
  'jingye-group': 'Jingye Group',
  'tsingshan-holding': 'Tsingshan Holding Group',
  'sinochem-holdings': 'Sinochem Holdings',
  'sinopec-group': 'Sinopec Group',
  'hengli-group': 'Hengli Group',
  'rongsheng-holding': 'Zhejiang Rongsheng Holding Group',
  'shenghong-holding': 'Shenghong Holding Group',
  'hengyi-group': 'Zhejiang Hengyi Group',
  cofco: 'COFCO',
  'new-hope-holding': 'New Hope Holding Group',
  byd: 'BYD',
  'saic-motor': 'SAIC Motor',
  'faw-group': 'China FAW Group',
  'dongfeng-motor': 'Dongfeng Motor',
  'geely-holding': 'Zhejiang Geely Holding Group',
  'shandong-energy-group': 'Shandong Energy Group',
  sinomach: 'Sinomach',
  huawei: 'Huawei Investment & Holding',
  lenovo: 'Lenovo Group',
  spic: 'State Power Investment',
  sinopharm: 'Sinopharm',
  'shanghai-pharma': 'Shanghai Pharmaceuticals Holding',
};

/** act_ent_type → ownership. `无` (no actual controller) is what this dataset records as `mixed` (e.g. 中集, TCL, 联泓). */
const OWNERSHIP: Readonly<Record<string, string>> = { 中央国企: 'central-soe', 地方国企: 'local-soe', 民营企业: 'private', 外资企业: 'foreign', 无: 'mixed' };

/**
 * A group (or a subsidiary kept as its own record) that is not itself in the A-share file takes the control type of a
 * listed member of the same group: Tushare's act_ent_type is the type of the listed firm's actual controller, which is
 * the group's. Each entry names the listed firm and why it belongs to the group (checked by hand, 2026-12-04).
 */
const GROUP_MEMBERS: Readonly<Record<string, readonly { code: string; basis: string }[]>> = {
  'shandong-heavy-industry': [{ code: '000951.SZ', basis: '中国重汽（济南卡车）is the listed arm of 中国重型汽车集团, which this file records under 山东重工 (sinotruk-group.parent)' }],
  'sinotruk-group': [{ code: '000951.SZ', basis: '中国重汽集团济南卡车股份有限公司 is the group\'s listed truck arm (its name)' }],
  'baowu-steel': [
    { code: '601968.SH', basis: '宝钢包装 is recorded in this file with parent baowu-steel' },
    { code: '600808.SH', basis: '马钢股份: 马钢集团 joined 中国宝武 in 2019 (general knowledge)' },
    { code: '000825.SZ', basis: '太钢不锈: 太钢集团 joined 中国宝武 in 2020 (general knowledge)' },
  ],
  'cnbm-group': [{ code: '000877.SZ', basis: '天山股份 is recorded in this file with parent cnbm-group' }],
  'taishan-gypsum': [{ code: '000877.SZ', basis: 'sibling: 天山股份 and 泰山石膏 are both recorded under cnbm-group (中国建材集团)' }],
  sinomach: [
    { code: '601038.SH', basis: '一拖股份 is recorded in this file with parent sinomach' },
    { code: '601399.SH', basis: '国机重装 (国机重型装备集团, named after the group)' },
  ],
  cofco: [{ code: '301058.SZ', basis: '中粮科工 (named after the group)' }],
  'sinochem-holdings': [
    { code: '000830.SZ', basis: '鲁西化工: controlled by 中国中化 since 2021 (SOURCES.md, enterprises.json luxi-chemical)' },
    { code: '600579.SH', basis: '中化装备科技 (named after the group)' },
  ],
  'dongfeng-motor': [
    { code: '600006.SH', basis: '东风汽车股份有限公司 (named after the group)' },
    { code: '600081.SH', basis: '东风电子科技 (named after the group)' },
  ],
  'citic-dicastal': [
    { code: '601061.SH', basis: 'sibling under 中国中信集团 (the record\'s group): 中信金属' },
    { code: '600030.SH', basis: 'sibling under 中国中信集团 (the record\'s group): 中信证券' },
  ],
  'tianjin-pipe': [
    { code: '601061.SH', basis: 'sibling under 中国中信集团 (the record\'s group): 中信金属' },
    { code: '600030.SH', basis: 'sibling under 中国中信集团 (the record\'s group): 中信证券' },
  ],
  'cscec-steel': [{ code: '300425.SZ', basis: 'sibling under 中国建筑集团 (the record\'s group): 中建环能' }],
  'cr-pharma': [{ code: '300294.SZ', basis: '华润博雅生物 (named after 华润; controlled through 华润医药, general knowledge)' }],
  'cr-building-materials': [{ code: '301090.SZ', basis: 'sibling under 中国华润 (the record\'s group): 华润化学材料' }],
  'tongling-nonferrous-group': [{ code: '301217.SZ', basis: '铜冠铜箔, named in the record\'s note as a listed member of the group' }],
  'dongyue-group': [{ code: '300821.SZ', basis: '东岳硅材, named in the record\'s note as a listed member of the group' }],
  'shandong-energy-group': [{ code: '002408.SZ', basis: '齐翔腾达, named in the record\'s note (controlled by 山东能源 since 2022)' }],
  'hengli-group': [{ code: '600346.SH', basis: '恒力石化, named in the record\'s note as the group\'s listed arm' }],
};

/**
 * The China arm of a foreign Fortune Global 500 group is foreign-controlled: the Fortune file gives the group's country.
 * id → the group's name in the 2024 edition. That the record is the group's China arm is its name (general knowledge).
 */
const FORTUNE_FOREIGN_ARM: Readonly<Record<string, string>> = {
  'bosch-china': 'Bosch Group',
  'tesla-shanghai': 'Tesla',
  'siemens-china': 'Siemens',
  'basf-china': 'BASF',
  'caterpillar-china': 'Caterpillar',
  'saint-gobain-china': 'Saint-Gobain',
  'zf-china': 'ZF Friedrichshafen',
  'yihai-kerry-arawana': 'Wilmar International',
  fii: 'Hon Hai Precision Industry',
};

/**
 * Where the A-share file (or a group member's row) contradicts the record's ownership and the record is kept, the
 * decision and the document that supports the record (reviews/fields-2026-12-04.md explains each). id → source.
 */
const OWNERSHIP_DECIDED: Readonly<Record<string, { source: string; confidence: 'high' | 'medium' | 'low'; note: string }>> = {
  'chongqing-steel': {
    source: '仪表网转国资委消息 2022-12（www.ovololi.cn/news/detail-105020.html）：2020 年 12 月，中国宝武成为重庆钢铁实际控制人; 重庆钢铁 2023 年年度报告（601005，公告日期 2024-03-29；新浪财经公告页 vip.stock.finance.sina.com.cn/corp/view/vCB_AllBulletinDetail.php?stockid=601005&id=9917026），控股股东及实际控制人一节',
    confidence: 'medium',
    note: 'kept central-soe: 中国宝武 became the actual controller in December 2020 (the 国资委 notice as reprinted), and 中国宝武 is a 国资委 central enterprise; the annual report\'s controller section was not in the excerpt read offline; Tushare\'s 地方国企 probably predates the change (inference)',
  },
  'citic-special-steel': {
    source: '大冶特钢 发行股份购买资产暨关联交易报告书（修订稿，2019-07-18；vip.stock.finance.sina.com.cn/corp/view/vCB_AllBulletinDetail.php?stockid=sz000708&id=5499062）：交易对方 中信泰富特钢投资有限公司',
    confidence: 'medium',
    note: 'kept central-soe: the controlling shareholder is a 中信泰富 (中国中信集团) company, as the 2019 restructuring report names it; that 中信集团 is the actual controller is the editor\'s knowledge; Tushare\'s 民营企业 is taken to be an error',
  },
  'xj-electric': {
    source: '国务院国资委公告 2021-09-25（转载 bj.crntt.com/doc/10_253_106184387_1.html）：组建中国电气装备集团，国家电网有限公司所属相关企业整体划入，列入国资委履行出资人职责的企业名单; 财新网 2010-06-02（转载 dampscompany.com/news/news-102656-1.html）：国家电网全资子公司中国电科院成为许继电气实际控制人',
    confidence: 'medium',
    note: 'kept central-soe: 许继 was a 国家电网 company (2010 source) and the 国网 equipment companies went to 中国电气装备 (2021 source); that 许继 was among them is the editor\'s knowledge',
  },
  'hengli-group': {
    source: '钜亨网 2022-10（hao.cnyes.com/post/21138）：范红卫夫妇持股100%的恒力集团；范红卫与丈夫陈建华合计持有恒力石化74.73%的股份',
    confidence: 'medium',
    note: 'kept private: the group and its listed arm are held by the founders; the 地方国企 label of 600346 probably comes from the shell it listed through in 2016 (大连橡胶塑料机械, a Dalian local SOE; editor\'s inference)',
  },
  'joyson-electronic': {
    source: '瑞财经 2025-08（www.lejucaijing.com/news-7366668721714820430.html）：均胜电子控股股东均胜集团，实际控制人王剑峰',
    confidence: 'medium',
    note: 'kept private: the actual controller is a natural person; Tushare\'s 地方国企 is taken to be an error',
  },
  luxshare: {
    source: '棱镜/虎嗅 2020-08-17（www.huxiu.com/article/375972.html）：立讯精密创始人王来春（与其兄王来胜）; 瑞财经 2025-08（gubaposthk.eastmoney.com/news,gssz,1589780501.html）：王来春掌舵立讯精密',
    confidence: 'medium',
    note: 'kept private: the controlling shareholder 立讯有限公司 is registered in Hong Kong (hence 外资企业) but the controllers are the founders 王来春、王来胜 (mainland-born, per these articles; nationality not stated there); the company is on the 民营500强 list (record flag)',
  },
  'tuopu-group': {
    source: '拓普集团 实际控制人、副董事长减持股份计划公告 2025-06-16（601689，公告编号 2025-056；gupiaoz.cn/xiaoxi/AN202506161692056135）：控股股东迈科国际控股（香港）有限公司持股 57.88%，邬建树先生持有迈科香港 100% 股权，公司实际控制人为邬建树',
    confidence: 'medium',
    note: 'foreign → private (2026-12-04): the HK holding company is wholly owned by the founder 邬建树, a natural person; recorded like 福耀 and 立讯 (control type, not the registration as a foreign-invested company); his nationality is not stated in the announcement (editor\'s knowledge: a 宁波 entrepreneur)',
  },
};

interface FieldSource {
  source: string;
  asOf: string;
  confidence: 'high' | 'medium' | 'low';
  estimate?: boolean;
  note?: string;
}
interface Rec {
  id: string;
  name: string;
  aliases?: string[];
  hq?: { country?: string; province: string; city: string };
  ownership?: string;
  lists?: string[];
  stockCode?: string;
  listed?: string;
  revenue?: number;
  revenueBand?: string;
  revenueYear?: number;
  revenueEstimated?: boolean;
  sources?: Record<string, FieldSource>;
  source: string;
  [k: string]: unknown;
}

const readCsv = (file: string): Record<string, string>[] => {
  const text = fs.readFileSync(path.join(EXTERNAL, file), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
};

const bandOf = (yi: number): RevenueBand => {
  for (const [b, r] of Object.entries(REVENUE_BANDS) as [RevenueBand, { min: number; max: number }][]) if (yi >= r.min && yi < r.max) return b;
  throw new Error(`no band for ${yi}`);
};

const fmt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
/** Province without its suffix; Tushare's `area` gives 深圳 as its own value, which is in 广东. */
const normProvince = (p: string): string => {
  const q = p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
  return q === '深圳' ? '广东' : q;
};

/** Put `sources` just before `source`, so the record reads in the usual order. */
function withSources(r: Rec, sources: Record<string, FieldSource>): Rec {
  const out: Record<string, unknown> = {};
  // Keep the order the record already has (so a re-run changes only what changed); new keys follow, sorted.
  const before = Object.keys(r.sources ?? {}).filter((k) => k in sources);
  const added = Object.keys(sources).filter((k) => !before.includes(k)).sort((a, b) => a.localeCompare(b));
  const sorted = Object.fromEntries([...before, ...added].map((k) => [k, sources[k]!]));
  for (const [k, v] of Object.entries(r)) {
    if (k === 'sources') continue;
    if (k === 'source' && Object.keys(sorted).length > 0) out['sources'] = sorted;
    out[k] = v;
  }
  return out as Rec;
}

/** Existing per-field sources minus those this script wrote before. */
const kept = (r: Rec): Record<string, FieldSource> => Object.fromEntries(Object.entries(r.sources ?? {}).filter(([, s]) => !(s.note ?? '').startsWith(MARK)));

function main(): void {
  const companies = JSON.parse(fs.readFileSync(COMPANIES, 'utf8')) as Rec[];
  const enterprises = JSON.parse(fs.readFileSync(ENTERPRISES, 'utf8')) as Rec[];
  const f2024 = new Map(readCsv('fortune_global500_2022_2024_consistent.csv').filter((r) => r['Year'] === '2024').map((r) => [r['Company']!, r]));
  const f2026 = new Map(readCsv('fortune_global500_2026_greater_china_subset.csv').map((r) => [r['name_cn']!, r]));
  const ashare = new Map(readCsv('a_share_companies_merged.csv').map((r) => [r['ts_code']!, r]));
  const log: string[] = [];
  const hqDiffers: string[] = [];
  /** id → the reference row that contradicts the record's ownership (listed in reviews/fields-2026-12-04.md). */
  const contradictions = new Map<string, string>();
  const contradiction = (c: Rec, ref: string): void => {
    contradictions.set(c.id, ref);
    log.push(`OWNERSHIP CONTRADICTION: ${c.id} ${c.name} record ${c.ownership} vs ${ref}${OWNERSHIP_DECIDED[c.id] !== undefined || FORTUNE_FOREIGN_ARM[c.id] !== undefined || (c.sources?.['ownership'] !== undefined && !(c.sources['ownership'].note ?? '').startsWith(MARK)) ? ' — decided (hand-written source, OWNERSHIP_DECIDED or FORTUNE_FOREIGN_ARM)' : ' — UNDECIDED'}`);
  };

  for (const [id, name] of Object.entries(FORTUNE_2024)) {
    if (!f2024.has(name)) throw new Error(`${id}: "${name}" is not in the 2024 edition of the Fortune file`);
    if (!companies.some((c) => c.id === id)) throw new Error(`${id}: no such company`);
  }

  const outCompanies = companies.map((c0) => {
    const c: Rec = { ...c0 };
    const s = kept(c);
    const fortuneName = FORTUNE_2024[c.id];
    const row24 = fortuneName !== undefined ? f2024.get(fortuneName) : undefined;
    const row26 = [c.name, ...(c.aliases ?? [])].map((n) => f2026.get(n)).find((x) => x !== undefined);
    const flagged = (c.lists ?? []).includes('fortune-global-500');

    // Fortune list flag.
    if (flagged && (row24 !== undefined || row26 !== undefined)) {
      const parts: string[] = [];
      if (row24 !== undefined) parts.push(`Fortune Global 500 2024 edition #${row24['Rank']} "${row24['Company']}" (fortune_global500_2022_2024_consistent.csv)`);
      if (row26 !== undefined) parts.push(`Fortune Global 500 2026 edition #${row26['rank']} ${row26['name_cn']} (fortune_global500_2026_greater_china_subset.csv, transcribed)`);
      s['lists.fortune-global-500'] = { source: parts.join('; '), asOf: row26 !== undefined ? '2026' : '2024', confidence: row24 !== undefined ? 'high' : 'medium', note: `${MARK}: on the list in the edition(s) named` };
    } else if (flagged) log.push(`UNVERIFIED fortune flag: ${c.id} ${c.name} (in neither Fortune file)`);
    else if (row24 !== undefined || row26 !== undefined) log.push(`NOT FLAGGED but on a Fortune list: ${c.id} ${c.name}`);

    // Revenue band from Fortune (group-level records only; exact revenues from annual reports are kept).
    if (c.revenue === undefined && row24 !== undefined) {
      const usd = Number(row24['Revenue']);
      const yi = (usd * USD_CNY_2023) / 100;
      const band = bandOf(yi);
      if (c.revenueBand !== band || c.revenueYear !== 2023) log.push(`SIZE ${c.id}: ${c.revenueBand ?? '—'} (${c.revenueYear ?? 'no year'}) → ${band} (2023), ${fmt(yi)} 亿元`);
      c.revenueBand = band;
      c.revenueYear = 2023;
      delete c.revenueEstimated;
      s['revenueBand'] = {
        source: `Fortune Global 500 2024 edition (fortune_global500_2022_2024_consistent.csv, Year=2024): ${row24['Company']} revenue ${fmt(usd)} US$ m`,
        asOf: '2024-08',
        confidence: 'high',
        note: `${MARK}: fiscal year 2023 (ended by 2024-03-31); × ${USD_CNY_2023} CNY/USD (国家统计局 2023 年统计公报，全年平均汇率) = ${fmt(yi)} 亿元 → band ${band}`,
      };
    } else if (c.revenue === undefined && row26 !== undefined) {
      const usd = Number(row26['revenue_musd']);
      const lo = bandOf((usd * USD_CNY_2025_RANGE[0]) / 100);
      const hi = bandOf((usd * USD_CNY_2025_RANGE[1]) / 100);
      if (lo === hi) {
        if (c.revenueBand !== lo || c.revenueYear !== 2025) log.push(`SIZE ${c.id}: ${c.revenueBand ?? '—'} (${c.revenueYear ?? 'no year'}) → ${lo} (2025)`);
        c.revenueBand = lo;
        c.revenueYear = 2025;
        delete c.revenueEstimated;
        s['revenueBand'] = {
          source: `Fortune Global 500 2026 edition (fortune_global500_2026_greater_china_subset.csv, transcribed): ${row26['name_cn']} revenue ${fmt(usd)} US$ m`,
          asOf: '2026',
          confidence: 'medium',
          note: `${MARK}: fiscal year 2025; × ${USD_CNY_2025_RANGE[0]}–${USD_CNY_2025_RANGE[1]} CNY/USD = ${fmt((usd * USD_CNY_2025_RANGE[0]) / 100)}–${fmt((usd * USD_CNY_2025_RANGE[1]) / 100)} 亿元, band ${lo} at every rate in the range`,
        };
      } else log.push(`SIZE ${c.id}: 2026 edition ${fmt(usd)} US$ m straddles ${lo}/${hi}; band left as is`);
    }

    // A-share list: stock code, listed, ownership, headquarters.
    const a = c.stockCode !== undefined ? ashare.get(c.stockCode) : undefined;
    if (a !== undefined) {
      const cite = `a_share_companies_merged.csv ${a['ts_code']} ${a['name']}（${a['fullname']}）`;
      s['stockCode'] = { source: `${cite}, exchange ${a['exchange']}, listed ${a['list_date']}`, asOf: '2025-06', confidence: 'high', note: `${MARK}: ts_code found in the Tushare stock_basic 2025-06 list` };
      if ((c.lists ?? []).includes('listed')) s['lists.listed'] = { source: `${cite}, list_status L`, asOf: '2025-06', confidence: 'high', note: `${MARK}: listed on ${a['exchange']} since ${a['list_date']}` };
      const own = OWNERSHIP[a['act_ent_type'] ?? ''];
      const mixedNote = a['act_ent_type'] === '无' ? '; act_ent_type 无 = no actual controller, recorded as mixed in this dataset' : '';
      if (own !== undefined && own === c.ownership) s['ownership'] = { source: `${cite}: act_ent_type ${a['act_ent_type']}`, asOf: '2025-06', confidence: 'high', note: `${MARK}: Tushare act_ent_type agrees with the record${mixedNote}` };
      else if (own !== undefined) contradiction(c, `${cite}: act_ent_type ${a['act_ent_type']}`);
      const prov = normProvince(a['province_area'] ?? '');
      if (c.hq !== undefined && prov === normProvince(c.hq.province)) {
        const cityStem = c.hq.city.replace(/市$/, '');
        if (a['city'] && c.hq.city === a['city'])
          s['hq'] = { source: `${cite}: province ${a['province_area']}, city ${a['city']}`, asOf: '2024-05', confidence: 'high', note: `${MARK}: registered city (Tushare stock_company 2024-05)` };
        else if (!a['city'] && cityStem.length > 0 && (a['fullname'] ?? '').includes(cityStem))
          s['hq'] = { source: `${cite}: province ${a['province_area']}; the registered full name contains ${cityStem}`, asOf: '2025-06', confidence: 'medium', note: `${MARK}: the file's city column is empty for this firm; province from the file, city from the place name in the registered name` };
        else if (!a['city'])
          s['hq'] = { source: `${cite}: province ${a['province_area']}`, asOf: '2025-06', confidence: 'low', note: `${MARK}: province only — the file's city column is empty for this firm, so the city (${c.hq.city}) is not checked` };
        else hqDiffers.push(`HQ city differs: ${c.id} record ${c.hq.city}, file ${a['city']}`);
      } else if (c.hq !== undefined) hqDiffers.push(`HQ province differs: ${c.id} record ${c.hq.province}, file ${a['province_area']}`);
    } else if (c.stockCode !== undefined && /\.(SZ|SH|BJ)$/.test(c.stockCode)) log.push(`STOCK CODE not in the A-share list: ${c.id} ${c.stockCode}`);

    // Ownership of a group from a listed member of the group (its act_ent_type is the group's control type).
    const members = GROUP_MEMBERS[c.id];
    if (a === undefined && members !== undefined) {
      const rows = members.map((m) => {
        const r = ashare.get(m.code);
        if (r === undefined) throw new Error(`${c.id}: group member ${m.code} is not in the A-share file`);
        return { m, r, own: OWNERSHIP[r['act_ent_type'] ?? ''] };
      });
      const agree = rows.filter((x) => x.own === c.ownership);
      const disagree = rows.filter((x) => x.own !== undefined && x.own !== c.ownership);
      if (agree.length > 0 && disagree.length === 0)
        s['ownership'] = {
          source: agree.map((x) => `a_share_companies_merged.csv ${x.r['ts_code']} ${x.r['name']}（${x.r['fullname']}）: act_ent_type ${x.r['act_ent_type']}`).join('; '),
          asOf: '2025-06',
          confidence: 'medium',
          note: `${MARK}: the control type of a listed member of the group is the group's — ${agree.map((x) => x.m.basis).join('; ')}`,
        };
      else if (disagree.length > 0) contradiction(c, disagree.map((x) => `a_share_companies_merged.csv ${x.r['ts_code']} ${x.r['name']}: act_ent_type ${x.r['act_ent_type']} (${x.m.basis})`).join('; '));
      else log.push(`GROUP MEMBER without act_ent_type: ${c.id}`);
    }

    // Ownership of the China arm of a foreign Fortune Global 500 group.
    const parentName = FORTUNE_FOREIGN_ARM[c.id];
    if (parentName !== undefined) {
      const row = f2024.get(parentName);
      if (row === undefined) throw new Error(`${c.id}: "${parentName}" is not in the 2024 edition of the Fortune file`);
      if (row['Country'] === 'China') throw new Error(`${c.id}: ${parentName} is Chinese in the Fortune file`);
      if (c.ownership === 'foreign' && s['ownership'] === undefined)
        s['ownership'] = {
          source: `Fortune Global 500 2024 edition #${row['Rank']} "${row['Company']}", Country ${row['Country']} (fortune_global500_2022_2024_consistent.csv)`,
          asOf: '2024-08',
          confidence: 'medium',
          note: `${MARK}: the record is controlled by this ${row['Country']} group (its China arm or listed subsidiary; the link is general knowledge, the group's country is from the file), so foreign`,
        };
      else if (c.ownership !== 'foreign') log.push(`FOREIGN ARM not recorded foreign: ${c.id} ${c.ownership}`);
    }

    // A contradiction decided by hand: the document that supports the record's value.
    const decided = OWNERSHIP_DECIDED[c.id];
    if (decided !== undefined) {
      if (s['ownership'] !== undefined && !(s['ownership'].note ?? '').startsWith(MARK)) throw new Error(`${c.id}: ownership has a hand-written source and a decision`);
      if (s['ownership'] === undefined || (s['ownership'].note ?? '').startsWith(MARK))
        s['ownership'] = { source: decided.source, asOf: '2026-12', confidence: decided.confidence, note: `${MARK}: the reference list disagrees (${contradictions.get(c.id) ?? 'see reviews/fields-2026-12-04.md'}); ${decided.note}` };
    }

    return withSources(c, s);
  });

  const outEnterprises = enterprises.map((e0) => {
    const e: Rec = { ...e0 };
    const s = kept(e);
    const a = e.listed !== undefined ? ashare.get(e.listed) : undefined;
    if (a !== undefined) {
      s['listed'] = { source: `a_share_companies_merged.csv ${a['ts_code']} ${a['name']}（${a['fullname']}）, listed ${a['list_date']}`, asOf: '2025-06', confidence: 'high', note: `${MARK}: ts_code found in the Tushare stock_basic 2025-06 list` };
    }
    return withSources(e, s);
  });

  // Write a file only when its content changes (enterprises.json is edited by others; an unchanged file is left alone).
  const write = (file: string, data: unknown): void => {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  };
  write(COMPANIES, outCompanies);
  write(ENTERPRISES, outEnterprises);
  process.stdout.write(`${[...log, ...hqDiffers].join('\n')}\n`);
}

main();

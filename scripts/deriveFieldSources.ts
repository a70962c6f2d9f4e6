// Derives per-field sources (issue 17) for the embedded 聊城 companies and enterprises from the public lists in
// ../shared/data/external, read at run time (never copied into the repository):
//   - fortune_global500_2022_2024_consistent.csv (Fortune Global 500, 2024 edition rows): revenue band + year, list flag;
//   - fortune_global500_2026_greater_china_subset.csv (2026 edition, Greater China, transcribed): list flag, and a band
//     only where every USD/CNY rate from 6.9 to 7.3 gives the same band (the 2025 average rate is not in the project's sources);
//   - a_share_companies_merged.csv (Tushare stock_basic 2025-06 + stock_company 2024-05): stock code, `listed`,
//     ownership (act_ent_type, only where it agrees with the record), headquarters province/city.
// Run: npx tsx scripts/deriveFieldSources.ts   (idempotent: entries it wrote before are replaced, others kept)
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

const OWNERSHIP: Readonly<Record<string, string>> = { 中央国企: 'central-soe', 地方国企: 'local-soe', 民营企业: 'private', 外资企业: 'foreign' };

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
const normProvince = (p: string): string => p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');

/** Put `sources` just before `source`, so the record reads in the usual order. */
function withSources(r: Rec, sources: Record<string, FieldSource>): Rec {
  const out: Record<string, unknown> = {};
  const sorted = Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a.localeCompare(b)));
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
      if (own !== undefined && own === c.ownership) s['ownership'] = { source: `${cite}: act_ent_type ${a['act_ent_type']}`, asOf: '2025-06', confidence: 'high', note: `${MARK}: Tushare act_ent_type agrees with the record` };
      else if (own !== undefined) log.push(`OWNERSHIP differs: ${c.id} record ${c.ownership}, list ${a['act_ent_type']} (no source written; the record's note should say why)`);
      if (c.hq !== undefined && a['city'] && normProvince(c.hq.province) === normProvince(a['province_area'] ?? '') && c.hq.city === a['city'])
        s['hq'] = { source: `${cite}: province ${a['province_area']}, city ${a['city']}`, asOf: '2024-05', confidence: 'high', note: `${MARK}: registered city (Tushare stock_company 2024-05)` };
    } else if (c.stockCode !== undefined && /\.(SZ|SH|BJ)$/.test(c.stockCode)) log.push(`STOCK CODE not in the A-share list: ${c.id} ${c.stockCode}`);

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

  fs.writeFileSync(COMPANIES, `${JSON.stringify(outCompanies, null, 2)}\n`);
  fs.writeFileSync(ENTERPRISES, `${JSON.stringify(outEnterprises, null, 2)}\n`);
  process.stdout.write(`${log.join('\n')}\n`);
}

main();

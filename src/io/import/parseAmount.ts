import { nfkc } from './nfkc.js';

/** CNY per unit of each foreign currency. */
export type ExchangeRates = Readonly<Record<'USD' | 'HKD' | 'EUR', number>>;

/**
 * Default exchange rates (CNY per unit), rounded averages of 2024–2025 (USD ≈ 7.2, HKD ≈ 0.92, EUR ≈ 7.8;
 * PBoC central parity, general knowledge). Pass your own with `exchangeRates`; the rates used are recorded.
 */
export const DEFAULT_EXCHANGE_RATES: ExchangeRates = Object.freeze({ USD: 7.2, HKD: 0.92, EUR: 7.8 });

/** A unit of amounts: currency and multiplier, with its label ('万元', 'USD million'). */
export interface AmountUnit {
  readonly currency: 'CNY' | 'USD' | 'HKD' | 'EUR';
  readonly factor: number;
  readonly label: string;
}

/** An amount read from a cell. */
export type ParsedAmount =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'value';
      /** Value in 亿元 (1e8 CNY). */
      readonly yi: number;
      /** The unit it was written in (or assumed). */
      readonly unit: AmountUnit;
      /** A range (5000万-1亿, midpoint taken) or an approximation (约, 以上). */
      readonly estimated: boolean;
      /** No unit in the cell: the column's or the default unit was used. */
      readonly unitAssumed: boolean;
    }
  | { readonly kind: 'error'; readonly code: 'invalid-amount' | 'negative-amount' };

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const TRADITIONAL_MAGNITUDE: Readonly<Record<string, string>> = { 億: '亿', 萬: '万', 仟: '千', 佰: '百' };
const MISSING = new Set(['', '-', '--', '---', '—', '——', '–', '/', '\\', '*', 'n/a', 'na', 'null', 'none', 'nan', '无', '不详', '未知', '未公开', '暂无', '未披露', '空', '—-']);
const MAGNITUDES: Readonly<Record<string, readonly [number, string]>> = {
  万亿: [1e12, '万亿'], 千万: [1e7, '千万'], 百万: [1e6, '百万'], 亿: [1e8, '亿'], 万: [1e4, '万'], 千: [1e3, '千'], 百: [1e2, '百'],
  bn: [1e9, 'billion'], billion: [1e9, 'billion'], b: [1e9, 'billion'], mn: [1e6, 'million'], mio: [1e6, 'million'], million: [1e6, 'million'], m: [1e6, 'million'],
  k: [1e3, 'thousand'], thousand: [1e3, 'thousand'],
};
const CURRENCIES: Readonly<Record<string, AmountUnit['currency']>> = {
  'us$': 'USD', usd: 'USD', $: 'USD', 美元: 'USD', 'hk$': 'HKD', hkd: 'HKD', 港元: 'HKD', 港币: 'HKD', '€': 'EUR', eur: 'EUR', 欧元: 'EUR',
  '¥': 'CNY', rmb: 'CNY', cny: 'CNY', 元: 'CNY',
};
const ZH_CURRENCY: Readonly<Record<AmountUnit['currency'], string>> = { CNY: '元', USD: '美元', HKD: '港元', EUR: '欧元' };
const ONE =
  /^(约|大约|近|超过|逾|>|≥|<|≤|about|over|approx\.?)?(us\$|usd|hk\$|hkd|\$|€|eur|¥|rmb|cny)?(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(万亿|千万|百万|亿|万|千|百|billion|bn|b|million|mio|mn|m|thousand|k)?(美元|港元|港币|欧元|元|usd|hkd|eur|rmb|cny)?(以上|以下|左右|多|余|\+)?$/;

function unitOf(currency: AmountUnit['currency'] | undefined, magnitude: string | undefined, fallback: AmountUnit): AmountUnit {
  if (currency === undefined && magnitude === undefined) return fallback;
  const [factor, magLabel] = magnitude !== undefined ? MAGNITUDES[magnitude]! : [1, ''];
  const cur = currency ?? 'CNY';
  const chinese = magLabel === '' || /^[\u4e00-\u9fff]/.test(magLabel);
  const label = cur === 'CNY' ? (chinese ? `${magLabel}元` : `CNY ${magLabel}`) : chinese ? `${magLabel}${ZH_CURRENCY[cur]}` : `${cur} ${magLabel}`;
  return { currency: cur, factor, label };
}

function parseOne(s: string, fallback: AmountUnit): { value: number; unit: AmountUnit; approx: boolean; assumed: boolean } | undefined {
  const m = ONE.exec(s);
  if (m === null) return undefined;
  const currency = CURRENCIES[m[2] ?? ''] ?? CURRENCIES[m[5] ?? ''];
  const unit = unitOf(currency, m[4], fallback);
  return { value: Number(m[3]), unit, approx: m[1] !== undefined || m[6] !== undefined, assumed: currency === undefined && m[4] === undefined };
}

/**
 * Read an amount such as '5,000万元', '1.2亿', '3000 万', 'US$95m', '1亿-5亿' or '—' into 亿元.
 * A cell without a unit uses `unit` (from the header, the mapping, or the import's default).
 * Foreign currencies are converted with `rates`. Ranges give their midpoint, marked estimated.
 *
 * @param text - the cell
 * @param unit - the unit of a bare number
 * @param rates - CNY per USD / HKD / EUR
 * @returns missing, a value in 亿元 with its unit, or an error code
 * @example
 * parseAmount('5,000万元', parseUnit('万元')!, DEFAULT_EXCHANGE_RATES); // { kind: 'value', yi: 0.5, unit: { label: '万元', … }, … }
 */
export function parseAmount(text: string, unit: AmountUnit, rates: ExchangeRates): ParsedAmount {
  // A bare decimal number (most amount cells) is already in the form the cleaning below produces.
  let s = PLAIN_NUMBER.test(text)
    ? text
    : nfkc(text)
        .toLowerCase()
        // Traditional magnitudes (４７．１５億元, 3萬) read as simplified; 仟/佰 as 千/百.
        .replace(/[億萬仟佰]/g, (c) => TRADITIONAL_MAGNITUDE[c]!)
        .replace(/[\s\u00a0]+/g, '')
        .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  if (s.includes('人民币')) {
    // 人民币 marks the currency wherever it stands (5000万元人民币, 人民币5000万, 5000万(人民币)).
    s = s.replace(/\(?人民币\)?/g, '');
    if (!/元/.test(s) && /\d/.test(s)) s = `${s}元`;
  }
  if (MISSING.has(s)) return { kind: 'missing' };
  if (/^[-−(（]\s*\d/.test(s) || /^-?(us\$|\$|¥|rmb)-/.test(s)) {
    return parseOne(s.replace(/^[-−(（]|[)）]$/g, ''), unit) ? { kind: 'error', code: 'negative-amount' } : { kind: 'error', code: 'invalid-amount' };
  }
  const range = /^(.*?\d[^\d~～至到-]*)(?:-|~|～|至|到)(.+)$/.exec(s);
  if (range !== null) {
    const hi = parseOne(range[2]!, unit);
    const lo = hi && parseOne(range[1]!, /^[\d.]+$/.test(range[1]!) ? hi.unit : unit);
    if (hi === undefined || lo === undefined) return { kind: 'error', code: 'invalid-amount' };
    const yi = (toCny(lo.value, lo.unit, rates) + toCny(hi.value, hi.unit, rates)) / 2 / 1e8;
    return { kind: 'value', yi, unit: hi.unit, estimated: true, unitAssumed: hi.assumed };
  }
  const one = parseOne(s, unit);
  if (one === undefined) return { kind: 'error', code: 'invalid-amount' };
  return { kind: 'value', yi: toCny(one.value, one.unit, rates) / 1e8, unit: one.unit, estimated: one.approx, unitAssumed: one.assumed };
}

function toCny(value: number, unit: AmountUnit, rates: ExchangeRates): number {
  return value * unit.factor * (unit.currency === 'CNY' ? 1 : rates[unit.currency]);
}

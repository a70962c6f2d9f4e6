import { DEFAULT_EXCHANGE_RATES, parseAmount, type AmountUnit } from './parseAmount.js';

const YUAN: AmountUnit = { currency: 'CNY', factor: 1, label: '元' };

/**
 * Read a unit as written in a header or a mapping file ('万元', '亿元', '元', '万美元', 'USD million', 'US$ m').
 *
 * @param text - the unit text
 * @returns the unit, or undefined when it is not a unit
 * @example
 * parseUnit('万元'); // { currency: 'CNY', factor: 10000, label: '万元' }
 */
export function parseUnit(text: string): AmountUnit | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  if (t.length === 0) return undefined;
  const prefixed = /^(us\$|usd|hk\$|hkd|\$|€|eur|¥|rmb|cny)(.*)$/.exec(t);
  const probe = prefixed ? `${prefixed[1]}1${prefixed[2]}` : `1${t}`;
  const r = parseAmount(probe, YUAN, DEFAULT_EXCHANGE_RATES);
  if (r.kind !== 'value' || r.unitAssumed) return undefined;
  return r.unit;
}

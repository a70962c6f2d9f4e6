import { nfkc } from './nfkc.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A date cell as YYYY-MM-DD, YYYY-MM or YYYY: accepts 2011-12-16, 2011/12/16, 2011.12.16, 2011年12月16日,
 * 20111216, 2011-12, 2011, an ISO timestamp, and Excel serial day numbers (e.g. 40893).
 *
 * @returns the date, or undefined when the cell is not a valid date
 */
export function parsePartialDate(text: string): string | undefined {
  const t = nfkc(text).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), 1) ? `${m[1]}-${pad(Number(m[2]))}` : undefined;
  m = /^(\d{4})年?$/.exec(t);
  if (m) return valid(Number(m[1]), 1, 1) ? m[1] : undefined;
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial < 2 || serial > 73050) return undefined;
    const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  return undefined;
}

// Small text helpers shared by the reason builders (not exported from the package).

/** A number with two decimals, as quoted in reasons. */
export function f2(x: number): string {
  return x.toFixed(2);
}

/**
 * An amount in 亿元 as a reader says it: whole 亿 from 10 up, one decimal from 1, else 万元.
 *
 * @example
 * amount(750).zh; // '750亿元'
 * amount(0.25).zh; // '2500万元'
 */
export function amount(x: number): { zh: string; en: string } {
  const en = x >= 10 ? `CNY ${Number((x / 10).toFixed(1))}bn` : `CNY ${Math.round(x * 100)}m`;
  if (x >= 10) return { zh: `${Math.round(x)}亿元`, en };
  if (x >= 1) return { zh: `${x.toFixed(1)}亿元`, en };
  return { zh: `${Math.round(x * 1e4)}万元`, en };
}

/**
 * A percentage with no decimals (one decimal between 0 and 10%).
 *
 * @example
 * pct(0.025); // '2.5%'
 */
export function pct(x: number): string {
  const v = x * 100;
  return `${v > 0 && v < 10 ? v.toFixed(1) : Math.round(v)}%`;
}

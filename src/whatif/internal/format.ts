// Number formatting shared by the what-if reasons.

/** Round to 4 decimals (the precision of the gap analysis' outputs). */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4 + 0;
}

/** A signed delta with 2 decimals and a real minus sign: +0.21, −0.05. */
export function signed(x: number, digits = 2): string {
  const v = x.toFixed(digits);
  if (Number(v) === 0) return `±${(0).toFixed(digits)}`;
  return x > 0 ? `+${v}` : `−${v.slice(1)}`;
}

/** A share as a percentage with 2 decimals: 48.23%. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** A delta of a share in percentage points: +0.87. */
export function pp(x: number): string {
  return signed(x * 100, 2);
}

/** Join names for a sentence: 、 in Chinese, ", " in English. */
export function joinNames(names: readonly string[], lang: 'zh' | 'en'): string {
  return names.join(lang === 'zh' ? '、' : ', ');
}

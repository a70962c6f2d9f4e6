/** A share in [0, 1] as a whole percentage: 0.4823 → '48%'. */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** A number with fixed decimals: fixed(0.78651, 2) → '0.79'. */
export function fixed(x: number, digits = 2): string {
  return x.toFixed(digits);
}

/** Replace `{name}` placeholders in a text. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}

/** The list separator of a language: 、 in Chinese, a comma in English. */
export function listSep(lang: 'zh' | 'en'): string {
  return lang === 'zh' ? '、' : ', ';
}

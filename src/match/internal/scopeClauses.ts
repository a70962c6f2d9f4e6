/** A clause of a business scope (经营范围): its span in the cleaned text and the weight its position and verb give it. */
export interface WeightedClause {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

// Registration boilerplate that every scope carries; it says nothing about the business.
const BOILERPLATE = [
  /[(（][^()（）]*依法[^()（）]*[)）]/g,
  /依法须经批准的项目[^;；。]*/g,
  /(一般项目|许可项目|一般经营项目|许可经营项目)[:：]/g,
  /具体经营项目以[^;；。]*为准/g,
  // Stock phrases nearly every scope carries: they say nothing about what the firm makes.
  /(货物进出口|技术进出口|进出口代理|技术服务|技术开发|技术咨询|技术交流|技术转让|技术推广)/g,
];
// Verbs of trade and services: selling something is weaker evidence than making it.
const TRADE = /(销售|批发|零售|进出口|贸易|代理|租赁|维修|咨询|技术服务|技术开发|技术推广|技术交流|技术转让|仓储|信息服务)/;
export const MAKE = /(制造|生产|加工|研发|研制|冶炼|种植|养殖|开采|培育|屠宰|组装|装配|铸造|锻造|轧制|纺|织|印染)/;
// Clause delimiters (a clause is a maximal run of other characters): ; ； 。 , ， 、 and newline.
const isDelimiter = (c: number): boolean => c === 59 || c === 0xff1b || c === 0x3002 || c === 44 || c === 0xff0c || c === 0x3001 || c === 10;

/**
 * Clean a business scope of registration boilerplate and split it into clauses, weighted: earlier
 * clauses count more (the main business comes first), trade-only clauses about a third of a
 * manufacturing one. Clauses are spans of the returned text, so it can be scanned once.
 */
export function scopeClauses(scope: string): { text: string; clauses: WeightedClause[] } {
  let text = scope;
  for (const re of BOILERPLATE) text = text.replace(re, '；');
  const clauses: WeightedClause[] = [];
  // A plain loop over the delimiters (this runs on every imported row; a global regex iterator allocates a match per clause).
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isDelimiter(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let end = i;
    while (end < n && !isDelimiter(text.charCodeAt(end))) end++;
    const p = text.slice(i, end);
    const lead = p.length - p.trimStart().length;
    const body = p.trim();
    if (body.length > 0) {
      const position = Math.max(0.4, 1 - 0.04 * clauses.length);
      const trade = TRADE.test(body) && !MAKE.test(body) ? 0.35 : 1;
      clauses.push({ start: i + lead, end: i + lead + body.length, weight: position * trade });
    }
    i = end;
  }
  return { text, clauses };
}

// Verbs of goods trade: a firm that only sells (批发、零售、分销) is a trader (GB/T 51/52), whatever goods it sells.
const GOODS_TRADE = /(批发|零售|分销|经销|销售)/;
// Clauses of product lines and scopes: the same delimiters as above except 、, which joins the goods of one clause
// (药品、医疗器械批发与零售 is one statement of trade).
const LINE_CLAUSE = /[;；。,，\n]/;
const PUNCTUATION = /[;；。,，、:：\s]+/g;

/**
 * A cleaned scope as a person would read it: the separators that boilerplate and stock phrases left behind
 * (`；；、；、；轴承销售`) collapsed to one `；` and trimmed. For evidence and for whole-text search; clause spans refer to
 * `scopeClauses(…).text`, not to this.
 *
 * @example
 * tidyScope('一般项目：技术服务、技术开发、技术咨询；货物进出口；轴承销售'); // '轴承销售'
 */
export function tidyScope(scope: string): string {
  let text = scope;
  for (const re of BOILERPLATE) text = text.replace(re, '；');
  return text
    .replace(/\s*[;；,，、。]\s*(?:[;；,，、。]\s*)+/g, '；')
    .replace(/^[\s;；,，、。:：]+|[\s;；,，、。:：]+$/g, '');
}

/**
 * Whether products and scope say only that the firm trades goods: every clause (boilerplate removed) names a goods
 * trade verb (批发、零售、分销、经销、销售) and no making verb (制造、生产、加工 …). A manufacturer's scope always names
 * what it makes; a wholesaler's or retailer's does not. Empty text is not trade-only.
 *
 * @example
 * isTradeOnly(['药品分销', '药品、医疗器械批发与零售']); // true
 * isTradeOnly(['铝型材', '铝合金材料熔铸、挤压及销售']); // false (a product line)
 */
export function isTradeOnly(lines: readonly string[]): boolean {
  let any = false;
  for (const line of lines) {
    let text = line;
    for (const re of BOILERPLATE) text = text.replace(re, '；');
    for (const raw of text.split(LINE_CLAUSE)) {
      // What the stock phrases leave behind (技术服务、技术开发 → 、) is no clause.
      const clause = raw.replace(PUNCTUATION, '').trim();
      if (clause.length === 0) continue;
      if (!GOODS_TRADE.test(clause) || MAKE.test(clause)) return false;
      any = true;
    }
  }
  return any;
}

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
const MAKE = /(制造|生产|加工|研发|研制|冶炼|种植|养殖|开采|培育|屠宰|组装|装配|铸造|锻造|轧制|纺|织|印染)/;
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

/** For each word found in the dataset's vocabulary: how many vocabulary entries of each industry contain it. */
export type HintIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** An industry-level hint: a word of the text that the vocabulary of one or a few industries uses. */
export interface IndustryHint {
  readonly word: string;
  /** Share of the word's vocabulary entries per industry (sums to 1). */
  readonly shares: ReadonlyMap<string, number>;
}

// Words every industry uses: they say nothing about which one.
const GENERIC = new Set([
  '服务', '设备', '制品', '材料', '产品', '其他', '工程', '技术', '系统', '加工', '制造', '生产', '销售', '专用', '通用', '配件', '部件', '零件', '综合',
  '贸易', '开发', '研发', '应用', '新型', '高端', '智能', '精密', '工业', '行业', '产业', '中心', '项目', '运营', '管理', '设施', '装置', '器件', '组件',
  '科技', '有限', '公司', '集团', '股份', '控股', '发展', '实业', '投资', '国际', '中国', '建设', '新材料', '新能源', '能源', '原料', '用品', '制造业',
]);
const MAX_WORD = 6;
const MAX_INDUSTRIES = 3;

/** Index every 2–6 character substring of the vocabulary (segment names and keywords, industry and sub-direction names). */
export function buildHintIndex(vocabulary: readonly { readonly text: string; readonly industry: string }[]): HintIndex {
  const out = new Map<string, Map<string, number>>();
  for (const { text, industry } of vocabulary) {
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    const seen = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      for (let len = 2; len <= MAX_WORD && i + len <= text.length; len++) {
        const w = text.slice(i, i + len);
        if (seen.has(w) || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
        seen.add(w);
        const m = out.get(w) ?? new Map<string, number>();
        m.set(industry, (m.get(industry) ?? 0) + 1);
        out.set(w, m);
      }
    }
  }
  return out;
}

/**
 * Words of a text (outside keyword hits) that the vocabulary uses, longest first at each position:
 * 汽车配件 → 汽车 (auto), 软件服务 → 软件 (ict). Words used by more than three industries, and generic
 * words (服务, 设备, 材料 …), give no hint.
 */
export function industryHints(text: string, covered: readonly { start: number; end: number }[], index: HintIndex): IndustryHint[] {
  const out: IndustryHint[] = [];
  const isCovered = (i: number): boolean => covered.some((c) => i >= c.start && i < c.end);
  for (let i = 0; i + 1 < text.length; ) {
    let found: { word: string; shares: Map<string, number> } | undefined;
    if (!isCovered(i)) {
      for (let len = Math.min(MAX_WORD, text.length - i); len >= 2 && found === undefined; len--) {
        const w = text.slice(i, i + len);
        const m = index.get(w);
        if (m === undefined || GENERIC.has(w) || m.size > MAX_INDUSTRIES || isCovered(i + len - 1)) continue;
        const total = [...m.values()].reduce((a, b) => a + b, 0);
        found = { word: w, shares: new Map([...m].map(([k, v]) => [k, v / total])) };
      }
    }
    if (found === undefined) {
      i++;
      continue;
    }
    out.push(found);
    i += found.word.length;
  }
  return out;
}

/**
 * Words that say what a company does, not who it is. A name reduced to these alone (北京银行 → 银行,
 * 中国石油化工 → 石油化工) keeps its place prefix, so different firms never share a key.
 */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  '银行', '农商银行', '农村商业银行', '商业银行', '证券', '保险', '人寿', '财险', '信托', '期货', '基金', '租赁', '资产', '资本', '金融',
  '医药', '制药', '药业', '医疗', '生物', '健康', '化工', '化学', '化纤', '石油', '石化', '天然气', '燃气', '电力', '电气', '电网', '电信', '移动', '联通',
  '钢铁', '钢管', '特钢', '铝业', '铜业', '煤业', '煤炭', '矿业', '黄金', '有色', '有色金属', '金属', '稀土', '建设', '建工', '建筑', '建材', '水泥',
  '能源', '新能源', '交通', '运输', '物流', '航空', '航运', '港口', '港务', '机场', '铁路', '高速', '公路', '水务', '环保', '环境',
  '投资', '控股', '实业', '科技', '技术', '发展', '产业', '工业', '商贸', '贸易', '国际', '机械', '重工', '装备', '汽车', '电子', '电器', '电缆', '轮胎', '轴承',
  '纺织', '服装', '食品', '农业', '粮油', '饲料', '材料', '新材料', '信息', '软件', '通信', '网络', '数据', '文化', '传媒', '旅游', '地产', '置业', '城投', '国资', '国投',
  '纸业', '玻璃', '塑料', '橡胶', '热电', '发电', '光电', '集团', '股份',
]);

/** Every character of the generic words: a text with another character is not generic (fast path). */
const GENERIC_CHARS: ReadonlySet<number> = new Set([...GENERIC_NAME_WORDS].flatMap((w) => [...w].map((c) => c.charCodeAt(0))));

/** True when the text is empty, shorter than two characters, or made only of generic words. */
export function isGenericName(text: string): boolean {
  if (text.length < 2) return true;
  for (let i = 0; i < text.length; i++) if (!GENERIC_CHARS.has(text.charCodeAt(i))) return false;
  // Segment greedily from the left with backtracking (the word list is small, names are short).
  const ok: boolean[] = new Array<boolean>(text.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 6); start < end && !ok[end]; start++) {
      if (ok[start] && GENERIC_NAME_WORDS.has(text.slice(start, end))) ok[end] = true;
    }
  }
  return ok[text.length] === true;
}

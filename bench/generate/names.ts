import { weightedSampler, type Rng } from './rng.js';
import { FALLBACK_INDUSTRY_WORDS, INDUSTRY_WORDS, LEGAL_FORMS, TRADE_NAME_CHARS } from './vocabulary.js';

const drawLegalForm = weightedSampler(LEGAL_FORMS);

/** A generated firm name with its parts (the parts make aliases and name-matching queries). */
export interface FirmName {
  /** Full registered name: [place] + 字号 + industry word + legal form, e.g. 山东鑫泰铝业股份有限公司. */
  readonly name: string;
  readonly place: string;
  readonly tradeName: string;
  readonly industryWord: string;
  readonly legalForm: string;
}

/** Short form of a province or city for a name prefix: 山东省 → 山东, 苏州市 → 苏州, 内蒙古自治区 → 内蒙古. */
export function placePrefix(place: string): string {
  return place.replace(/(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)$/, '');
}

/**
 * Draw a firm name. `taken` keeps names unique: on a clash another 字号 is drawn (then a longer one).
 *
 * @param rng - the draws
 * @param baseIndustry - the real (block-0) industry id, which picks the industry word
 * @param place - the place prefix candidate (province or city short form)
 * @param taken - names already used (updated)
 * @returns the name and its parts
 */
export function firmName(rng: Rng, baseIndustry: string, place: string, taken: Set<string>): FirmName {
  const words = INDUSTRY_WORDS[baseIndustry] ?? FALLBACK_INDUSTRY_WORDS;
  const industryWord = rng.pick(words);
  const legalForm = drawLegalForm(rng);
  const withPlace = rng.chance(0.55) ? place : '';
  for (let attempt = 0; ; attempt++) {
    const len = attempt < 4 ? (rng.chance(0.8) ? 2 : 3) : 3 + Math.floor(attempt / 8);
    let tradeName = '';
    for (let i = 0; i < len; i++) tradeName += rng.pick(TRADE_NAME_CHARS);
    const name = `${withPlace}${tradeName}${industryWord}${legalForm}`;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, place: withPlace, tradeName, industryWord, legalForm };
    }
  }
}

// English for a Chinese place name the dataset gives no `nameEn` for: the name in pinyin (pinyin-pro, no tones,
// capitalised) with its administrative suffix translated, as Chinese place names are usually written in English.
import { pinyin } from 'pinyin-pro';

/** Administrative suffixes, longest first: the English word after the name ('' for provinces and cities: "Binzhou"). */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['经济技术开发区', ' Economic and Technological Development Zone'],
  ['维吾尔自治区', ''],
  ['壮族自治区', ''],
  ['回族自治区', ''],
  ['特别行政区', ''],
  ['开发区', ' Development Zone'],
  ['高新区', ' High-tech Zone'],
  ['自治区', ''],
  ['自治州', ' Prefecture'],
  ['街道', ' Subdistrict'],
  ['新区', ' New Area'],
  ['省', ''],
  ['市', ''],
  ['区', ' District'],
  ['县', ' County'],
  ['镇', ' Town'],
  ['乡', ' Township'],
];

const HAN = /[\u4e00-\u9fff]/;

/**
 * A Chinese place name in English: pinyin of the name (syllables run together, capitalised; ' before a syllable
 * starting with a vowel, as in Dong'e) plus the translated suffix. Text without Chinese characters is returned as it is.
 *
 * @param name - e.g. 东昌府区, 滨州市, 山东省
 * @returns e.g. 'Dongchangfu District', 'Binzhou', 'Shandong'
 * @example
 * placeNameEn('东昌府区'); // 'Dongchangfu District'
 * placeNameEn('东阿县'); // "Dong'e County"
 */
export function placeNameEn(name: string): string {
  const text = name.trim();
  if (!HAN.test(text)) return text;
  const [suffix, english] = SUFFIXES.find(([s]) => text.endsWith(s) && text.length > s.length) ?? ['', ''];
  const base = text.slice(0, text.length - suffix.length);
  const syllables = pinyin(base, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('');
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}${english}`;
}

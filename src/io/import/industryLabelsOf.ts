import type { IndustryLabel } from '../../schema/company.js';
import type { ImportField } from './types.js';

/** The industry fields of an import and how each is read: classification scheme and level (when the header says). */
export const INDUSTRY_FIELDS: readonly (readonly [ImportField, IndustryLabel['scheme'] | 'auto', number | undefined])[] = [
  ['gbSection', 'gb4754', 1],
  ['gbDivision', 'gb4754', 2],
  ['gbGroup', 'gb4754', 3],
  ['gbClass', 'gb4754', 4],
  ['gbIndustry', 'gb4754', undefined],
  ['swL1', 'sw2021', 1],
  ['swL2', 'sw2021', 2],
  ['swL3', 'sw2021', 3],
  ['swIndustry', 'sw2021', undefined],
  ['csrcIndustry', 'csrc2012', undefined],
  ['industryCode', 'auto', undefined],
];

// 'C3252 铝压延加工', '(C3252)铝压延加工', 'C32', 'C', '3252', 'C-制造业', '制造业'.
const GB = /^\(?([A-Ta-t](?![A-Za-z]))?\s*(\d{2,4})?\)?\s*[-:：.、]?\s*(.*)$/;
const SW_CODE = /^(\d{6})(?:\.SI)?\s*[-:：]?\s*(.*)$/i;
const PARTS = /\s*(?:[；;>|/]|->|→)\s*/;

function gbLabel(text: string, level: number | undefined): IndustryLabel | undefined {
  const m = GB.exec(text);
  if (m === null) return undefined;
  const letter = m[1]?.toUpperCase();
  const digits = m[2];
  const name = m[3]!.trim();
  // A bare letter is a 门类 code only when nothing else follows ('C'); 'Chemicals' is a name.
  if (letter !== undefined && digits === undefined && name.length > 0 && /^[a-z]/i.test(name)) return { scheme: 'gb4754', ...(level !== undefined ? { level } : {}), name: text };
  const code = digits ?? letter;
  const lvl = level ?? (digits !== undefined ? digits.length : letter !== undefined ? 1 : undefined);
  if (code === undefined && name.length === 0) return undefined;
  return { scheme: 'gb4754', ...(lvl !== undefined ? { level: lvl } : {}), ...(code !== undefined ? { code } : {}), ...(name.length > 0 ? { name } : {}) };
}

function swLabel(text: string, level: number | undefined): IndustryLabel {
  const m = SW_CODE.exec(text);
  if (m === null) return { scheme: 'sw2021', ...(level !== undefined ? { level } : {}), name: text };
  const code = m[1]!;
  const lvl = level ?? (code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3);
  return { scheme: 'sw2021', level: lvl, code, ...(m[2]!.length > 0 ? { name: m[2]! } : {}) };
}

function csrcLabel(text: string): IndustryLabel {
  const m = /^([A-S])(\d{2})?\s*[-:：]?\s*(.*)$/.exec(text);
  if (m === null || (m[2] === undefined && m[3]!.length > 0 && /^[a-z]/i.test(m[3]!))) return { scheme: 'csrc2012', name: text };
  const name = m[3]!.trim();
  return { scheme: 'csrc2012', level: m[2] !== undefined ? 2 : 1, code: `${m[1]}${m[2] ?? ''}`, ...(name.length > 0 ? { name } : {}) };
}

/** A generic industry cell (所属行业, 企查查行业 …): a GB/T code when it starts with one ('C3252 铝压延加工'), else a vendor label. */
function autoLabel(text: string): IndustryLabel {
  if (/^\(?[A-T]?\d{2,4}\)?(\s|[-:：.、]|$|[\u4e00-\u9fff])/.test(text) || /^[A-T](\s|$)/.test(text)) {
    const gb = gbLabel(text, undefined);
    if (gb !== undefined && gb.code !== undefined) return gb;
  }
  return { scheme: 'vendor', name: text };
}

/**
 * Read the industry cells of a row into labels, one per level and classification: '国标行业小类: C3252 铝压延加工'
 * → `{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }`. A cell naming several levels
 * ('制造业>有色金属冶炼和压延加工业') gives one label per part.
 *
 * @param cellOf - the row's text for a field (undefined when empty)
 * @returns the labels, in field order, without duplicates
 * @example
 * industryLabelsOf((f) => (f === 'gbClass' ? 'C3252 铝压延加工' : undefined)); // [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }]
 */
export function industryLabelsOf(cellOf: (field: ImportField) => string | undefined): IndustryLabel[] {
  const out: IndustryLabel[] = [];
  const seen = new Set<string>();
  for (const [field, scheme, level] of INDUSTRY_FIELDS) {
    const text = cellOf(field);
    if (text === undefined) continue;
    const parts = text.split(PARTS).map((p) => p.trim()).filter((p) => p.length > 0);
    parts.forEach((part, k) => {
      // Several parts in one GB cell are successive levels when no level is given ('制造业>…>铝压延加工').
      const lvl = level ?? (scheme === 'gb4754' && parts.length > 1 && !/\d/.test(part) ? k + 1 : undefined);
      const label = scheme === 'gb4754' ? gbLabel(part, lvl) : scheme === 'sw2021' ? swLabel(part, lvl) : scheme === 'csrc2012' ? csrcLabel(part) : autoLabel(part);
      if (label === undefined) return;
      const key = `${label.scheme}|${label.level ?? ''}|${label.code ?? ''}|${label.name ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(label);
    });
  }
  return out;
}

import { findPlace, type DatasetIndex } from '../../dataset/indexDataset.js';
import type { Lang } from '../../errors.js';
import type { SegmentGap } from '../../gaps/types.js';
import type { City, HqLocation } from '../../schema/index.js';
import { REGION_EN } from '../../scoring/labels.js';
import { pick, type Label } from '../labels.js';
import { own } from '../../internal/own.js';
import { placeNameEn } from '../../messages/placeNameEn.js';

/** What every part of the handbook builder reads: the indexed dataset, the gaps by segment, the language. */
export interface BuildContext {
  readonly index: DatasetIndex;
  readonly lang: Lang;
  readonly gapBySegment: ReadonlyMap<string, SegmentGap>;
}

/** Text of a zh/en label in the context's language. */
export function t(ctx: BuildContext, label: Label): string {
  return pick(label, ctx.lang);
}

/** The display name of a record with `name` / `nameEn`. */
export function nameOf(ctx: BuildContext, r: { readonly name: string; readonly nameEn?: string | undefined }): string {
  return ctx.lang === 'zh' ? r.name : (r.nameEn ?? r.name);
}

/** Display text of a region tag. */
export function regionLabel(ctx: BuildContext, region: string): string {
  return ctx.lang === 'zh' ? region : (own(REGION_EN, region) ?? region);
}

/** The place record of an HQ, when the dataset lists it. */
export function placeOf(ctx: BuildContext, hq: HqLocation): City | undefined {
  return findPlace(ctx.index, hq);
}

/** "省 市" label of an HQ (the city alone for municipalities), or the English place name (`nameEn`, else in pinyin: "Binzhou, Shandong"). */
export function hqLabel(ctx: BuildContext, hq: HqLocation): string {
  const place = placeOf(ctx, hq);
  if (ctx.lang === 'en' && place?.nameEn !== undefined) return place.nameEn;
  if (ctx.lang === 'en' && (hq.country === undefined || hq.country === '中国')) return hq.province === hq.city ? placeNameEn(hq.city) : `${placeNameEn(hq.city)}, ${placeNameEn(hq.province)}`;
  const country = hq.country !== undefined && hq.country !== '中国' ? `${hq.country} ` : '';
  return hq.province === hq.city ? `${country}${hq.city}` : `${country}${hq.province}${ctx.lang === 'zh' ? '' : ' '}${hq.city}`;
}

/** Round to a fixed number of decimals (display data; keeps output stable across platforms). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A county-level unit of the home city in the context's language (its `nameEn` in cities.json for English, else in pinyin: 东昌府区 → Dongchangfu District). */
export function countyLabel(ctx: BuildContext, county: string): string {
  if (ctx.lang === 'zh') return county;
  const place = findPlace(ctx.index, { province: ctx.index.dataset.meta.home.province, city: county });
  return place?.nameEn ?? placeNameEn(county);
}

import type { Feature } from './Feature.js';
import { bestSegmentFeature } from './maxOverSegments.js';

/**
 * Chain synergy (the 以商招商 path): the company supplies or buys from segments present in the city. For a
 * segment s, rank its supply links to or from local segments m by strength w · p(m) (link weight × local
 * presence); with the strongest l1 and the second l2: syn(s) = l1 + 0.5 · l2 · (1 − l1). The company takes
 * its best segment. The reason names the strongest link and the local firms on it, as a potential (segment-level)
 * link: a recorded relation between firms is a tie (see `ties`), not synergy.
 *
 * @example
 * synergy.explain(company, ctx).reasons[0]?.zh; // '潜在供需（环节层面）：可向本地“铝型材”供货（信发集团）：链接权重 0.60，本地存在度 0.85'
 */
export const synergy: Feature = bestSegmentFeature('synergy', (ctx) => ctx.synergyValue, (ctx, slot) => {
  const link = ctx.synergyLink[slot];
  if (link === undefined) return [];
  const nb = ctx.index.segmentById.get(link.neighbour);
  const name = nb?.name ?? link.neighbour;
  const nameEn = nb?.nameEn ?? link.neighbour;
  const firmsZh = link.firms.length > 0 ? `（${link.firms.join('、')}）` : '';
  const firmsEn = link.firms.length > 0 ? ` (${link.firms.join(', ')})` : '';
  const numbersZh = `链接权重 ${link.weight.toFixed(2)}，本地存在度 ${link.presence.toFixed(2)}`;
  const numbersEn = `link weight ${link.weight.toFixed(2)}, local presence ${link.presence.toFixed(2)}`;
  const reason =
    link.direction === 'supplies'
      ? { code: 'synergy.supplies', zh: `潜在供需（环节层面）：可向本地“${name}”供货${firmsZh}：${numbersZh}`, en: `potential link (segment level): can supply local "${nameEn}"${firmsEn}: ${numbersEn}` }
      : { code: 'synergy.buys', zh: `潜在供需（环节层面）：可采购本地“${name}”产品${firmsZh}：${numbersZh}`, en: `potential link (segment level): can buy from local "${nameEn}"${firmsEn}: ${numbersEn}` };
  return [reason];
});

import { placeKey } from '../../dataset/checkReferences.js';
import type { Reason } from '../../gaps/types.js';
import type { Company } from '../../schema/index.js';
import type { PlaceFacts, ScoringContext } from '../buildScoringContext.js';
import { REGION_EN } from '../labels.js';
import type { Feature } from './Feature.js';
import { own } from '../../internal/own.js';

function factsOf(company: Company, ctx: ScoringContext): PlaceFacts | undefined {
  return ctx.placeOf(company.hq);
}

/**
 * Proximity: how close the HQ is to the city, and whether it lies in a priority region (重点区域).
 * hours = the place's rail time when known, else haversine km / 200; nearness = exp(−hours / 4);
 * proximity = 0.6 · nearness + 0.4 · [HQ in a priority region]. Priority regions come from the options,
 * else `dataset.meta.priorities.regions`, else 京津冀, 长三角, 粤港澳, 济南都市圈, 川渝, 高铁沿线.
 * An HQ not in the places table scores 0 and says so; an HQ known only by its province is placed at the mean position
 * of the province's cities in the table (regions: those all of them share) and says so.
 *
 * @example
 * proximity.explain(company, ctx).reasons.map((r) => r.zh); // ['总部位于长三角（上海市）', '距聊城约 771 km，高铁约 4.0 小时']
 */
export const proximity: Feature = {
  name: 'proximity',
  value(company, ctx) {
    return factsOf(company, ctx)?.value ?? 0;
  },
  explain(company, ctx) {
    const facts = factsOf(company, ctx);
    const where = `${company.hq.country !== undefined && company.hq.country !== '中国' ? `${company.hq.country} ` : ''}${company.hq.province}${company.hq.city === company.hq.province ? '' : company.hq.city}`;
    if (facts === undefined) {
      return { value: 0, reasons: [{ code: 'proximity.unknown-place', zh: `总部“${where}”不在地点表中，区位记 0`, en: `HQ "${where}" is not in the places table: proximity 0` }] };
    }
    const meta = ctx.index.dataset.meta.home;
    const home = meta.city;
    const homeEn = ctx.index.placeByKey.get(placeKey(meta.province, meta.city))?.nameEn ?? home;
    const reasons: Reason[] = [];
    if (facts.regions.length > 0) {
      reasons.push({ code: 'proximity.region', zh: `总部位于${facts.regions.join('、')}（${facts.place.name}）`, en: `HQ in ${facts.regions.map((r) => own(REGION_EN, r) ?? r).join(', ')} (${facts.nameEn})` });
    }
    const km = Math.round(facts.km);
    if (facts.provinceOnly === true) {
      reasons.push({ code: 'proximity.province-only', zh: `总部只知省份（${facts.place.name}），按省内各地级市的平均位置估算：距${home}约 ${km} km（待核实）`, en: `only the HQ province is known (${facts.nameEn}): distance from the mean position of its cities, about ${km} km from ${homeEn} (to verify)` });
      return { value: facts.value, reasons };
    }
    reasons.push(
      facts.hoursFromRail
        ? { code: 'proximity.distance', zh: `距${home}约 ${km} km，高铁约 ${facts.hours.toFixed(1)} 小时`, en: `about ${km} km from ${homeEn}, ${facts.hours.toFixed(1)} h by rail` }
        : { code: 'proximity.distance', zh: `距${home}约 ${km} km`, en: `about ${km} km from ${homeEn}` },
    );
    return { value: facts.value, reasons };
  },
};

import type { Reason } from '../../gaps/types.js';
import type { Company, Tie } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import { complementFormula, NUMBERS } from '../formula.js';
import { TIE_LABELS } from '../labels.js';
import { tiesOf } from '../tiesOf.js';
import type { Feature } from './Feature.js';

/** Weight of each kind of tie; several ties combine as 1 − Π(1 − w). */
export const TIE_WEIGHTS: Readonly<Record<Tie['type'], number>> = Object.freeze({
  'parent-of-local': 1,
  'subsidiary-of-local': 0.9,
  'existing-investment': 0.9,
  'native-entrepreneur': 0.8,
  'supplier-of-local': 0.7,
  'customer-of-local': 0.7,
  'partner-of-local': 0.6,
  'same-group': 0.3,
});

/** The company's relation to a named local firm, for reasons. */
const TIE_RELATIONS: Readonly<Record<Tie['type'], { readonly zh: string; readonly en: string }>> = {
  'parent-of-local': { zh: '母公司', en: 'parent' },
  'subsidiary-of-local': { zh: '子公司', en: 'subsidiary' },
  'supplier-of-local': { zh: '供应商', en: 'supplier' },
  'customer-of-local': { zh: '客户', en: 'customer' },
  'partner-of-local': { zh: '合作伙伴', en: 'partner' },
  'same-group': { zh: '同集团企业', en: 'sister company' },
  'native-entrepreneur': { zh: '乡贤关联方', en: 'native-entrepreneur tie' },
  'existing-investment': { zh: '投资方', en: 'investor' },
};

function tiesValue(company: Company, ctx: ScoringContext): number {
  let miss = 1;
  const declared = company.ties;
  if (declared !== undefined) for (let k = 0; k < declared.length; k++) miss *= complementFormula(NUMBERS, TIE_WEIGHTS[declared[k]!.type]);
  const children = ctx.childrenOf.get(company.id);
  if (children !== undefined) {
    for (const e of children) {
      const named = declared?.some((t) => t.type === 'parent-of-local' && t.enterprise === e.id) === true;
      if (!named) miss *= complementFormula(NUMBERS, TIE_WEIGHTS['parent-of-local']);
    }
  }
  return complementFormula(NUMBERS, miss);
}

/**
 * Ties to the city: parent, subsidiary, supplier, customer or partner of a local firm, an existing
 * investment, a native entrepreneur (乡贤), and local enterprises that name the company as their parent.
 * ties = 1 − Π(1 − w(type)) with w: parent 1, subsidiary 0.9, existing investment 0.9, native 0.8,
 * supplier / customer 0.7, partner 0.6, same group (sister company under a common owner) 0.3.
 *
 * @example
 * ties.explain(sinochem, ctx).reasons[0]?.zh; // '本地企业的母公司：鲁西化工集团股份有限公司（阳谷县）的母公司'
 */
export const ties: Feature = {
  name: 'ties',
  value: tiesValue,
  explain(company, ctx) {
    const reasons: Reason[] = tiesOf(company, ctx).map((t) => {
      const firm = t.enterprise !== undefined ? ctx.index.enterpriseById.get(t.enterprise) : undefined;
      const label = TIE_LABELS[t.type];
      if (firm === undefined) return { code: `ties.${t.type}`, zh: `${label.zh}：${t.text}`, en: `${label.en}: ${t.text}` };
      const rel = TIE_RELATIONS[t.type];
      return { code: `ties.${t.type}`, zh: `本地企业“${firm.name}”的${rel.zh}（${t.text}）`, en: `${rel.en} of local firm "${firm.nameEn ?? firm.name}" (${t.text})` };
    });
    return { value: tiesValue(company, ctx), reasons };
  },
};

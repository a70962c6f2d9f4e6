import { statedRevenue } from '../../model/revenueBand.js';
import type { RevenueBand } from '../../schema/common.js';
import type { Company } from '../../schema/company.js';
import type { Enterprise } from '../../schema/enterprise.js';
import { DEFAULT_LANDING_SIZE, type LandingSize } from '../scenario.js';

/** Id of the local enterprise a landing creates. */
export function landedEnterpriseId(companyId: string): string {
  return `landed.${companyId}`;
}

/** Revenue fields of the landed plant: the size given, else the default capped at the company's own revenue. */
function revenueFields(company: Company, size: LandingSize | undefined): { revenue: number; revenueEstimated?: true } | { revenueBand: RevenueBand } {
  if (typeof size === 'number') return { revenue: size };
  if (size !== undefined) return { revenueBand: size };
  // The company's own revenue: stated, else its band's midpoint (the open top band counts 1.5 × its floor).
  const own = statedRevenue(company, 'midpoint');
  return { revenue: own !== undefined && own > 0 ? Math.min(DEFAULT_LANDING_SIZE, own) : DEFAULT_LANDING_SIZE, revenueEstimated: true };
}

/** What a landing needs besides the company. */
export interface LandingSpec {
  readonly segments: readonly string[];
  readonly county: string;
  readonly size?: LandingSize | undefined;
  readonly status?: 'operating' | 'under-construction' | undefined;
  /** Whether the company is in `dataset.companies` (then it becomes the plant's parent company). */
  readonly inDataset: boolean;
  readonly asOf: string;
  readonly scenarioName?: string | undefined;
}

/**
 * The local enterprise that a landing creates: named after the company, on the given segments (deduplicated,
 * in the given order), with the landing's revenue, low confidence and the scenario as its source.
 */
export function landedEnterprise(company: Company, spec: LandingSpec): Enterprise {
  return {
    id: landedEnterpriseId(company.id),
    name: company.name,
    ...(company.nameEn !== undefined ? { nameEn: company.nameEn } : {}),
    segments: [...new Set(spec.segments)],
    county: spec.county,
    parent: company.name,
    ...(spec.inDataset ? { parentCompanyId: company.id } : {}),
    ...revenueFields(company, spec.size),
    ...(spec.status === 'under-construction' ? { status: 'under-construction' as const } : {}),
    note: '情景推演：假设落地 / what-if: assumed landing',
    source: spec.scenarioName !== undefined ? `what-if scenario "${spec.scenarioName}"` : 'what-if scenario',
    confidence: 'low',
    asOf: spec.asOf,
  };
}

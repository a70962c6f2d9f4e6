import type { FeatureName } from '../types.js';
import type { Feature } from './Feature.js';
import { gapFit } from './gapFit.js';
import { momentum } from './momentum.js';
import { policyFit } from './policyFit.js';
import { proximity } from './proximity.js';
import { risk } from './risk.js';
import { scale } from './scale.js';
import { synergy } from './synergy.js';
import { ties } from './ties.js';

/** Every feature by name (the order of FEATURE_NAMES). */
export const ALL_FEATURES: Readonly<Record<FeatureName, Feature>> = Object.freeze({
  gapFit,
  synergy,
  scale,
  momentum,
  proximity,
  policy: policyFit,
  ties,
  risk,
});

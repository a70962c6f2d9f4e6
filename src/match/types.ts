import type { Company } from '../schema/company.js';

/** A company field that tagging reads. */
export type TagField = 'name' | 'products' | 'businessScope' | 'industryCode';

/** How sure a tag is: confirmed (strong evidence), uncertain (weak, check by hand), rejected (shown for explanation only). */
export type TagStatus = 'confirmed' | 'uncertain' | 'rejected';

/** One keyword found in one field: which word, where, and the text around it. */
export interface TagEvidence {
  readonly field: TagField;
  /** The segment keyword as written in the dataset. */
  readonly keyword: string;
  /** The product, business-scope clause or name in which it was found. */
  readonly text: string;
}

/** A segment a company may sit on (挂链候选), with its score in [0, 1], status and evidence. */
export interface SegmentCandidate {
  readonly segment: string;
  readonly industry: string;
  readonly score: number;
  readonly status: TagStatus;
  readonly evidence: readonly TagEvidence[];
}

/** An industry a company may belong to: from its best segment and from industry-level hints. */
export interface IndustryCandidate {
  readonly industry: string;
  readonly score: number;
  readonly status: TagStatus;
  readonly evidence: readonly TagEvidence[];
}

/** Segment and industry candidates of one company. */
export interface TagResult {
  readonly segments: SegmentCandidate[];
  readonly industries: IndustryCandidate[];
}

/** What tagging needs of a company. */
export type TaggableCompany = Pick<Company, 'name'> & Partial<Pick<Company, 'aliases' | 'products' | 'businessScope' | 'industryCode'>>;

/** What name matching needs of a company. */
export type NamedRecord = Pick<Company, 'id' | 'name'> & Partial<Pick<Company, 'aliases'>>;

/** Which text of a record a name match was found on. */
export type MatchedOn = 'key' | 'name' | 'alias' | 'pinyin';

/** A search hit: the record's position in the indexed list, its id and name, a score in [0, 1] (1 = same key). */
export interface NameMatch {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly matchedOn: MatchedOn;
}

/** How sure a merge is: high = same credit code or same name; medium = same key (legal form or place prefix differ); low = fuzzy. */
export type MergeConfidence = 'high' | 'medium' | 'low';

/** Why two records were taken as one firm. */
export type MergeReason = 'credit-code' | 'same-name' | 'same-key' | 'former-name' | 'branch' | 'fuzzy';

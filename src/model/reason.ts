// Types shared by the analysis stages (gaps, scoring, what-if) and the chain graph, kept below all of them.

/** A sentence of explanation in both languages; `code` names the rule or measure it comes from. */
export interface Reason {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** Gap kinds: 补链 fill, 延链 extend, 强链 strengthen, 建链 build, or none (present and healthy). */
export type GapKind = 'fill' | 'extend' | 'strengthen' | 'build' | 'none';

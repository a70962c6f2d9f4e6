// Small text helpers shared by the reason builders (not exported from the package).
import type { NeighbourRef } from '../rules/facts.js';
import type { Segment } from '../../schema/segment.js';

/** A number with two decimals, as quoted in reasons. */
export function f2(x: number): string {
  return x.toFixed(2);
}

/**
 * Up to two neighbours, named with their presence, in both languages.
 *
 * @example
 * neighbourList(refs, ctx.segments).zh; // '「铝型材」（存在度 0.87）、「铝板带箔」（0.60）'
 */
export function neighbourList(refs: readonly NeighbourRef[], segments: readonly Segment[]): { zh: string; en: string; enVerb: 'is' | 'are' } {
  const shown = refs.slice(0, 2);
  const more = refs.length - shown.length;
  const zh = shown.map((r, k) => `「${segments[r.index]!.name}」（${k === 0 ? '存在度 ' : ''}${f2(r.presence)}）`).join('、') + (more > 0 ? `等 ${refs.length} 个环节` : '');
  const en = shown.map((r, k) => `"${segments[r.index]!.nameEn}" (${k === 0 ? 'presence ' : ''}${f2(r.presence)})`).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return { zh, en, enVerb: refs.length > 1 ? 'are' : 'is' };
}

import type { CountRow, TargetCard } from '../types.js';

/**
 * Targets counted by HQ region tag (a target counts once in each of its tags; one without a tag counts
 * in `other`), sorted by count desc then label.
 */
export function regionCounts(targets: readonly TargetCard[], other: string): CountRow[] {
  const counts = new Map<string, number>();
  for (const c of targets) {
    const tags = c.regions.length > 0 ? new Set(c.regions) : new Set([other]);
    for (const r of tags) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

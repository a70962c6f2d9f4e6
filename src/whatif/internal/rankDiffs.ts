import type { Reason } from '../../gaps/types.js';
import type { RankedItem } from '../../scoring/types.js';
import type { RankChangeStatus, RankDiff } from '../types.js';
import { round4 } from './format.js';
import { featureDeltas, movedReasons, type RankReasonContext } from './rankReasons.js';

const STATUS_ORDER: Readonly<Record<RankChangeStatus, number>> = { landed: 0, excluded: 1, moved: 2, entered: 2, left: 2 };

function statusReason(status: RankChangeStatus, item: RankedItem): Reason {
  switch (status) {
    case 'landed':
      return { code: 'whatif.rank.landed', zh: `情景中已落地，不再是招商目标（原排名 ${item.rank}）`, en: `landed in the scenario, no longer a target (was rank ${item.rank})` };
    case 'excluded':
      return { code: 'whatif.rank.excluded', zh: `情景中已排除（已签约或已对接；原排名 ${item.rank}）`, en: `excluded by the scenario (signed or contacted; was rank ${item.rank})` };
    case 'entered':
      return { code: 'whatif.rank.entered', zh: `进入名单，排名 ${item.rank}`, en: `entered the list at rank ${item.rank}` };
    default:
      return { code: 'whatif.rank.left', zh: `跌出名单（原排名 ${item.rank}）`, en: `left the list (was rank ${item.rank})` };
  }
}

function oneSided(item: RankedItem, status: RankChangeStatus, before: boolean): RankDiff {
  return {
    id: item.id,
    name: item.name,
    status,
    fromRank: before ? item.rank : null,
    toRank: before ? null : item.rank,
    rankDelta: 0,
    scoreFrom: before ? item.score : null,
    scoreTo: before ? null : item.score,
    scoreDelta: 0,
    featureDeltas: {},
    reasons: [statusReason(status, item)],
  };
}

/**
 * Rank movements between two runs: every company that landed, was excluded, entered or left the list,
 * or whose rank or score changed; sorted landed, excluded, then by |Δ rank| desc, |Δ score| desc, id asc.
 */
export function rankDiffs(ctx: RankReasonContext): RankDiff[] {
  const after = new Map(ctx.other.ranking.items.map((i) => [i.id, i]));
  const landed = new Set(ctx.other.landed.map((l) => l.company));
  const excluded = new Set(ctx.other.excluded);
  const out: RankDiff[] = [];
  const seen = new Set<string>();
  for (const a of ctx.base.ranking.items) {
    seen.add(a.id);
    const b = after.get(a.id);
    if (b === undefined) {
      out.push(oneSided(a, landed.has(a.id) ? 'landed' : excluded.has(a.id) ? 'excluded' : 'left', true));
      continue;
    }
    if (a.rank === b.rank && a.score === b.score && a.features === b.features) continue;
    const deltas = featureDeltas(a, b);
    if (a.rank === b.rank && a.score === b.score && Object.keys(deltas).length === 0) continue;
    out.push({
      id: b.id,
      name: b.name,
      status: 'moved',
      fromRank: a.rank,
      toRank: b.rank,
      rankDelta: a.rank - b.rank,
      scoreFrom: a.score,
      scoreTo: b.score,
      scoreDelta: round4(b.score - a.score),
      featureDeltas: deltas,
      reasons: movedReasons(a, b, ctx),
    });
  }
  for (const b of ctx.other.ranking.items) if (!seen.has(b.id)) out.push(oneSided(b, 'entered', false));
  return out.sort(
    (x, y) =>
      STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
      Math.abs(y.rankDelta) - Math.abs(x.rankDelta) ||
      Math.abs(y.scoreDelta) - Math.abs(x.scoreDelta) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

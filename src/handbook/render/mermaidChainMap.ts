import type { Lang } from '../../errors.js';
import { stripControlChars } from '../../internal/controlChars.js';
import { GAP_KIND_COLORS, GAP_KINDS_ORDER, STAGES, STAGE_LABELS, TEXT, pick } from '../labels.js';
import type { ChainMapData } from '../types.js';

/** Text safe inside a quoted Mermaid label: Mermaid's `#code;` entities for the characters that would end or inject markup. */
function label(text: string): string {
  return stripControlChars(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

/**
 * A chain map as a Mermaid flowchart (rendered by GitHub, Gitee, Typora …): stages as subgraphs, nodes
 * classed by gap kind, link width by weight, cross-industry links dotted. Node ids are generated
 * (`n0`, `n1` …), so data never reaches Mermaid syntax except inside escaped labels.
 *
 * @param map - the chain map data
 * @param lang - language of the stage names
 * @returns the Mermaid source (without the code fence)
 * @example
 * mermaidChainMap(chapter.map, 'zh').startsWith('flowchart LR'); // true
 */
export function mermaidChainMap(map: ChainMapData, lang: Lang): string {
  const idOf = new Map(map.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  const groups: { key: string; title: string; nodes: typeof map.nodes }[] = [
    { key: 'ext_in', title: pick(TEXT.externalIn, lang), nodes: map.nodes.filter((n) => n.external && n.side === 'in') },
    ...STAGES.map((s) => ({ key: s, title: pick(STAGE_LABELS[s], lang), nodes: map.nodes.filter((n) => !n.external && n.stage === s) })),
    { key: 'ext_out', title: pick(TEXT.externalOut, lang), nodes: map.nodes.filter((n) => n.external && n.side !== 'in') },
  ];
  for (const g of groups) {
    if (g.nodes.length === 0) continue;
    lines.push(`  subgraph ${g.key}["${label(g.title)}"]`);
    for (const n of g.nodes) {
      const text = n.external ? `${n.name}（${n.industryName}）` : n.name;
      lines.push(`    ${idOf.get(n.id)}["${label(text)}"]:::${n.external ? 'external' : `k_${n.kind}`}`);
    }
    lines.push('  end');
  }
  const styles: string[] = [];
  for (const e of map.edges) {
    const a = idOf.get(e.from);
    const b = idOf.get(e.to);
    if (a === undefined || b === undefined) continue;
    styles.push(`  linkStyle ${styles.length} stroke-width:${(0.8 + 4.2 * Math.min(1, e.weight)).toFixed(1)}px`);
    lines.push(`  ${a} ${e.crossIndustry ? '-.->' : '-->'} ${b}`);
  }
  for (const k of GAP_KINDS_ORDER) lines.push(`  classDef k_${k} fill:${GAP_KIND_COLORS[k].fill},stroke:${GAP_KIND_COLORS[k].stroke},color:#1f2933`);
  lines.push('  classDef external fill:#f4f6f8,stroke:#9aa5b1,stroke-dasharray:4 3,color:#3e4c59');
  return [...lines, ...styles].join('\n');
}

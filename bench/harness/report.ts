import type { MachineInfo } from './machine.js';
import { round } from './stats.js';
import type { BenchResult, ScalingSeries, Target } from './types.js';

/** bench/results.json. */
export interface BenchReport {
  readonly version: 1;
  readonly generatedAt: string;
  readonly durationS: number;
  readonly machine: MachineInfo;
  readonly seed: number;
  readonly results: readonly BenchResult[];
  readonly scaling: readonly ScalingSeries[];
  readonly facts: Readonly<Record<string, unknown>>;
}

/**
 * Whether a measured row meets its target (median time, peak RSS, ratio to the baseline kernel); undefined
 * when the row has no target or was not measured.
 */
export function meetsTarget(r: BenchResult): boolean | undefined {
  const t = r.target;
  const m = r.measurement;
  if (t === undefined || m === undefined || r.status !== 'ok') return undefined;
  const ratio = r.details?.ratioToKernel;
  return (
    (t.maxMs === undefined || m.medianMs <= t.maxMs) &&
    (t.maxPeakMb === undefined || m.peakRssMb <= t.maxPeakMb) &&
    (t.maxKernelRatio === undefined || (typeof ratio === 'number' && ratio <= t.maxKernelRatio))
  );
}

function fmtMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms >= 10_000) return `${round(ms / 1000, 3)} s`;
  if (ms >= 1_000) return `${round(ms / 1000, 3)} s`;
  if (ms >= 1) return `${round(ms, 3)} ms`;
  return `${round(ms * 1000, 3)} µs`;
}

function fmtTarget(t: Target | undefined): string {
  if (t === undefined) return '';
  const parts: string[] = [];
  if (t.maxMs !== undefined) parts.push(`≤ ${fmtMs(t.maxMs)}`);
  if (t.maxPeakMb !== undefined) parts.push(`≤ ${round(t.maxPeakMb / 1024, 3)} GB`);
  if (t.maxKernelRatio !== undefined) parts.push(`≤ ${t.maxKernelRatio}× kernel`);
  return parts.join(', ');
}

function cellText(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/**
 * The results as a Markdown table (also readable as plain text): stage, size, median, p90, peak RSS
 * (and the RSS before the run), target, met, notes.
 */
export function resultsTable(results: readonly BenchResult[]): string {
  const head = ['Stage', 'Size', 'Median', 'p90', 'CPU', 'Peak RSS MB (before)', 'Target', 'Met', 'Notes'];
  const rows = results.map((r) => {
    const m = r.measurement;
    const ratio = r.details?.ratioToKernel;
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    const note = r.status === 'ok' ? [typeof ratio === 'number' ? `${ratio}× kernel` : '', r.note ?? ''].filter(Boolean).join('; ') : `${r.status}: ${r.note ?? ''}`;
    return [
      r.stage,
      r.size,
      m ? fmtMs(m.medianMs) : '—',
      m ? fmtMs(m.p90Ms) : '—',
      m?.cpuMs !== undefined ? fmtMs(m.cpuMs) : '—',
      m ? `${Math.round(m.peakRssMb)}${m.baseRssMb > 0 ? ` (${Math.round(m.baseRssMb)})` : ''}` : '—',
      fmtTarget(r.target),
      met,
      `${r.label}${note ? ` — ${note}` : ''}`,
    ].map(cellText);
  });
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The scaling series as a Markdown table: points and the fitted log-log slope. */
export function scalingTable(series: readonly ScalingSeries[]): string {
  const head = ['Stage', 'Variable', 'Points (n → median)', 'Slope (fit)', 'Slopes between points', 'Note'];
  const rows = series.map((s) => [s.stage, s.variable, s.points.map((p) => `${p.n.toLocaleString('en')} → ${fmtMs(p.medianMs)}`).join('; '), String(s.slope), (s.localSlopes ?? []).join(', '), s.note].map(cellText));
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The whole report as text: machine, results table, scaling, facts. */
export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `chain-targeting benchmark — ${report.generatedAt} — ${report.durationS} s`,
    `machine: ${m.cpuModel} × ${m.cpuCount}, ${m.totalMemoryGb} GB, node ${m.node}, ${m.platform}, load average at start ${m.loadAverage}`,
    '',
    resultsTable(report.results),
    '',
    report.scaling.length > 0 ? scalingTable(report.scaling) : '',
  ];
  const be = report.facts.betweennessError;
  if (be !== undefined) lines.push('', `betweenness sampling error (top-100 gap order, exact vs sampled): ${JSON.stringify(be)}`);
  return lines.join('\n');
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import { GAP_KIND_LABELS } from '../../src/gaps/types.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { compareScenarios } from '../../src/whatif/compareScenarios.js';
import { land } from '../../src/whatif/land.js';
import { opportunityGain } from '../../src/whatif/opportunityGain.js';
import { runScenario } from '../../src/whatif/runScenario.js';

// Each example imports the package by name ('chain-targeting'). Run with examples/tsconfig.run.json, the name
// resolves through package.json "exports" to the BUILT dist/ (npm test builds first); expected values are
// computed here from src/, so a stale or broken build fails the test.
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TSCONFIG = join(ROOT, 'examples', 'tsconfig.run.json');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runExample(file: string, args: readonly string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, '--tsconfig', TSCONFIG, join(ROOT, 'examples', file), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'handbook-example-'));
let runs: Record<'whatIf' | 'planningTool' | 'handbook', Run>;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does it).');
  // the three examples run side by side: each spends most of its time loading and validating the data
  const [whatIf, planningTool, handbook] = await Promise.all([runExample('what-if.ts'), runExample('import-into-planning-tool.ts'), runExample('generate-handbook.ts', [outDir])]);
  runs = { whatIf: whatIf!, planningTool: planningTool!, handbook: handbook! };
}, 180_000);

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

describe('examples/what-if.ts', () => {
  test('answers the 哈轴-in-临清 question: the gaps that close, the new city figures, whom to visit next', () => {
    const r = runs.whatIf;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ds = liaocheng();
    const context = buildGapContext(ds);
    const base = runScenario(ds, { changes: [] }, { context });
    const after = runScenario(ds, { changes: [land('harbin-bearing', { segments: ['br-robot-bearing', 'br-auto-bearing'], county: '临清市', size: 20 })] }, { context });
    const diff = compareScenarios(base, after);
    const changed = diff.segments.filter((x) => x.from !== x.to);
    for (const s of changed) expect(r.stdout).toContain(`${s.name}（${s.id}）：${GAP_KIND_LABELS[s.from].zh} → ${GAP_KIND_LABELS[s.to].zh}`);
    // Issue 14: 机器人轴承 is 延链 (strategic, fed by the 临清 ring and ball cluster), 汽车轴承 补链; both close.
    expect(changed.filter((s) => s.id === 'br-robot-bearing' || s.id === 'br-auto-bearing').map((s) => `${s.id}:${s.from}→${s.to}`)).toEqual(['br-robot-bearing:extend→none', 'br-auto-bearing:fill→none']);
    expect(r.stdout).toContain(`全市链条完整度 ${pct(diff.city.completenessFrom)} → ${pct(diff.city.completenessTo)}`);
    const gains = opportunityGain(after.dataset, after.dataset.companies.filter((c) => c.id !== 'harbin-bearing'));
    const best = gains[0]!;
    expect(r.stdout).toContain(`1. ${best.name}（${best.id}）：+${(best.completeness * 100).toFixed(2)} 个百分点`);
    const days = r.stdout.split('\n').filter((l) => /^ {2}第\d天：/.test(l));
    expect(days.length).toBeGreaterThan(0);
    expect(days.length).toBeLessThanOrEqual(3);
  });
});

describe('examples/import-into-planning-tool.ts', () => {
  test('prints a dashboard payload whose numbers are the library’s', () => {
    const r = runs.planningTool;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout) as {
      dataset: { id: string };
      city: { completeness: number; localSupplyRate: number; gaps: Record<string, number> };
      industries: { id: string; completeness: number }[];
      targets: { id: string; rank: number; opportunityGain: number | null }[];
    };
    const ds = liaocheng();
    const gaps = analyzeGaps(ds);
    expect(payload.dataset.id).toBe(ds.meta.id);
    expect(payload.city).toEqual({ completeness: gaps.city.completeness, localSupplyRate: gaps.city.localSupplyRate, gaps: gaps.city.counts });
    expect(payload.industries.map((i) => [i.id, i.completeness])).toEqual(gaps.industries.map((i) => [i.id, i.completeness]));
    const top = rankCompanies(ds, { gaps, top: 10 });
    expect(payload.targets.map((t) => t.id)).toEqual(top.items.map((i) => i.id));
    const gainById = new Map(opportunityGain(ds).map((g) => [g.id, g.completeness]));
    expect(payload.targets.map((t) => t.opportunityGain)).toEqual(top.items.map((i) => gainById.get(i.id) ?? null));
  });
});

describe('examples/generate-handbook.ts', () => {
  test('writes the four handbook files it reports', () => {
    const r = runs.handbook;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${liaocheng().industries.length} 章`);
    const written = [...r.stdout.matchAll(/^ {2}(html|markdown|xlsx|csv): (.+) \((\d+) bytes\)$/gm)].map((m) => ({ kind: m[1]!, path: m[2]!, size: Number(m[3]) }));
    expect(written.map((w) => w.kind)).toEqual(['html', 'markdown', 'xlsx', 'csv']);
    for (const w of written) {
      expect(w.path.startsWith(outDir)).toBe(true);
      expect(statSync(w.path).size).toBe(w.size);
      expect(w.size).toBeGreaterThan(1000);
    }
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain(liaocheng().meta.home.city);
  });
});

import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** What the numbers were measured on. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemoryGb: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  /** 1-minute load average when the run started: numbers taken on a busy machine are slower. */
  readonly loadAverage: number;
}

/** Describe this machine (CPU model and count, memory, node and V8 versions, OS, current load). */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    totalMemoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()}`,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

import { readFileSync, writeFileSync } from 'node:fs';

const MB = 1024 * 1024;

function statusField(name: string): number | undefined {
  try {
    const m = new RegExp(`${name}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reset the kernel's peak-RSS mark of this process (Linux: write 5 to /proc/self/clear_refs), so the
 * next `peakRssMb()` is the peak since now. Returns false where that is not possible.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size (VmHWM) in MB since the process started or the last reset; falls back to current RSS. */
export function peakRssMb(): number {
  return statusField('VmHWM') ?? process.memoryUsage().rss / MB;
}

/** Current RSS, JS heap used and committed JS heap, in MB. */
export function memoryNow(): { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number } {
  const m = process.memoryUsage();
  return { rssMb: m.rss / MB, heapUsedMb: m.heapUsed / MB, heapTotalMb: m.heapTotal / MB, externalMb: (m.external + m.arrayBuffers) / MB };
}

/** Run a full garbage collection when node runs with --expose-gc (the bench script sets it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

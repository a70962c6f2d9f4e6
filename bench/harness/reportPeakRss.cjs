// Preloaded (node -r) into a timed child process: on exit, write its peak RSS (VmHWM, kB) and CPU time
// (user + system, µs) as JSON to $BENCH_PEAK_FILE, so the bench can report them for `npm start` too.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.BENCH_PEAK_FILE;
  if (!file) return;
  let peakKb = 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    peakKb = m ? Number(m[1]) : 0;
  } catch {
    // not Linux: no peak reported
  }
  const cpu = process.cpuUsage();
  fs.writeFileSync(file, JSON.stringify({ peakKb, cpuUs: cpu.user + cpu.system }));
});

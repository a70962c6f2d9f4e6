import { removePendingOutputs } from '../io/writeOutputFiles.js';
import { runCli } from './runCli.js';

// The `chain-targeting` binary: thin wrapper over runCli so the CLI is testable in-process too.

// `chain-targeting rank | head -1`: once the reader has closed the pipe, the rest of the output is unwanted,
// not an error. End quietly with 0 instead of an unhandled EPIPE stack trace.
function onStreamError(stream: 'stdout' | 'stderr') {
  return (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      removePendingOutputs();
      if (stream === 'stdout') process.exit(0);
      return;
    }
    throw error;
  };
}
process.stdout.on('error', onStreamError('stdout'));
process.stderr.on('error', onStreamError('stderr'));

// An interrupted run (Ctrl-C during a long import or handbook) leaves no temporary file behind; targets are
// only ever replaced by a complete file (write to a temporary file, then rename).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    removePendingOutputs();
    process.exit(code);
  });
}
process.once('exit', () => removePendingOutputs());

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
process.exitCode = code;

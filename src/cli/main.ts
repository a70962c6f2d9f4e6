import { runCli } from './runCli.js';

// The `chain-targeting` binary: thin wrapper over runCli so the CLI is testable in-process too.
const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
process.exitCode = code;

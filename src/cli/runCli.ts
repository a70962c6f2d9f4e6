import { Command, CommanderError } from 'commander';
import { ChainTargetingError, DatasetError, describeIssue, type Lang } from '../errors.js';
import { registerCommands } from './commands/index.js';
import type { CliIo } from './context.js';
import { terminalSafe } from './output.js';

declare const __VERSION__: string | undefined;

function langOf(args: readonly string[]): Lang {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const v = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  return v === 'en' ? 'en' : 'zh';
}

/**
 * Run the command-line interface with the given arguments (without `node` and the script path).
 * Exit codes: 0 ok, 1 bad data (with the issue list), 2 bad usage (one line).
 *
 * @example
 * const code = await runCli(['info', '--format', 'json'], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  // The one choke point: every byte a command, commander or an error message prints passes through here,
  // so data (company names, cities, file names) cannot smuggle ESC/CSI/OSC or bidi overrides to the terminal.
  const io: CliIo = { ...rawIo, stdout: terminalSafe(rawIo.stdout), stderr: terminalSafe(rawIo.stderr) };
  let exitCode = 0;
  const lang = langOf(args);
  const program = new Command('chain-targeting')
    .description('产业链精准招商：缺口分析、目标企业排序、招商手册 / Industrial-chain investment targeting')
    .version(typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0')
    .option('--data <dir>', '数据集目录（默认：内置聊城数据） / dataset directory (default: embedded 聊城 data)')
    .option('--format <format>', '输出格式 table|json|csv / output format', 'table')
    .option('--lang <lang>', '输出语言 zh|en / output language', 'zh')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  program.commands.forEach((c) => c.exitOverride());
  try {
    if (args.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, lang);
  }
}

function handleError(error: unknown, io: CliIo, lang: Lang): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof DatasetError) {
    io.stderr.write(`${error.localizedMessage(lang)}\n`);
    for (const issue of error.issues) io.stderr.write(`  - ${describeIssue(issue, lang)}\n`);
    return 1;
  }
  if (error instanceof ChainTargetingError) {
    io.stderr.write(`${lang === 'zh' ? '错误' : 'error'} [${error.code}]: ${error.localizedMessage(lang)}\n`);
    return error.code === 'USAGE' || error.code === 'OPTIONS_INVALID' ? 2 : 1;
  }
  io.stderr.write(`${lang === 'zh' ? '内部错误' : 'internal error'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

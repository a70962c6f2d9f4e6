import type { Command } from 'commander';
import type { CliIo } from '../context.js';
import { registerGaps } from './gaps.js';
import { registerHandbook } from './handbook.js';
import { registerImport } from './import.js';
import { registerInfo } from './info.js';
import { registerList } from './list.js';
import { registerPlan } from './plan.js';
import { registerRank } from './rank.js';
import { registerStart } from './start.js';
import { registerValidate } from './validate.js';
import { registerWhatif } from './whatif.js';

/**
 * Every CLI command, registered in help order. Each feature adds its own file under commands/
 * and one line here.
 */
export function registerCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  registerValidate(program, io, setExit);
  registerInfo(program, io);
  registerList(program, io);
  registerGaps(program, io);
  registerRank(program, io);
  registerImport(program, io);
  registerWhatif(program, io);
  registerPlan(program, io);
  registerHandbook(program, io);
  registerStart(program, io);
}

import * as z from 'zod';
import { WeightsName } from '../scoring/weightsSpec.js';
import { METHOD_CANDIDATES, PRESET_CANDIDATES, resolveName } from './resolveName.js';

// The option types every command shares, in one place: a command's zod schema uses them, and `parseOptions`
// (context.ts) validates the whole options object once, with one error format (UsageError, code USAGE, zh + en).
// Names are resolved inside the schema, so `--weights 补短板` and `--weights fill-first` are the same value and an
// unknown name is a usage error that lists the closest names.

/** A string that names something: resolved with `resolveName` (id, Chinese or English name, alias), else left to fail validation. */
function named(set: Parameters<typeof resolveName>[0], option: string) {
  return (v: unknown): unknown => (typeof v === 'string' ? resolveName(set, v, option) : v);
}

/**
 * `--weights NAME`: a preset or `entropy`, by id or by its Chinese name (均衡, 补短板, 强链, 前瞻布局, 熵权法).
 *
 * @example
 * z.object({ weights: weightsNameArg.optional() }).parse({ weights: '补短板' }).weights; // 'fill-first'
 */
export const weightsNameArg = z.preprocess(named(PRESET_CANDIDATES, '--weights'), WeightsName);

/**
 * `--weights NAME|FILE.json`: a preset name as `weightsNameArg`, or a path ending in .json (custom weights or an AHP
 * matrix) kept as given for `readJsonArg`.
 *
 * @example
 * z.object({ weights: weightsArg }).parse({ weights: 'my-weights.json' }).weights; // 'my-weights.json'
 */
export const weightsArg = z.preprocess(
  (v) => (typeof v === 'string' && v.toLowerCase().endsWith('.json') ? v : named(PRESET_CANDIDATES, '--weights')(v)),
  z.string().min(1),
);

/**
 * `--method NAME`: `weighted` (加权求和) or `topsis`.
 *
 * @example
 * z.object({ method: methodArg.optional() }).parse({ method: '加权' }).method; // 'weighted'
 */
export const methodArg = z.preprocess(named(METHOD_CANDIDATES, '--method'), z.enum(['weighted', 'topsis']));

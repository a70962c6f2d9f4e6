import * as z from 'zod';
import { UsageError } from '../errors.js';

const zhErrorMap = z.locales.zhCN().localeError;

/**
 * Parse a function's options with their zod schema, or throw a `UsageError` (code `OPTIONS_INVALID`) whose English
 * message carries zod's English text and whose Chinese message zod's Chinese text (the Chinese half used to repeat the
 * English). Messages a schema writes itself (a refine's bilingual text) read the same in both.
 *
 * @param schema - the options schema
 * @param value - the options as given
 * @param name - the function's name for the message, English and Chinese
 * @returns the parsed options
 * @throws {UsageError} code `OPTIONS_INVALID` when the options do not parse
 * @example
 * parseOptions(PlanOptions, { k: -1 }, { en: 'planVisits', zh: 'planVisits' }); // throws: "planVisits：选项无效：✖ 数值过小：期望 k >=1 …"
 */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, name: { readonly en: string; readonly zh: string }): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const zh = schema.safeParse(value, { error: zhErrorMap });
  const en = z.prettifyError(r.error);
  throw new UsageError(`${name.en}: invalid options: ${en}`, `${name.zh}：选项无效：${zh.success ? en : z.prettifyError(zh.error)}`, r.error.issues.map((i) => i.message), 'OPTIONS_INVALID');
}

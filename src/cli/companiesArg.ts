import { resolve } from 'node:path';
import * as z from 'zod';
import { checkCompanyReferences } from '../dataset/checkCompanyReferences.js';
import { fileIssue } from '../dataset/decodeJson.js';
import { unknownFieldWarnings } from '../dataset/unknownFields.js';
import { validateWith } from '../dataset/zodIssues.js';
import { DatasetError, describeIssue, type DataIssue } from '../errors.js';
import { PROVINCES } from '../match/placeNames.js';
import { Company, type Dataset } from '../schema/index.js';
import type { CommandContext, CliIo } from './context.js';
import { readJsonArg } from './readJsonArg.js';

const REAL_PROVINCES: ReadonlySet<string> = new Set(PROVINCES.map(([full]) => full));

/**
 * Reference problems an imported list may carry and still be ranked, each returned as a warning: an HQ in a real
 * province but outside the dataset's places table (a province-only HQ, which `import` keeps as 山东省/山东省, or a
 * city the table lacks — its proximity then counts 0, with a reason), and a `parent` naming a company of the dataset
 * that the file replaced (`import` merges a row into a known company and keeps its group; the parent is dropped here,
 * as it is not ranked). An HQ whose province is no province (a typo, 火星省) stays an error.
 */
const tolerated = (i: DataIssue, c: Company | undefined, ds: Dataset): boolean =>
  (i.code === 'unknown-city' && i.field === 'hq.city' && c !== undefined && REAL_PROVINCES.has(c.hq.province)) ||
  // Only a parent the dataset itself holds (the file replaced it); a typo or a company naming itself stays an error.
  (i.code === 'unknown-company' && i.field === 'parent' && c?.parent !== undefined && c.parent !== c.id && ds.companies.some((d) => d.id === c.parent));

/**
 * `--companies FILE`: a JSON array of companies, each validated with the Company schema, then with the same
 * cross-reference checks as the dataset loader (duplicate ids, unknown segments, enterprises and cities).
 * Every problem is listed with file, row and field; unknown (misspelt) fields come back as warnings, and so do an
 * HQ outside the places table and a parent the file does not hold (see `tolerated`).
 */
export async function companiesFrom(arg: string, cwd: string, ds: Dataset): Promise<{ companies: Company[]; warnings: DataIssue[] }> {
  const path = resolve(cwd, arg);
  const { value, file } = await readJsonArg(path, '--companies');
  if (!Array.isArray(value)) {
    throw new DatasetError(path, [fileIssue('invalid-value', file, { detail: 'expected a JSON array of companies', other: '应为企业的 JSON 数组' })]);
  }
  const issues: DataIssue[] = [];
  const out: (readonly [number, Company])[] = [];
  value.forEach((row, i) => {
    const r = validateWith(Company, row, file, i);
    if (r.ok) out.push([i, r.value]);
    else issues.push(...r.issues);
  });
  const refs = checkCompanyReferences(ds, out, file);
  const byIndex = new Map(out);
  const ok = (i: DataIssue): boolean => tolerated(i, i.index !== undefined ? byIndex.get(i.index) : undefined, ds);
  issues.push(...refs.filter((i) => !ok(i)));
  if (issues.length > 0) throw new DatasetError(path, issues.sort((x, y) => (x.index ?? -1) - (y.index ?? -1)) as [DataIssue, ...DataIssue[]]);
  const soft = refs.filter(ok);
  const orphan = new Set(soft.filter((i) => i.field === 'parent').map((i) => i.index));
  const companies = out.map(([i, c]) => (orphan.has(i) ? (({ parent: _dropped, ...rest }) => rest)(c) : c));
  return { companies, warnings: [...summarised(soft, file), ...unknownFieldWarnings(z.array(Company), value, file)] };
}

/**
 * Tolerated reference problems as warnings: each on its own when there are a few, else one line per kind with the
 * count and the first records (an import of thousands of listed firms has a hundred province-only HQs).
 */
function summarised(soft: readonly DataIssue[], file: string): DataIssue[] {
  const out: DataIssue[] = [];
  for (const field of ['hq.city', 'parent'] as const) {
    const list = soft.filter((i) => i.field === field);
    if (list.length <= 3) {
      out.push(...list);
      continue;
    }
    const rows = list.slice(0, 8).map((i) => (i.index ?? 0) + 1);
    const more = list.length > rows.length ? '…' : '';
    out.push({
      code: list[0]!.code,
      file,
      field,
      path: [],
      message:
        field === 'hq.city'
          ? `${list.length} companies have an HQ outside the places table (province only, or a city it lacks): proximity counts 0 (records ${rows.join(', ')}${more})`
          : `${list.length} companies name a parent group the file does not hold (kept from a known company they merged into): ignored (records ${rows.join(', ')}${more})`,
      messageZh:
        field === 'hq.city'
          ? `${list.length} 家企业总部不在地点表中（只有省份，或城市未收录）：区位记 0（第 ${rows.join('、')} 条${more}）`
          : `${list.length} 家企业的所属集团不在本文件中（合并到数据集已知企业时带来）：已忽略（第 ${rows.join('、')} 条${more}）`,
    });
  }
  return out;
}


/**
 * The dataset with its target companies replaced by those of a `--companies FILE` (an `import --out` result or any
 * companies file), checked as `companiesFrom` does; warnings (misspelt fields) go to stderr. Lets one imported list
 * flow through `rank`, `handbook`, `plan` and `whatif`.
 *
 * @example
 * const ds2 = await datasetWithCompanies(ds, 'targets.json', ctx, io);
 */
export async function datasetWithCompanies(ds: Dataset, arg: string, ctx: CommandContext, io: CliIo): Promise<Dataset> {
  const { companies, warnings } = await companiesFrom(arg, io.cwd, ds);
  for (const w of warnings) io.stderr.write(`${ctx.t('警告', 'warning')}: ${describeIssue(w, ctx.lang)}\n`);
  return { ...ds, companies };
}

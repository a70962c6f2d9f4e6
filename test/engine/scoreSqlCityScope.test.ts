import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { UsageError } from '../../src/errors.js';
import { manyCitiesSql } from '../../src/engine/manyCitiesSql.js';
import { scoreSql } from '../../src/engine/scoreSql.js';
import { scoringModel } from '../../src/engine/scoringModel.js';
import type { ScoringTables } from '../../src/engine/scoringTables.js';

// Tables with an industry filter need the city's whole chain (`city`): the SQL's unknown-size pool reads `city_rel`
// from it. Without it the query named a column nothing defined (a DuckDB binder error at run time); now a UsageError.
const ds = liaocheng();
const industry = ds.industries[0]!.id;
const { tables, weights } = scoringModel(ds, { industry });
const { city: _city, ...noCity } = tables;
const withoutCity: ScoringTables = noCity;

function usageError(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('scoring tables with an industry filter and no city', () => {
  it('scoreSql throws a bilingual UsageError naming `city`, in every dialect', () => {
    for (const dialect of ['duckdb', 'spark', 'trino'] as const) {
      const e = usageError(() => scoreSql(withoutCity, weights, 'src', { dialect }));
      expect(e.code).toBe('OPTIONS_INVALID');
      expect(e.message).toContain('city');
      expect(e.message).toContain(industry);
      expect(e.messageZh).toContain('缺少 `city`');
      expect(e.details).toEqual(['city']);
    }
  });

  it('manyCitiesSql throws it too, for any city whose tables lack it', () => {
    const e = usageError(() => manyCitiesSql([tables, withoutCity], weights, 'src'));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.message).toContain('manyCitiesSql');
  });

  it('tables as scoringModel gives them (with city, or without a filter) still give SQL', () => {
    expect(scoreSql(tables, weights, 'src')).toContain('city_rel');
    const unfiltered = scoringModel(ds, {});
    expect(unfiltered.tables.city).toBeUndefined();
    expect(scoreSql(unfiltered.tables, unfiltered.weights, 'src')).not.toContain('city_rel');
    expect(manyCitiesSql([tables, tables], weights, 'src').scored).toContain('city_rel');
  });
});

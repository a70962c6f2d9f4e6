const MS_PER_DAY = 86_400_000;

/**
 * A partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as a day number (days since 1970-01-01, UTC).
 * A year alone counts as its middle (1 July), a month alone as its 15th: the expected date when only
 * that much is known. Parsed by hand, without `Date.parse`, so it is fast and locale-free.
 *
 * @param date - a date already validated by the `PartialDate` schema
 * @returns the day number, or `undefined` when the text is not a partial date
 * @example
 * partialDateToDay('2025-06'); // 20254 (2025-06-15)
 */
export function partialDateToDay(date: string): number | undefined {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year) || date.length < 4) return undefined;
  if (date.length === 4) return Date.UTC(year, 6, 1) / MS_PER_DAY;
  const month = Number(date.slice(5, 7));
  if (date[4] !== '-' || !(month >= 1 && month <= 12)) return undefined;
  if (date.length === 7) return Date.UTC(year, month - 1, 15) / MS_PER_DAY;
  const day = Number(date.slice(8, 10));
  if (date[7] !== '-' || date.length !== 10 || !(day >= 1 && day <= 31)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

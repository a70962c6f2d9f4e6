/**
 * Where an import passed one of its limits: the file, the row as the analyst sees it (record number from 1), the
 * field (the header of the column, or "column N") and the limit by its option name. Carried as the `cause` of the
 * IMPORT_FAILED error, whose message states the same in English and Chinese.
 *
 * @example
 * try { await importCompanies('big.csv', { asOf: '2024', maxCells: 1000 }); }
 * catch (e) { (e as Error).cause; // ImportLimitError { file: 'big.csv', row: 59, field: '经营范围', limitName: 'maxCells', limit: 1000 }
 * }
 */
export class ImportLimitError extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly field: string,
    readonly limitName: 'maxCells',
    readonly limit: number,
  ) {
    super(`${file} row ${row}, field ${field}: over ${limitName} (${limit})`);
    this.name = 'ImportLimitError';
  }
}

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import { dimensionExtent } from '../../../src/io/import/xlsxBounds.js';
import { importDataset } from '../import/helpers.js';

/** A workbook with a header, one company, and optionally a stray cell far away. */
async function workbook(stray?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['企业名称', '所属城市']);
  ws.addRow(['聊城铝业科技有限公司', '聊城']);
  if (stray !== undefined) ws.getCell(stray).value = 'x';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rezip(bytes: Buffer, edit: (name: string, text: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) zip.file(name, edit(name, await zip.file(name)!.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('XLSX: bounded before materialising', () => {
  it('a 6.5 kB workbook with one cell at XFD1048576: IMPORT_FAILED naming file and sheet, fast, bounded memory', async () => {
    const bytes = await workbook('XFD1048576');
    expect(bytes.byteLength).toBeLessThan(7000);
    const heap0 = process.memoryUsage().heapUsed;
    await expect(importCompanies(bytes, { fileName: 'far.xlsx', asOf: '2024' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: 'importCompanies: "far.xlsx": sheet "名单" declares 1048576 rows × 16384 columns (A1:XFD1048576), over the limit of 2000000 cells (maxCells)',
      messageZh: 'importCompanies：“far.xlsx”：工作表“名单”声明了 1048576 行 × 16384 列（A1:XFD1048576），超过 2000000 个单元格的上限（maxCells）',
    });
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(64 * 1024 * 1024);
  });

  it('the same cell without a <dimension> element is caught after loading, from the real extent', async () => {
    const bytes = await rezip(await workbook('XFD1048576'), (_, t) => t.replace(/<dimension [^>]*\/>/, ''));
    await expect(importCompanies(bytes, { fileName: 'far.xlsx', asOf: '2024' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: 'importCompanies: "far.xlsx": sheet "名单" reaches row 1048576 and column 16384, over the limit of 2000000 cells (maxCells)',
    });
  });

  it('maxCells is configurable; a workbook within it imports as before', async () => {
    const bytes = await workbook('C20');
    await expect(importCompanies(bytes, { fileName: 'w.xlsx', asOf: '2024', maxCells: 50 })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/declares 20 rows × 3 columns \(A1:C20\), over the limit of 50 cells/) });
    const r = await importCompanies(bytes, { fileName: 'w.xlsx', dataset: await importDataset(), maxCells: 60 });
    expect(r.companies.map((c) => c.name)).toEqual(['聊城铝业科技有限公司']);
  });

  it('shared strings (or any part) unzipping past maxUnzippedBytes are refused before loading', async () => {
    const big = 'x'.repeat(200_000);
    const bytes = await rezip(await workbook(), (name, t) => (name === 'xl/sharedStrings.xml' ? t.replace('<t>聊城铝业科技有限公司</t>', `<t>${big}</t>`) : t));
    await expect(importCompanies(bytes, { fileName: 'ss.xlsx', asOf: '2024', maxUnzippedBytes: 100_000 })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringMatching(/^importCompanies: "ss\.xlsx": part xl\/sharedStrings\.xml unzips to \d+ bytes, over the limit of 100000 bytes for the workbook \(maxUnzippedBytes\)$/),
    });
  });

  it('a zip directory that understates a part (a bomb in disguise) is refused', async () => {
    const bytes = await workbook();
    // Lower the stated size of xl/sharedStrings.xml in the central directory.
    const name = Buffer.from('xl/sharedStrings.xml');
    for (let p = bytes.length - 22; p > 0; p--) {
      if (bytes.readUInt32LE(p) === 0x02014b50 && bytes.subarray(p + 46, p + 46 + name.length).equals(name)) {
        bytes.writeUInt32LE(10, p + 24);
        break;
      }
    }
    await expect(importCompanies(bytes, { fileName: 'lie.xlsx', asOf: '2024' })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: 'importCompanies: "lie.xlsx": part xl/sharedStrings.xml unzips to more bytes than its zip directory states' });
  });

  it('reads the extent of a dimension', () => {
    expect(dimensionExtent('A1:XFD1048576')).toEqual({ rows: 1048576, columns: 16384 });
    expect(dimensionExtent('B7')).toEqual({ rows: 7, columns: 2 });
    expect(dimensionExtent('$A$1:$AA$3')).toEqual({ rows: 3, columns: 27 });
    expect(dimensionExtent('junk')).toBeUndefined();
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sanitizeForTerminal, toJson } from '../../src/cli/output.js';
import { escapeHtml } from '../../src/handbook/render/escapeHtml.js';
import { escapeMarkdown, markdownUrl } from '../../src/handbook/render/escapeMarkdown.js';
import { neutralizeCell } from '../../src/io/csvCell.js';
import { writeHandbookFiles } from '../../src/handbook/writeHandbookFiles.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { fixtureDir } from '../helpers/fixtures.js';
import { cli } from './capture.js';

/** Everything a terminal would obey: C0 but tab/newline, DEL, C1, U+2028/9, bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** OSC 0 (window title) ended by BEL, CSI 2J (clear screen), OSC 52 (clipboard write), an 8-bit CSI, a bidi override. */
const EVIL = '恶意\u001b]0;pwned\u0007公司\u001b[2J\u001b]52;c;ZWNobyBoaQ==\u0007\u009b31m\u202e';
const EVIL_SHOWN = '恶意\\u001b]0;pwned\\u0007公司\\u001b[2J\\u001b]52;c;ZWNobyBoaQ==\\u0007\\u009b31m\\u202e';


function hostileDataset(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ct-evil-')), 'ds');
  cpSync(fixtureDir('good'), dir, { recursive: true });
  const companies = JSON.parse(readFileSync(join(dir, 'companies.json'), 'utf8')) as Record<string, unknown>[];
  companies[0]!.name = EVIL;
  writeFileSync(join(dir, 'companies.json'), JSON.stringify(companies));
  return dir;
}

describe('sanitizeForTerminal / toJson', () => {
  test('escapes ESC, BEL, CR, DEL, C1, U+2028 and bidi overrides as \\uXXXX; keeps tab and newline', () => {
    expect(sanitizeForTerminal(EVIL)).toBe(EVIL_SHOWN);
    expect(sanitizeForTerminal('a\tb\nc\rd\u007fe\u0085f\u2028g\u2066h')).toBe('a\tb\nc\\u000dd\\u007fe\\u0085f\\u2028g\\u2066h');
    expect(sanitizeForTerminal(sanitizeForTerminal(EVIL))).toBe(EVIL_SHOWN);
  });

  test('toJson escapes what JSON.stringify leaves raw (DEL, C1, U+2028, bidi) and the value round-trips', () => {
    const value = { name: 'x\u007f\u009b\u2028\u202e\u001b' };
    const text = toJson(value);
    expect(text).toBe('{\n  "name": "x\\u007f\\u009b\\u2028\\u202e\\u001b"\n}\n');
    expect(JSON.parse(text)).toEqual(value);
  });

  test('file outputs drop control characters: CSV/XLSX cells, HTML, Markdown', () => {
    expect(neutralizeCell('\u001b[2J=cmd')).toBe('[2J=cmd');
    expect(neutralizeCell('a\u001bb\u009bc\u202ed\te\nf')).toBe('abcd\te\nf');
    expect(neutralizeCell('\u0000=1+1')).toBe("'=1+1");
    expect(escapeHtml('<b>\u001b[2J\u0007\u202e</b>')).toBe('&lt;b&gt;[2J&lt;/b&gt;');
    expect(escapeMarkdown('a\u001b]0;x\u0007_b')).toBe('a\\]0;x\\_b');
  });

  test('source URLs in Markdown are autolinks, so "_" is not escaped into the link', () => {
    expect(markdownUrl('https://www.liaocheng.gov.cn/art/2024/1/1/art_123_456.html')).toBe('<https://www.liaocheng.gov.cn/art/2024/1/1/art_123_456.html>');
    expect(markdownUrl('https://x.cn/a|b')).toBe('<https://x.cn/a%7Cb>');
    expect(markdownUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(markdownUrl('see <b>_x_</b>')).toBe('see &lt;b&gt;\\_x\\_&lt;/b&gt;');
  });
});

describe('CLI output carries no terminal escape', () => {
  const dir = hostileDataset();
  const data = ['--data', dir];

  test.each([
    ['rank table', ['rank', ...data]],
    ['rank csv', ['rank', ...data, '--format', 'csv']],
    ['rank json', ['rank', ...data, '--format', 'json']],
    ['gaps table', ['gaps', ...data]],
    ['whatif table', ['whatif', ...data, '--priority', 'metal=0.5']],
    ['plan table', ['plan', ...data]],
  ])('%s: exit 0 and no unsafe code point in stdout or stderr', async (_name, args) => {
    const r = await cli(args);
    expect(r.stderr).not.toMatch(UNSAFE);
    // CSV lines end in CRLF (for Excel); a CR is unsafe only when it is not a line end.
    expect(r.stdout.replace(/\r\n/g, '\n')).not.toMatch(UNSAFE);
    expect(r.code).toBe(0);
  });

  test('rank table shows the escapes instead of obeying them; JSON gives back the exact name; CSV drops them', async () => {
    const table = await cli(['rank', ...data, '--lang', 'en']);
    expect(table.stdout.replace(/[│\s]+/g, '')).toContain(EVIL_SHOWN.replace(/\s+/g, ''));
    const json = await cli(['rank', ...data, '--format', 'json']);
    expect((JSON.parse(json.stdout) as { items: { name: string }[] }).items.map((i) => i.name)).toContain(EVIL);
    const csv = await cli(['rank', ...data, '--format', 'csv']);
    expect(csv.stdout).toContain('恶意]0;pwned公司[2J]52;c;ZWNobyBoaQ==31m');
  });

  test('validate: a hostile value in an issue message reaches the terminal escaped (exit 1)', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'ct-evil-')), 'ds');
    cpSync(fixtureDir('good'), bad, { recursive: true });
    const companies = JSON.parse(readFileSync(join(bad, 'companies.json'), 'utf8')) as Record<string, unknown>[];
    companies[0]!.segments = ['x\u001b[2J\u009b'];
    companies[0]!.ownership = '\u001b]0;t\u0007';
    writeFileSync(join(bad, 'companies.json'), JSON.stringify(companies));
    for (const format of ['table', 'csv', 'json']) {
      const r = await cli(['validate', bad, '--format', format]);
      expect(r.code).toBe(1);
      expect((r.stdout + r.stderr).replace(/\r\n/g, '\n')).not.toMatch(UNSAFE);
    }
    const r = await cli(['rank', '--data', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(UNSAFE);
  });

  test('an unknown option or file name with ESC in it is echoed escaped', async () => {
    const r = await cli(['rank', '--companies', '/nonexistent/\u001b[2J.json']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('\\u001b[2J');
    expect(r.stderr).not.toMatch(UNSAFE);
    const u = await cli(['r\u001b[2Jank']);
    expect(u.code).toBe(2);
    expect(u.stderr).not.toMatch(UNSAFE);
  });
});

describe('files carry no control character', () => {
  test('handbook: index.html, handbook.md, targets.csv and targets.xlsx hold the name without ESC/BEL/C1/bidi', async () => {
    const ds = await loadDataset(hostileDataset());
    const out = mkdtempSync(join(tmpdir(), 'ct-evil-hb-'));
    const { files } = await writeHandbookFiles(ds, { outDir: out, top: 5 });
    const clean = '恶意]0;pwned公司[2J]52;c;ZWNobyBoaQ==31m';
    for (const f of [files.html, files.markdown, files.csv]) {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      expect(text).toContain(f === files.markdown ? '恶意\\]0;pwned公司\\[2J\\]52;c;ZWNobyBoaQ==31m' : clean);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(files.xlsx) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    expect(cells).toContain(clean);
    expect(cells.join('\n')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  test('import: names and cities with escapes reach neither the summary, the report CSV nor (raw) the companies JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ct-evil-import-'));
    const csv = ['企业名称,所属省份,所属城市,营业收入(万元)', `"${EVIL}",上海,上海,100`, `"坏\u001b[2J",上海,"\u001b]52;c;eA==\u0007",abc`].join('\n');
    writeFileSync(join(cwd, 'list.csv'), `${csv}\n`);
    const data = ['--data', join(import.meta.dirname, '..', 'fixtures', 'import', 'dataset')];
    const r = await cli(['import', join(cwd, 'list.csv'), '--out', join(cwd, 'c.json'), '--report', join(cwd, 'r.csv'), ...data]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(UNSAFE);
    expect(r.stdout).toContain('2 行');
    const json = readFileSync(join(cwd, 'c.json'), 'utf8');
    expect(json).not.toMatch(UNSAFE);
    expect((JSON.parse(json) as { name: string }[]).map((c) => c.name)).toContain(EVIL);
    // The report is CRLF CSV for Excel: CR is content there, every other control character is gone.
    expect(readFileSync(join(cwd, 'r.csv'), 'utf8')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });
});

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MB, scratch } from '../../../test/fixtures/files/helpers.ts';
import { inspectUpload } from './inspect.ts';
import { readRows } from './rows.ts';
import { createXlsxStream, restoreSafeText, safeRow, safeText } from './write.ts';
import { DEFAULT_ZIP_LIMITS, InflateBudget, openZip } from './zip.ts';

let tmp: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  tmp = await scratch();
});
afterAll(() => tmp.close());

describe('safeText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","点我")', '\'=HYPERLINK("http://evil.example","点我")'],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('quotes %j', (input, output) => {
    expect(safeText(input)).toBe(output);
  });

  it.each(['', '企业名称', 'a=b', ' =1', '027-12345678', "'=1", '＝1'])('leaves %j alone', (input) => {
    expect(safeText(input)).toBe(input);
  });

  it('never touches numbers or other values', () => {
    const date = new Date('2019-03-01T00:00:00Z');
    expect([safeText(-5), safeText(0), safeText(true), safeText(null), safeText(undefined), safeText(date)]).toEqual([
      -5,
      0,
      true,
      null,
      undefined,
      date,
    ]);
    expect(safeRow(['=1', -1, '-1', null])).toEqual(["'=1", -1, "'-1", null]);
  });

  it('is undone by restoreSafeText for any text that does not itself start with a quote', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!s.startsWith("'"));
        expect(restoreSafeText(safeText(s))).toBe(s);
      }),
    );
    expect(restoreSafeText("'abc")).toBe("'abc");
    expect(restoreSafeText("'")).toBe("'");
  });
});

describe('createXlsxStream', () => {
  it('writes unshared strings and styles, and formula-like text stays text when read back', async () => {
    const path = tmp.path('export.xlsx');
    const out = createWriteStream(path);
    const book = createXlsxStream(out);
    const sheet = book.addWorksheet('企业', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [{ width: 24 }, { width: 12 }, { width: 12 }, { width: 14, style: { numFmt: 'yyyy-mm-dd' } }];
    sheet.addRow(['企业名称', '党员数', '备注', '成立日期']).commit();
    sheet.addRow(safeRow(['=HYPERLINK("http://evil.example")', -5, '-5', new Date(Date.UTC(2019, 2, 1))])).commit();
    sheet.commit();
    await book.commit();
    await once(out, 'close');

    expect((await inspectUpload(path, 'export.xlsx', { maxBytes: 10 * MB })).kind).toBe('xlsx');
    const rows = [];
    for await (const row of readRows(path, 'xlsx')) rows.push(row);
    expect(rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['企业名称', '党员数', '备注', '成立日期']],
      [2, ['\'=HYPERLINK("http://evil.example")', -5, "'-5", new Date('2019-03-01T00:00:00Z')]],
    ]);

    const dir = await openZip(path, DEFAULT_ZIP_LIMITS);
    expect(dir.get('xl/sharedStrings.xml')).toBeUndefined();
    expect(dir.get('xl/styles.xml')).toBeDefined();
    const chunks: Buffer[] = [];
    const budget = new InflateBudget(DEFAULT_ZIP_LIMITS.maxUncompressedBytes);
    for await (const chunk of dir.inflate(dir.get('xl/worksheets/sheet1.xml')!, budget)) chunks.push(chunk);
    await dir.close();
    const xml = Buffer.concat(chunks).toString('utf8');
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="A2" t="str"><v>&apos;=HYPERLINK'); // ExcelJS writes unshared text as t="str"
    expect(xml).toContain('state="frozen"');
  });
});

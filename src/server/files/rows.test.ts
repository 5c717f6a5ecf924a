import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, heapAfterGc, MB, scratch } from '../../../test/fixtures/files/helpers.ts';
import {
  buildZip,
  entry,
  gbkEncode,
  inline,
  type RawEntry,
  sheetXml,
  workbookParts,
} from '../../../test/fixtures/files/zipWriter.ts';
import type { SheetRow } from './cells.ts';
import { CsvParser } from './csv.ts';
import { UploadError } from './errors.ts';
import { inspectUpload, type UploadKind } from './inspect.ts';
import { type ReadRowsOptions, readRows } from './rows.ts';
import { createXlsxStream } from './write.ts';
import { DEFAULT_ZIP_LIMITS, InflateBudget, openZip } from './zip.ts';

let tmp: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  tmp = await scratch();
});
afterAll(() => tmp.close());

async function collect(path: string, kind: UploadKind, opts?: ReadRowsOptions): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(path, kind, opts)) rows.push(row);
  return rows;
}

async function refusal(path: string, kind: UploadKind, opts?: ReadRowsOptions): Promise<UploadError> {
  const error = await collect(path, kind, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

const pairs = (rows: SheetRow[]) => rows.map((r) => [r.rowNumber, r.cells]);
const book = (xml: string) => workbookParts([{ name: 'Sheet1', file: 'sheet1.xml', xml }]);
const replaceEntry = (parts: RawEntry[], name: string, replacement: RawEntry) =>
  parts.map((p) => (p.name === name ? replacement : p));
const SHEET1 = 'xl/worksheets/sheet1.xml';

describe('xlsx', () => {
  it('reads the first worksheet with typed values, skipping empty rows but not their numbers', async () => {
    const rows = await collect(fixture('valid.xlsx'), 'xlsx');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 6]);
    expect(rows[0].cells).toEqual([
      '统一社会信用代码',
      '企业名称',
      '从业人员数',
      '成立日期',
      '是否规模以上',
      '联系电话',
      '网址',
    ]);
    expect(rows[1].cells).toEqual([
      '91420100MA4K0000X1',
      '武汉示例科技有限公司',
      25,
      new Date('2019-03-01T00:00:00Z'),
      '是',
      '027-12345678',
    ]);
    const [uscc, rich, formula, text, bool, negative, link] = rows[2].cells as any[];
    expect([uscc, text, bool, negative, link]).toEqual(['91420100MA4K0001X2', '2020/5/6', true, -5, '官网']);
    expect(rich).toBe('宜昌示例商贸'); // rich text: the runs' text, joined
    expect(formula).toEqual({ formula: 'C2-13', result: 12 });
    // A text cell that looks like a formula stays text; the missing D6 is null; trailing '' is trimmed.
    expect(rows[3].cells).toEqual(['91420100MA4K0002X3', '=SUM(1,2)', 0, null, '否']);
  });

  it('takes the first sheet in tab order, not by file name; inline strings without a shared strings table', async () => {
    const rows = await collect(fixture('order.xlsx'), 'xlsx');
    expect(pairs(rows)).toEqual([
      [1, ['企业名称', '从业人员数']],
      [3, ['甲&乙公司', 12]],
      [4, ['丙公司', 7.5]],
    ]);
  });

  it('skips chart sheets when looking for the first worksheet', async () => {
    const parts = workbookParts([
      { name: '图表', file: 'sheet1.xml', xml: '<chartsheet/>', kind: 'chartsheet' },
      { name: '数据', file: 'sheet7.xml', xml: sheetXml(`<row r="2">${inline('B2', '数据')}</row>`) },
    ]);
    const rows = await collect(await tmp.file('chart.xlsx', buildZip(parts)), 'xlsx');
    expect(pairs(rows)).toEqual([[2, [null, '数据']]]);
  });

  it('reads a worksheet whatever its file name', async () => {
    const parts = workbookParts([
      { name: 'A', file: 'data.xml', xml: sheetXml(`<row r="1">${inline('A1', '名称')}</row>`) },
    ]);
    expect(pairs(await collect(await tmp.file('odd.xlsx', buildZip(parts)), 'xlsx'))).toEqual([[1, ['名称']]]);
  });

  it('keeps __proto__ and constructor as plain header text, polluting nothing', async () => {
    const rows = await collect(fixture('proto-header.xlsx'), 'xlsx');
    expect(pairs(rows)).toEqual([
      [1, ['__proto__', 'constructor', 'prototype', 'toString', '企业名称']],
      [2, ['{"polluted":true}', 'x', 'y', 'z', '甲公司']],
    ]);
    expect(Object.getPrototypeOf(rows[0].cells)).toBe(Array.prototype);
    expect(Object.keys(rows[0])).toEqual(['rowNumber', 'cells']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks the zip directory again: a bomb is refused without being inflated', async () => {
    const before = process.memoryUsage().rss;
    const e = await refusal(fixture('bomb.xlsx'), 'xlsx');
    expect(e.code).toBe('zip_compression_ratio');
    const relaxed = await refusal(fixture('bomb.xlsx'), 'xlsx', { maxCompressionRatio: 1e6 });
    expect(relaxed.code).toBe('zip_too_large_uncompressed');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('stops a lying bomb at its declared size, with memory bounded', async () => {
    const before = process.memoryUsage().rss;
    const e = await refusal(fixture('bomb-lying.xlsx'), 'xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_size_mismatch',
      '文件内的条目“xl/worksheets/sheet1.xml”实际解压大小超过其声明的 9.77 KB，文件结构可疑（疑似“压缩炸弹”），已停止读取',
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('never inflates parts it does not need, such as media', async () => {
    const bomb = await readFile(fixture('bomb-lying.xlsx'));
    const dir = await openZip(fixture('bomb-lying.xlsx'), DEFAULT_ZIP_LIMITS);
    const lying = dir.get(SHEET1)!;
    await dir.close();
    // Move the lying entry to xl/media/: the sheet itself is honest and readable.
    const parts = [...book(sheetXml(`<row r="1">${inline('A1', '名称')}</row>`))];
    const stored = bomb.subarray(lying.localHeaderOffset + 30 + SHEET1.length).subarray(0, lying.compressedSize);
    parts.push({ name: 'xl/media/image1.png', stored, method: 8, crc32: 0, uncompressedSize: 10_000 });
    const rows = await collect(await tmp.file('media.xlsx', buildZip(parts)), 'xlsx');
    expect(pairs(rows)).toEqual([[1, ['名称']]]);
  });

  it('refuses an entry that inflates to less than it declared', async () => {
    const sheet = entry(SHEET1, sheetXml(''));
    const zip = buildZip(replaceEntry(book(''), SHEET1, { ...sheet, uncompressedSize: sheet.uncompressedSize + 10 }));
    const e = await refusal(await tmp.file('short.xlsx', zip), 'xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_size_mismatch',
      '文件已损坏：条目“xl/worksheets/sheet1.xml”解压后的大小与声明不符',
    ]);
  });

  it('refuses a CRC-32 mismatch', async () => {
    const sheet = entry(SHEET1, sheetXml(''));
    const zip = buildZip(replaceEntry(book(''), SHEET1, { ...sheet, crc32: (sheet.crc32 + 1) >>> 0 }));
    const e = await refusal(await tmp.file('crc.xlsx', zip), 'xlsx');
    expect([e.code, e.message]).toEqual([
      'zip_corrupt',
      '文件已损坏：条目“xl/worksheets/sheet1.xml”校验和（CRC-32）不符',
    ]);
  });

  it('ends, not hangs, when the file turns out corrupt after rows were already read', async () => {
    const rowsXml = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, `第${i + 1}行企业名称`)}</row>`,
    );
    const sheet = entry(SHEET1, sheetXml(rowsXml.join('')));
    const zip = buildZip(replaceEntry(book(''), SHEET1, { ...sheet, crc32: (sheet.crc32 ^ 1) >>> 0 }));
    const path = await tmp.file('late.xlsx', zip);
    let read = 0;
    const error = await (async () => {
      for await (const _ of readRows(path, 'xlsx')) read++;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'zip_corrupt' });
    expect(read).toBeGreaterThan(0);
  });

  it('refuses deflate data that does not inflate', async () => {
    const sheet = entry(SHEET1, sheetXml(''));
    const zip = buildZip(replaceEntry(book(''), SHEET1, { ...sheet, stored: Buffer.alloc(sheet.stored.length, 0xff) }));
    const e = await refusal(await tmp.file('bad.xlsx', zip), 'xlsx');
    expect([e.code, e.message]).toEqual(['zip_corrupt', '文件已损坏：无法解压其中的“xl/worksheets/sheet1.xml”']);
  });

  it('refuses a local header that disagrees with the directory', async () => {
    const sheet = entry(SHEET1, sheetXml(''));
    const zip = buildZip(
      replaceEntry(book(''), SHEET1, {
        ...sheet,
        name: 'xl/worksheets/sheetX.xml',
        central: { name: Buffer.from(SHEET1) },
      }),
    );
    const e = await refusal(await tmp.file('local.xlsx', zip), 'xlsx');
    expect(e.code).toBe('zip_invalid');
    expect(e.message).toContain('本地文件头与 zip 目录不一致');
  });

  it('refuses a workbook without relationships, without worksheets, or with a missing sheet', async () => {
    const noRels = buildZip(book('').filter((p) => p.name !== 'xl/_rels/workbook.xml.rels'));
    const a = await refusal(await tmp.file('norels.xlsx', noRels), 'xlsx');
    expect([a.code, a.message]).toEqual([
      'xlsx_missing_part',
      '文件不是有效的 xlsx：缺少 xl/_rels/workbook.xml.rels。请在 Excel 中打开后另存为 .xlsx 再上传',
    ]);
    const onlyChart = workbookParts([{ name: '图表', file: 'sheet1.xml', xml: '<chartsheet/>', kind: 'chartsheet' }]);
    const b = await refusal(await tmp.file('chart.xlsx', buildZip(onlyChart)), 'xlsx');
    expect([b.code, b.message]).toEqual(['xlsx_no_worksheet', '文件中没有工作表，请确认数据在第一个工作表中']);
    const c = await refusal(
      await tmp.file('nosheet.xlsx', buildZip(book('').filter((p) => p.name !== SHEET1))),
      'xlsx',
    );
    expect([c.code, c.message[0]]).toEqual(['xlsx_missing_part', '文']);
    expect(c.message).toContain('缺少 xl/worksheets/sheet1.xml');
  });

  it('refuses a worksheet that is not well-formed XML', async () => {
    const zip = buildZip(
      book(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></sheet>`),
    );
    const e = await refusal(await tmp.file('xml.xlsx', zip), 'xlsx');
    expect(e.code).toBe('xlsx_unreadable');
    expect(e.message).toMatch(/^无法读取工作表内容，文件可能已损坏（.+）$/);
  });

  it('caps the shared strings table it will hold in memory', async () => {
    const e = await refusal(fixture('valid.xlsx'), 'xlsx', { maxSharedStringsBytes: 100 });
    expect(e.code).toBe('xlsx_unreadable');
    expect(e.message).toMatch(/^文件的共享字符串表有 [\d.]+ KB，超过上限 0.1 KB$/);
  });

  it('counts the actual inflated bytes against a budget', async () => {
    const path = fixture('valid.xlsx');
    const dir = await openZip(path, DEFAULT_ZIP_LIMITS);
    const budget = new InflateBudget(100);
    const read = async () => {
      for await (const _ of dir.inflate(dir.get(SHEET1)!, budget));
    };
    await expect(read()).rejects.toMatchObject({
      code: 'zip_too_large_uncompressed',
      message: '文件解压后超过上限 0.1 KB，疑似“压缩炸弹”，已停止读取',
    });
    await dir.close();
  });
});

describe('csv', () => {
  it('reads UTF-8 with a BOM, values as text, unchanged', async () => {
    expect(pairs(await collect(fixture('bom.csv'), 'csv'))).toEqual([
      [1, ['企业名称', '从业人员数', '党员数']],
      [2, ['甲公司', '12', '3']],
      [3, ['乙公司', ' 7 ', '0']],
    ]);
  });

  it('reads GB18030', async () => {
    expect(pairs(await collect(fixture('gb18030.csv'), 'csv'))).toEqual([
      [1, ['企业名称', '统一社会信用代码', '从业人员数', '所在园区楼宇市场']],
      [2, ['武汉光谷软件有限公司', '91420100MA4K0000X1', '25', '光谷软件园']],
      [3, ['宜昌市商贸中心（有限合伙）', '91420500MA4K0001X2', '8']],
    ]);
  });

  it('reads quoted commas, quotes and line breaks; numbers rows as records, blank ones included', async () => {
    expect(pairs(await collect(fixture('quoted.csv'), 'csv'))).toEqual([
      [1, ['企业名称', '备注', '电话']],
      [2, ['甲, 乙 联合公司', '他说"你好"', '027-1']],
      [4, ['多行\n文本', '第一行\r\n第二行']],
      [7, ['末行', 'a"b']],
    ]);
  });

  it('reads UTF-8 without a BOM, LF, CR alone, and text after closing quotes as Excel does', async () => {
    const path = await tmp.file('plain.csv', '名称,人数\n甲,1\r乙,2\r\n"丙"丁,3\n');
    expect(pairs(await collect(path, 'csv'))).toEqual([
      [1, ['名称', '人数']],
      [2, ['甲', '1']],
      [3, ['乙', '2']],
      [4, ['丙丁', '3']],
    ]);
  });

  it('decodes characters split across read chunks, in both encodings', async () => {
    // 64 KB less one byte, in fields no longer than Excel allows (32,767 characters).
    const filler = `${'a'.repeat(30_000)},${'b'.repeat(30_000)},${'c'.repeat(64 * 1024 - 1 - 60_002)}`;
    const header = [...`${filler}企业`.split(','), '名称'];
    const utf8 = await tmp.file('split8.csv', `${filler}企业,名称\n甲,乙\n`);
    expect(pairs(await collect(utf8, 'csv'))).toEqual([
      [1, header],
      [2, ['甲', '乙']],
    ]);
    const gb = await tmp.file('splitgb.csv', gbkEncode(`${filler}企业,名称\n甲,乙\n`));
    expect(pairs(await collect(gb, 'csv'))).toEqual([
      [1, header],
      [2, ['甲', '乙']],
    ]);
  });

  it('refuses a quoted cell that never closes, naming the row', async () => {
    const path = await tmp.file('open.csv', '名称,备注\n甲,"没有结束\n乙,2\n');
    const e = await refusal(path, 'csv');
    expect([e.code, e.message]).toEqual([
      'csv_malformed',
      'CSV 格式错误：第 2 行有一个以引号开始的单元格没有结束引号，文件可能不完整',
    ]);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', async () => {
    const path = await tmp.file('bin.csv', Buffer.from([0x61, 0x2c, 0xff, 0xff, 0x0a]));
    const e = await refusal(path, 'csv');
    expect([e.code, e.message]).toEqual([
      'csv_encoding',
      '无法识别文件的文字编码：既不是 UTF-8，也不是 GB18030（GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再上传',
    ]);
  });

  it('refuses a UTF-8 file with GBK lines pasted in, rather than reading it as garbled GB18030', async () => {
    const path = await tmp.file(
      'mixed.csv',
      Buffer.concat([Buffer.from('企业名称,所在园区楼宇市场\n甲公司,光谷\n'), gbkEncode('乙公司,光谷\n')]),
    );
    const e = await refusal(path, 'csv');
    expect(e.code).toBe('invalid_utf8');
    expect(e.message).toMatch(/^第 3 行 A 列的内容含有无效的 UTF-8 字节，而文件是 UTF-8 编码/);
  });

  it('names the cell of a bad byte in a file that starts with a UTF-8 byte order mark', async () => {
    // Few characters outside ASCII, but the BOM says UTF-8: the bytes are an error, not GB18030.
    const bad = Buffer.from([0x41, 0xff, 0x42]);
    const path = await tmp.file(
      'bom-bad.csv',
      Buffer.concat([Buffer.from('\uFEFF名称,备注\n甲,'), bad, Buffer.from('\n乙,2\n')]),
    );
    const e = await refusal(path, 'csv');
    expect([e.code, e.message.split('，')[0]]).toEqual(['invalid_utf8', '第 2 行 B 列的内容含有无效的 UTF-8 字节']);
  });

  it('parses any RFC 4180 text the same way however it is cut into chunks', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '企业, "名称"', '=1+1', '\uFEFF'),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (records, cuts, crlf) => {
          const quote = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
          const text = records.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const parser = new CsvParser();
          const out: SheetRow[] = [];
          let from = 0;
          for (const p of [...points, text.length]) {
            parser.push(text.slice(from, p), out);
            from = p;
          }
          parser.end(out);
          const expected = records
            .map((r, i) => {
              const cells = [...r];
              if (i === 0 && cells[0].startsWith('\uFEFF') && !/[",\r\n]/.test(cells[0]) && cells[0] !== '') {
                cells[0] = cells[0].slice(1); // a leading BOM is the file's, not the cell's
              }
              while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
              return { rowNumber: i + 1, cells };
            })
            .filter((r) => r.cells.length > 0);
          // The first non-empty record is the header: fields to the right of it are not kept.
          for (const r of expected.slice(1)) {
            r.cells = r.cells.slice(0, expected[0].cells.length);
            while (r.cells.length > 0 && r.cells[r.cells.length - 1].trim() === '') r.cells.pop();
          }
          expected.splice(1, expected.length, ...expected.slice(1).filter((r) => r.cells.length > 0));
          expect(out).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('streaming', () => {
  const ROWS = 50_000;
  const KINDS = ['私营企业', '个体工商户', '外商投资企业', '社会团体'];
  const line = (i: number) => [
    `91420100MA4K${String(i).padStart(6, '0')}`,
    `武汉市第${i}号示例科技有限公司`,
    KINDS[i % 4],
    '420106',
    'C13',
    i % 500,
    i % 7,
    `2019-03-${String((i % 28) + 1).padStart(2, '0')}`,
    `027-${String(10_000_000 + i)}`,
    `光谷软件园${i % 100}栋`,
    i % 2 ? '是' : '否',
    `备注：第 ${i} 行，用于检验内存不随行数增长`,
  ];

  /** Reads every row, measuring the live heap after 10,000 rows and at each 10,000 after. */
  async function measure(path: string, kind: UploadKind, expected: (i: number) => unknown[]) {
    const base = heapAfterGc();
    const rssBefore = process.memoryUsage().rss;
    let count = 0;
    let last = 0;
    let at10k = 0;
    let peak = 0;
    const wrong: SheetRow[] = [];
    for await (const row of readRows(path, kind)) {
      expect(row.rowNumber).toBe(last + 1);
      last = row.rowNumber;
      count++;
      // Every cell, not a sample: a character split between two inflated chunks must come out whole.
      if (count > 1 && JSON.stringify(row.cells) !== JSON.stringify(expected(count - 1)) && wrong.length < 3) {
        wrong.push(row);
      }
      if (count % 10_000 === 0) {
        const heap = heapAfterGc();
        if (count === 10_000) at10k = heap;
        peak = Math.max(peak, heap);
      }
    }
    return {
      count,
      last,
      wrong,
      growth: peak - at10k,
      overBase: peak - base,
      rss: process.memoryUsage().rss - rssBefore,
    };
  }

  it('reads 50,000 csv rows with memory that does not grow with them', async () => {
    const path = tmp.path('50k.csv');
    const out = createWriteStream(path);
    out.write(
      '\ufeff统一社会信用代码,企业名称,市场主体类型,行政区划代码,行业代码,从业人员数,党员数,成立日期,联系电话,所在园区楼宇市场,是否规模以上,备注\r\n',
    );
    for (let i = 1; i <= ROWS; i++) {
      if (!out.write(`${line(i).join(',')}\r\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    expect((await inspectUpload(path, '50k.csv', { maxBytes: 50 * MB })).kind).toBe('csv');

    const m = await measure(path, 'csv', (i) => line(i).map(String));
    expect([m.count, m.last, m.wrong]).toEqual([ROWS + 1, ROWS + 1, []]);
    expect(m.growth).toBeLessThan(8 * MB);
    expect(m.overBase).toBeLessThan(32 * MB);
    expect(m.rss).toBeLessThan(100 * MB);
  });

  it('reads 50,000 xlsx rows written by our streaming writer with memory that does not grow with them', async () => {
    const path = tmp.path('50k.xlsx');
    const out = createWriteStream(path);
    const book = createXlsxStream(out);
    const sheet = book.addWorksheet('企业');
    sheet
      .addRow([
        '统一社会信用代码',
        '企业名称',
        '市场主体类型',
        '行政区划代码',
        '行业代码',
        '从业人员数',
        '党员数',
        '成立日期',
        '联系电话',
        '所在园区楼宇市场',
        '是否规模以上',
        '备注',
      ])
      .commit();
    for (let i = 1; i <= ROWS; i++) sheet.addRow(line(i)).commit();
    sheet.commit();
    book.addWorksheet('说明').addRow(['第二个工作表']).commit();
    await book.commit();
    // ExcelJS's own zip: data descriptors, worksheets before the workbook, no shared strings.
    expect((await inspectUpload(path, '50k.xlsx', { maxBytes: 50 * MB })).kind).toBe('xlsx');

    const m = await measure(path, 'xlsx', line);
    expect([m.count, m.last, m.wrong]).toEqual([ROWS + 1, ROWS + 1, []]);
    expect(m.growth).toBeLessThan(8 * MB);
    expect(m.overBase).toBeLessThan(32 * MB);
    expect(m.rss).toBeLessThan(100 * MB);
  });

  it.runIf(existsSync('/proc/self/fd'))('releases the file when the reader stops early', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    for (const [name, kind] of [
      ['valid.xlsx', 'xlsx'],
      ['quoted.csv', 'csv'],
    ] as const) {
      const before = openFiles();
      for await (const row of readRows(fixture(name), kind)) {
        expect(row.rowNumber).toBe(1);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(openFiles()).toBe(before);
    }
  });
});

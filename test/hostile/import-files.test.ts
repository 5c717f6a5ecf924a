// Import files built to crash, freeze or fool the reader (issue 12, defects 2, 3, 12 and 14),
// read as the import reads them: in a thread of their own, within a heap and a time limit.
// Each ends with a clear Chinese refusal naming the row and column, or reads in bounded memory;
// through the API, the batch fails with that message, nothing is written, and the server answers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UploadError } from '../../src/server/files/errors.ts';
import type { UploadKind } from '../../src/server/files/inspect.ts';
import { readRowsIsolated } from '../../src/server/files/isolated.ts';
import { MAX_WORKBOOK_PART_BYTES } from '../../src/server/files/xlsxParts.ts';
import { enterpriseImport } from '../../src/server/imports/adapters/enterprises.ts';
import { startImport } from '../../src/server/imports/pipeline.ts';
import type { TestClient } from '../../src/server/testing/client.ts';
import { actorOf, importFixture, ledgerSnapshot } from '../../src/server/testing/imports.ts';
import { settled, uploadEnterprises } from '../../src/server/testing/uploads.ts';
import { MB, scratch } from '../fixtures/files/helpers.ts';
import { buildZip, entry, inline, type RawEntry, sheetXml, workbookParts } from '../fixtures/files/zipWriter.ts';

let tmp: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  tmp = await scratch();
});
afterAll(() => tmp.close());

/** A workbook whose sheet is `rows` (and shared strings, when given), deflated as Excel does. */
function workbook(rows: string, sharedStrings?: Buffer): Buffer {
  const parts: RawEntry[] = workbookParts([{ name: 'Sheet1', file: 'sheet1.xml', xml: sheetXml(rows) }]);
  if (sharedStrings) parts.push(entry('xl/sharedStrings.xml', sharedStrings));
  return buildZip(parts);
}

async function readAll(path: string, kind: UploadKind, limits?: Parameters<typeof readRowsIsolated>[2]) {
  const rows: { rowNumber: number; cells: unknown[] }[] = [];
  for await (const row of readRowsIsolated(path, kind, limits)) rows.push(row);
  return rows;
}

async function refusal(path: string, kind: UploadKind, limits?: Parameters<typeof readRowsIsolated>[2]) {
  const error = await readAll(path, kind, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

/** A heap far smaller than the files below would take if their rows were not kept sparse and bounded. */
const SMALL_HEAP = { heapMb: 48, timeMs: 5 * 60_000 };

describe('defect 2: files that grew the process past 400 MB', () => {
  const XFD_ROWS = 200_000;
  const xfdRows = (from: number) =>
    Array.from({ length: XFD_ROWS }, (_, i) => `<row r="${from + i}"><c r="XFD${from + i}"><v>1</v></c></row>`).join(
      '',
    );

  it('reads 200,000 rows with one cell each in column XFD, keeping nothing past the header', async () => {
    const path = await tmp.file('xfd.xlsx', workbook(`<row r="1">${inline('A1', '名称')}</row>${xfdRows(2)}`));
    const rows = await readAll(path, 'xlsx', SMALL_HEAP);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['名称'] }]);
  });

  it('keeps such rows sparse when the header itself reaches column XFD', async () => {
    const header = `<row r="1">${inline('A1', '名称')}${inline('XFD1', '尾')}</row>`;
    const path = await tmp.file('xfd-wide.xlsx', workbook(header + xfdRows(2)));
    let count = 0;
    for await (const row of readRowsIsolated(path, 'xlsx', SMALL_HEAP)) {
      count++;
      if (row.rowNumber > 1) expect(Object.keys(row.cells)).toEqual(['16383']);
    }
    expect(count).toBe(XFD_ROWS + 1);
  });

  it('refuses a 40 MB CSV field at Excel’s 32,767 characters, naming the cell', async () => {
    const path = await tmp.file('field.csv', `名称,备注\n甲,${'x'.repeat(40 * MB)}\n`);
    const e = await refusal(path, 'csv', SMALL_HEAP);
    expect([e.code, e.message]).toEqual([
      'cell_too_long',
      '第 2 行 B 列的内容超过 Excel 单元格的上限 32767 个字符，文件可能已损坏（例如缺少结束引号）',
    ]);
  });

  it('refuses a 40 MB header cell opened by a quote that never closes', async () => {
    const path = await tmp.file('header.csv', `"${'名'.repeat(20 * MB)}`);
    const e = await refusal(path, 'csv', SMALL_HEAP);
    expect(e.message).toMatch(/^第 1 行 A 列的内容超过 Excel 单元格的上限 32767 个字符/);
  });

  it('refuses a line of 40 million commas at the 16,385th field', async () => {
    const path = await tmp.file('commas.csv', `名称\n${','.repeat(40 * MB)}\n`);
    const e = await refusal(path, 'csv', SMALL_HEAP);
    expect([e.code, e.message]).toEqual([
      'too_many_columns',
      '第 2 行超过 16384 列（Excel 的最后一列 XFD），文件可能已损坏',
    ]);
  });

  it('ends a read that exhausts its heap with a clear message, and the process goes on', async () => {
    // A 4 MB heap cannot even load the reader: what any unforeseen file would meet at the limit.
    const path = await tmp.file('small.csv', '名称\n甲\n');
    const e = await refusal(path, 'csv', { heapMb: 4, timeMs: 60_000 });
    expect(e.code).toBe('read_limit');
    expect(e.message).toMatch(/^读取文件时超出内存上限（4 MB），已停止读取/);
    expect(await readAll(path, 'csv')).toEqual([
      { rowNumber: 1, cells: ['名称'] },
      { rowNumber: 2, cells: ['甲'] },
    ]);
  });

  it('ends a read that runs out of its time with a clear message', async () => {
    const path = await tmp.file('slow.csv', '名称\n甲\n');
    const e = await refusal(path, 'csv', { heapMb: 128, timeMs: 1 });
    expect(e.message).toMatch(/^读取文件超过时间上限（0 秒），已停止读取/);
  });
});

describe('defect 3: no part makes the reader backtrack', () => {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rels = (inner: string) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml" ${inner}/></Relationships>`;
  const withRels = (xml: string) =>
    buildZip([
      ...workbookParts([
        { name: 'S', file: 'sheet1.xml', xml: sheetXml(`<row r="1">${inline('A1', '名称')}</row>`) },
      ]).filter((p) => p.name !== 'xl/_rels/workbook.xml.rels'),
      entry('xl/_rels/workbook.xml.rels', xml, { store: true }),
    ]);

  it('scans a run of letters inside a Relationship tag up to the cap once, and refuses it', async () => {
    // A regular expression used to backtrack over this quadratically (minutes for 1 MB).
    const path = await tmp.file('redos.xlsx', withRels(rels('a'.repeat(MAX_WORKBOOK_PART_BYTES - 512))));
    const e = await refusal(path, 'xlsx', { heapMb: 128, timeMs: 60_000 });
    expect(e.message).toBe('无法读取工作簿关系 xl/_rels/workbook.xml.rels，文件可能已损坏（属性格式错误）');
  });

  it('refuses a relationships part over 1 MB without scanning it', async () => {
    const path = await tmp.file('redos-big.xlsx', withRels(rels('a'.repeat(4 * MB))));
    const e = await refusal(path, 'xlsx');
    expect(e.message).toBe('文件内的“xl/_rels/workbook.xml.rels”有 4 MB，超过上限 1 MB');
  });
});

describe('defect 12: a row number past Excel’s last row', () => {
  it('is refused by the reader, named, before any row reaches the database', async () => {
    const path = await tmp.file(
      'row.xlsx',
      workbook(
        `<row r="1">${inline('A1', '名称')}</row><row r="999999999999999">${inline('A999999999999999', '甲')}</row>`,
      ),
    );
    const e = await refusal(path, 'xlsx');
    expect([e.code, e.message]).toEqual([
      'row_out_of_range',
      '工作表的行号 999999999999999 超过 Excel 的最大行号 1048576，文件可能已损坏。请在 Excel 中打开后另存为 .xlsx 再上传',
    ]);
  });
});

describe('defect 14: invalid UTF-8 in a cell', () => {
  const bad = Buffer.from([0xe4, 0xbc, 0x41]); // 企 cut short, then "A"

  it('is an error naming the row and column of the shared string’s cell', async () => {
    const sst = Buffer.concat([
      Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>名称</t></si><si><t>'),
      bad,
      Buffer.from('</t></si></sst>'),
    ]);
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>1</v></c></row>`;
    const e = await refusal(await tmp.file('sst.xlsx', workbook(rows, sst)), 'xlsx');
    expect([e.code, e.message.split('（')[0]]).toEqual(['invalid_utf8', '第 2 行 B 列的内容含有无效的 UTF-8 字节']);
  });

  it('is an error naming the row and column of an inline string', async () => {
    const sheet = Buffer.concat([
      Buffer.from(
        sheetXml(`<row r="1">${inline('A1', '名称')}</row><row r="3"><c r="A3" t="inlineStr"><is><t>`).split(
          '</sheetData>',
        )[0],
      ),
      bad,
      Buffer.from('</t></is></c></row></sheetData></worksheet>'),
    ]);
    const parts = workbookParts([{ name: 'S', file: 'sheet1.xml', xml: '' }]).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? entry(p.name, sheet) : p,
    );
    const e = await refusal(await tmp.file('inline.xlsx', buildZip(parts)), 'xlsx');
    expect([e.code, e.message.split('（')[0]]).toEqual(['invalid_utf8', '第 3 行 A 列的内容含有无效的 UTF-8 字节']);
  });

  it('is an error naming the row and column in a UTF-8 CSV', async () => {
    const csv = Buffer.concat([Buffer.from('\uFEFF名称,联系人\n甲公司,'), bad, Buffer.from('\n')]);
    const e = await refusal(await tmp.file('bad.csv', csv), 'csv');
    expect([e.code, e.message.split('，')[0]]).toEqual(['invalid_utf8', '第 2 行 B 列的内容含有无效的 UTF-8 字节']);
  });
});

describe('through the API and the pipeline', () => {
  let fx: Awaited<ReturnType<typeof importFixture>>;
  let client: TestClient;
  beforeAll(async () => {
    fx = await importFixture();
    client = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  });
  afterAll(() => fx.close());

  it('fails the batch of a 40 MB line of commas with the reader’s message; nothing is written and the server answers', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const res = await uploadEnterprises(client, Buffer.from(`统一社会信用代码\n${','.repeat(40 * MB)}\n`), {
      fileName: 'commas.csv',
    });
    expect(res.status).toBe(200);
    const batch = (await settled(client, res.body.id, 120_000)).body;
    expect([batch.status, batch.failure]).toEqual([
      'failed',
      '第 2 行超过 16384 列（Excel 的最后一列 XFD），文件可能已损坏',
    ]);
    const [{ n }] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from import_rows where batch_id = ${batch.id}`,
    );
    expect(n).toBe(0);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
    expect((await client.get('/api/imports/enterprises/batches')).status).toBe(200);
  });

  it('keeps a database error’s SQL and parameters out of the batch and the log (defect 12)', async () => {
    const phone = '13912345678';
    // A real failing query carrying personal data in its parameters, where the reading step runs.
    const failing = {
      ...enterpriseImport,
      read: async ({ db }: { db: typeof fx.database.db }) => {
        await db.execute(sql`select ${phone}::int4 * 1000000`);
        return null;
      },
    };
    const user = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const actor = actorOf(user.user);
    const path = await tmp.file('ok.csv', '统一社会信用代码\n');
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => {
      logged.push(args.join(' '));
    });
    try {
      const { batchId, finished } = await startImport(fx.deps, actor, failing, {
        path,
        fileName: 'ok.csv',
        period: '2026Q3',
        source: '市场监管局年报',
        partial: false,
        dryRun: false,
      });
      const error = await finished;
      expect(error?.message).toMatch(/^导入批次 \d+ 读取失败（服务器内部错误），未写入任何数据/);
      const res = await client.get(`/api/imports/enterprises/batches/${batchId}`);
      expect(res.body.status).toBe('failed');
      expect(res.body.failure).toBe(error?.message);
      expect(res.body.failure).not.toMatch(/select|13912345678|params/i);
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('\n')).toMatch(/导入批次 \d+ 失败：/);
    expect(logged.join('\n')).not.toContain(phone);
  });
});

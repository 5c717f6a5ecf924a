// The file as a whole: its header row (missing, repeated and unknown columns), a code twice
// in one file, and files without data rows.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USCC } from '../../../../test/fixtures/enterprises/codes.ts';
import { fixture as fileFixture } from '../../../../test/fixtures/files/helpers.ts';
import { NO_DATA_ROWS_MESSAGE } from '../../../domain/enterprise/messages.ts';
import { localOperator } from '../../actor.ts';
import { importBatches } from '../../db/schema.ts';
import { UploadError } from '../../files/errors.ts';
import { HEADER, writeCsv } from '../../testing/enterpriseFiles.ts';
import { enterpriseFixture, importFixture, importRequest, ledgerSnapshot } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
  const seed = writeCsv([HEADER, [USCC.good, '宜昌示例科技有限公司（旧名）', '私营企业', '420502', 10, 1]]);
  expect(await runImport(fx.deps, localOperator(), importRequest(seed))).toMatchObject({ status: 'applied' });
});
afterAll(() => fx.close());

async function rejected(file: string) {
  const before = await ledgerSnapshot(fx.database.db);
  const result = await runImport(fx.deps, localOperator(), importRequest(file));
  expect(result.status).toBe('rejected');
  expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
  return result;
}

describe('the header row', () => {
  it('rejects a file without a required column, naming the column on row 1', async () => {
    const result = await rejected(enterpriseFixture('missing-column.csv'));
    expect(result.errors).toEqual([{ row: 1, column: '党员数', message: '表头缺少必填列：党员数（表头须在第 1 行）' }]);
    expect(result.rows).toBe(0);
  });

  it('rejects a column given twice, naming both places', async () => {
    const result = await rejected(enterpriseFixture('duplicate-column.csv'));
    expect(result.errors).toEqual([
      {
        row: 1,
        column: '企业名称',
        message: '列“企业名称”在表头中重复出现（第 2 列（B 列）、第 7 列（G 列）），请只保留一列',
      },
    ]);
  });

  it('ignores an unknown column with a warning, and imports the rest', async () => {
    const result = await runImport(fx.deps, localOperator(), importRequest(enterpriseFixture('unknown-column.csv')));
    expect(result).toMatchObject({ status: 'applied', rows: 1, added: 1, errors: [] });
    expect(result.warnings).toEqual([{ row: 1, column: '备注', message: '无法识别第 7 列（G 列）“备注”，该列已忽略' }]);
  });

  it('treats __proto__ and constructor as unknown columns, polluting nothing', async () => {
    const result = await runImport(fx.deps, localOperator(), importRequest(enterpriseFixture('proto-column.csv')));
    expect(result).toMatchObject({ status: 'applied', added: 1, errors: [] });
    expect(result.warnings).toEqual([
      { row: 1, column: '__proto__', message: '无法识别第 7 列（G 列）“__proto__”，该列已忽略' },
      { row: 1, column: 'constructor', message: '无法识别第 8 列（H 列）“constructor”，该列已忽略' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const [staged] = await fx.rows<{ data: Record<string, unknown> }>(
      sql`select data from import_rows where batch_id = ${result.batchId}`,
    );
    expect(Object.keys(staged.data)).not.toContain('__proto__');
  });

  it('rejects an xlsx whose header is __proto__, constructor, … with the missing columns, polluting nothing', async () => {
    const result = await rejected(fileFixture('proto-header.xlsx'));
    expect(result.errors).toEqual([
      {
        row: 1,
        column: '统一社会信用代码、市场主体类型、行政区划代码、从业人员数、党员数',
        message: '表头缺少必填列：统一社会信用代码、市场主体类型、行政区划代码、从业人员数、党员数（表头须在第 1 行）',
      },
    ]);
    expect(result.warnings.map((w) => w.column)).toEqual(['__proto__', 'constructor', 'prototype', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the rows of the file', () => {
  it('rejects a code given twice, naming both rows on each', async () => {
    const result = await rejected(enterpriseFixture('duplicate-uscc.csv'));
    const message = `统一社会信用代码“${USCC.dup}”在文件中重复出现（第 2 行、第 4 行），同一企业只能占一行`;
    expect(result.errors).toEqual([
      { row: 2, column: '统一社会信用代码', message },
      { row: 4, column: '统一社会信用代码', message },
    ]);
  });

  it('rejects a file with a header and no data rows', async () => {
    const result = await rejected(enterpriseFixture('header-only.csv'));
    expect(result.errors).toEqual([{ row: 2, column: '表头', message: NO_DATA_ROWS_MESSAGE }]);
    expect(NO_DATA_ROWS_MESSAGE).toBe('文件中没有数据行：第 1 行为表头，其后至少需要一行企业数据');
  });

  it('rejects a file of blank lines', async () => {
    const result = await rejected(enterpriseFixture('blank.csv'));
    expect(result.errors).toEqual([{ row: 1, column: '表头', message: NO_DATA_ROWS_MESSAGE }]);
  });

  it('refuses an empty file before recording a batch', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const batches = await fx.database.db.select().from(importBatches);
    const error = await runImport(fx.deps, localOperator(), importRequest(enterpriseFixture('empty.csv'))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ code: 'file_empty', message: '文件是空的（0 字节）' });
    expect(await fx.database.db.select().from(importBatches)).toEqual(batches);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
  });

  it('records a rejected batch with its counts', async () => {
    const result = await rejected(enterpriseFixture('duplicate-uscc.csv'));
    const [batch] = await fx.database.db.select().from(importBatches).where(eq(importBatches.id, result.batchId));
    expect(batch).toMatchObject({ status: 'rejected', fileName: 'duplicate-uscc.csv', source: '市场监管局年报' });
    expect(batch.counts).toMatchObject({ rows: 3, errorRows: 2, errors: 2 });
  });
});

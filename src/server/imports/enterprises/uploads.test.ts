// Hostile and mistaken uploads through the API: a zip bomb, a renamed PDF, a `__proto__`
// header. Each is refused with a clear Chinese message, pollutes nothing, and leaves the
// process's memory where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/fixtures/files/helpers.ts';
import { importBatches } from '../../db/schema.ts';
import type { TestClient } from '../../testing/client.ts';
import { importFixture, ledgerSnapshot } from '../../testing/imports.ts';
import { settled, uploadEnterprises } from '../../testing/uploads.ts';

const MB = 1024 * 1024;

let fx: Awaited<ReturnType<typeof importFixture>>;
let yichang: TestClient;
beforeAll(async () => {
  fx = await importFixture();
  yichang = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
});
afterAll(() => fx.close());

/** Runs `fn` and checks that the process's resident memory grew by less than 150 MB. */
async function withinMemory<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.memoryUsage().rss;
  const result = await fn();
  const grown = process.memoryUsage().rss - before;
  expect(grown, `RSS grew by ${Math.round(grown / MB)} MB`).toBeLessThan(150 * MB);
  return result;
}

const batchIds = async () =>
  (await fx.database.db.select({ id: importBatches.id }).from(importBatches)).map((b) => b.id);

describe('hostile uploads', () => {
  it('refuses a zip bomb before unpacking it, recording no batch', async () => {
    const before = { ledger: await ledgerSnapshot(fx.database.db), batches: await batchIds() };
    const res = await withinMemory(() => uploadEnterprises(yichang, fixture('bomb.xlsx')));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('zip_compression_ratio');
    expect(res.body.error.message).toMatch(
      /^文件内的条目“xl\/worksheets\/sheet1\.xml”压缩比为 .*疑似“压缩炸弹”，已拒绝$/,
    );
    expect(await batchIds()).toEqual(before.batches);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before.ledger);
  });

  it('stops a bomb whose directory lies at its declared size, failing the batch with the reason', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const batch = await withinMemory(async () => {
      const res = await uploadEnterprises(yichang, fixture('bomb-lying.xlsx'));
      // Its directory looks harmless, so it is accepted for reading; reading finds it out.
      expect(res.status).toBe(200);
      return (await settled(yichang, res.body.id)).body;
    });
    expect(batch.status).toBe('failed');
    expect(batch.failure).toMatch(/疑似“压缩炸弹”/);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
  });

  it('refuses a PDF renamed to .xlsx, saying what it is and what to do', async () => {
    const before = await batchIds();
    const res = await uploadEnterprises(yichang, fixture('pdf-renamed.xlsx'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'content_mismatch',
      message:
        '文件扩展名为 .xlsx，但内容不是 xlsx（看起来是 PDF 文件）。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传',
    });
    expect(await batchIds()).toEqual(before);
  });

  it('refuses a file that is not .xlsx or .csv by its name', async () => {
    const res = await uploadEnterprises(yichang, Buffer.from('甲,乙\n'), { fileName: '企业.xls' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'unsupported_extension',
      message:
        '只能上传 .xlsx 或 .csv 文件，“企业.xls”的扩展名是 .xls。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传',
    });
  });

  it('reads a __proto__ header as an unknown column: the batch is rejected for its missing columns, nothing polluted', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const res = await uploadEnterprises(yichang, fixture('proto-header.xlsx'));
    expect(res.status).toBe(200);
    const batch = (await settled(yichang, res.body.id)).body;
    expect(batch.status).toBe('rejected');
    const errors = await yichang.get(`/api/imports/enterprises/batches/${batch.id}/issues?severity=error`);
    expect(errors.body.items).toEqual([
      {
        row: 1,
        column: '统一社会信用代码、市场主体类型、行政区划代码、从业人员数、党员数',
        message: '表头缺少必填列：统一社会信用代码、市场主体类型、行政区划代码、从业人员数、党员数（表头须在第 1 行）',
      },
    ]);
    const warnings = await yichang.get(`/api/imports/enterprises/batches/${batch.id}/issues?severity=warning`);
    expect(warnings.body.items.map((w: any) => w.column)).toEqual([
      '__proto__',
      'constructor',
      'prototype',
      'toString',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(typeof ({} as Record<string, unknown>).constructor).toBe('function');
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
    // The server still answers: nothing in it was broken by the header.
    expect((await yichang.get('/api/enterprises')).status).toBe(200);
  });

  it('refuses bad batch labels before reading the file', async () => {
    const res = await uploadEnterprises(yichang, fixture('proto-header.xlsx'), { period: '2026年三季度' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_period');
  });
});

// The import through the API, as the web app drives it: upload, watch the batch, preview its
// rows and issues, confirm or discard; the error report and the template; who may do what.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHORT_USCC, USCC } from '../../../../test/fixtures/enterprises/codes.ts';
import { ENTERPRISE_COLUMNS } from '../../../domain/enterprise/columns.ts';
import { auditLog, importBatches } from '../../db/schema.ts';
import { lastAuditSeq } from '../../testing/audit.ts';
import type { TestClient } from '../../testing/client.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { closedAfterAll } from '../../testing/fileFixture.ts';
import { enterpriseFixture, importFixture, ledgerSnapshot } from '../../testing/imports.ts';
import { importThrough, readWorkbook, settled, sheetValues, uploadEnterprises } from '../../testing/uploads.ts';

const fx = closedAfterAll(await importFixture());
let yichang: TestClient;
let wuhan: TestClient;
let leader: TestClient;
beforeAll(async () => {
  yichang = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  wuhan = (await fx.clientAs({ roles: ['committee'], regionCode: '420100' })).client;
  leader = (await fx.clientAs({ roles: ['leader'], regionCode: '420500' })).client;
});

const bytesOf = (rows: (string | number | null)[][]) => fs.readFileSync(writeCsv(rows));
const snapshot = () => ledgerSnapshot(fx.database.db);

describe('upload, preview, apply', () => {
  const [a, b, c] = [uscc(), uscc(), uscc()];
  let batchId: number;

  it('reads the upload in the background and previews it without writing', async () => {
    const before = await snapshot();
    const file = bytesOf([
      HEADER,
      row(a, '宜昌路由甲有限公司', 120, 4, '420502'),
      row(b, '宜昌路由乙有限公司', 8, 0, '420503'),
      row(c, '宜昌路由丙有限公司', 3, 5, '420506'),
    ]);
    const res = await uploadEnterprises(yichang, file, { fileName: '宜昌2026Q3.csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fileName: '宜昌2026Q3.csv',
      period: '2026Q3',
      source: '市场监管局年报',
      regionCode: '420500',
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      partial: false,
    });
    batchId = res.body.id;

    const batch = (await settled(yichang, batchId)).body;
    expect(batch).toMatchObject({ id: batchId, status: 'staged', rowsRead: 3 });
    expect(batch.counts).toMatchObject({ rows: 3, added: 3, changed: 0, errors: 0, warnings: 1 });

    const added = await yichang.get(`/api/imports/enterprises/batches/${batchId}/rows?outcome=added`);
    expect(added.status).toBe(200);
    expect(added.body.total).toBe(3);
    expect(added.body.items.map((r: any) => [r.row, r.uscc, r.name, r.outcome])).toEqual([
      [2, a, '宜昌路由甲有限公司', 'added'],
      [3, b, '宜昌路由乙有限公司', 'added'],
      [4, c, '宜昌路由丙有限公司', 'added'],
    ]);
    const errors = await yichang.get(`/api/imports/enterprises/batches/${batchId}/issues?severity=error`);
    expect(errors.body).toEqual({ total: 0, items: [] });
    const warnings = await yichang.get(`/api/imports/enterprises/batches/${batchId}/issues?severity=warning`);
    expect(warnings.body).toEqual({
      total: 1,
      items: [
        { row: 4, column: '党员数', message: '党员数（5）多于从业人员数（3）加 1，请核对（负责人可不计入从业人员）' },
      ],
    });
    expect(await snapshot()).toEqual(before);
    expect((await yichang.get('/api/enterprises?q=路由')).body.total).toBe(0);
  });

  it('writes the batch on confirmation, and the ledger lists it', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const applied = await yichang.post(`/api/imports/enterprises/batches/${batchId}/apply`);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ id: batchId, status: 'applied' });
    expect(applied.body.appliedAt).toEqual(expect.any(String));

    const list = await yichang.get('/api/enterprises?q=路由');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((e: any) => e.uscc).sort()).toEqual([a, b, c].sort());
    // 丙 has 3 employees and 5 members, all taken as full members (estimated): should form its own.
    expect(list.body.categories).toEqual({ should_form: 2, no_member: 1 });

    const audit = await fx.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${seq} and ${auditLog.action} = 'enterprise.import'`);
    expect(audit).toMatchObject([{ entityId: String(batchId), result: 'success', actorName: expect.any(String) }]);
    expect(audit[0].diff).toMatchObject({ fileName: '宜昌2026Q3.csv', counts: { added: 3 } });
  });

  it('cannot apply a batch twice', async () => {
    const again = await yichang.post(`/api/imports/enterprises/batches/${batchId}/apply`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('batch_not_staged');
  });

  it('previews the enterprises the same source listed last time and this file lacks', async () => {
    const batch = await importThrough(
      yichang,
      bytesOf([HEADER, row(a, '宜昌路由甲有限公司', 120, 4, '420502'), row(b, '宜昌路由乙有限公司', 8, 0, '420503')]),
    );
    expect(batch).toMatchObject({ status: 'staged', counts: { unchanged: 2, missing: 1 } });
    const missing = await yichang.get(`/api/imports/enterprises/batches/${batch.id}/missing`);
    expect(missing.body).toEqual({
      total: 1,
      items: [{ id: expect.any(Number), uscc: c, name: '宜昌路由丙有限公司', regionCode: '420506' }],
    });
    const result = await yichang.get(`/api/imports/enterprises/batches/${batch.id}/result`);
    expect(result.body).toMatchObject({ batchId: batch.id, status: 'staged', unchanged: 2, missing: 1, errors: [] });
    expect((await yichang.post(`/api/imports/enterprises/batches/${batch.id}/discard`)).status).toBe(200);
  });
});

describe('a rejected batch', () => {
  let rejectedId: number;

  it('lists its errors and cannot be applied or discarded', async () => {
    const before = await snapshot();
    const batch = await importThrough(yichang, enterpriseFixture('partial.csv'));
    expect(batch.status).toBe('rejected');
    rejectedId = batch.id;
    const errors = await yichang.get(`/api/imports/enterprises/batches/${rejectedId}/issues?severity=error`);
    expect(errors.body).toEqual({
      total: 2,
      items: [
        { row: 3, column: '统一社会信用代码', message: '统一社会信用代码应为 18 位，当前为 17 位' },
        { row: 5, column: '从业人员数', message: '从业人员数不能为负数，当前为 -1' },
      ],
    });
    const rows = await yichang.get(`/api/imports/enterprises/batches/${rejectedId}/rows?outcome=error`);
    expect(rows.body.items.map((r: any) => r.row)).toEqual([3, 5]);

    const apply = await yichang.post(`/api/imports/enterprises/batches/${rejectedId}/apply`);
    expect(apply.status).toBe(409);
    expect(apply.body.error).toMatchObject({ code: 'batch_not_staged', message: expect.stringContaining('rejected') });
    expect((await yichang.post(`/api/imports/enterprises/batches/${rejectedId}/discard`)).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('offers an error report: the rows as uploaded, with the reasons in a last column', async () => {
    const res = await yichang.get(`/api/imports/enterprises/batches/${rejectedId}/error-report`, { binary: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('错误报告-partial.xlsx'));
    const book = await readWorkbook(res.bytes);
    const values = sheetValues(book.worksheets[0]);
    expect(values[0]).toEqual([...HEADER, '错误说明']);
    const reasons = values.slice(1).map((r) => r[HEADER.length] || '');
    expect(reasons).toEqual([
      '',
      '统一社会信用代码：统一社会信用代码应为 18 位，当前为 17 位',
      '',
      '从业人员数：从业人员数不能为负数，当前为 -1',
    ]);
    expect(values.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [USCC.partialA, '宜昌部分甲有限公司'],
      [SHORT_USCC, '宜昌部分坏码有限公司'],
      [USCC.partialB, '宜昌部分乙有限公司'],
      [USCC.second, '宜昌部分坏数有限公司'],
    ]);
  });

  it('takes the error report back once the cells are fixed, phone numbers with + included', async () => {
    const [ok, bad] = [uscc(), uscc()];
    const first = await importThrough(
      yichang,
      bytesOf([
        [...HEADER, '联系电话'],
        [...row(ok, '宜昌回传甲有限公司'), '+86 717 6221234'],
        [...row(bad, '宜昌回传乙有限公司', -2), '+86 717 6225678'],
      ]),
    );
    expect(first.status).toBe('rejected');
    const report = await yichang.get(`/api/imports/enterprises/batches/${first.id}/error-report`, { binary: true });
    const book = await readWorkbook(report.bytes);
    const sheet = book.worksheets[0];
    // The user fixes the head count beside the reason and uploads the report as it is.
    sheet.getCell('E3').value = 2;
    const fixed = Buffer.from(await book.xlsx.writeBuffer());
    const second = await importThrough(yichang, fixed, { fileName: '错误报告-修正.xlsx' });
    const issues = await yichang.get(`/api/imports/enterprises/batches/${second.id}/issues?severity=error`);
    expect(issues.body.items).toEqual([]);
    expect(second).toMatchObject({ status: 'staged' });
    expect(second.counts).toMatchObject({ added: 2, errors: 0 });
  });
});

describe('discarding', () => {
  it('leaves the ledger as it was and cannot be applied afterwards', async () => {
    const before = await snapshot();
    const batch = await importThrough(yichang, bytesOf([HEADER, row(uscc(), '宜昌放弃有限公司')]));
    expect(batch.status).toBe('staged');
    const seq = await lastAuditSeq(fx.database.db);
    const res = await yichang.post(`/api/imports/enterprises/batches/${batch.id}/discard`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('discarded');
    expect((await yichang.post(`/api/imports/enterprises/batches/${batch.id}/apply`)).status).toBe(409);
    expect(await snapshot()).toEqual(before);
    const audit = await fx.database.db.select().from(auditLog).where(sql`${auditLog.seq} > ${seq}`);
    expect(audit.map((r) => [r.action, r.entityId, r.result])).toContainEqual([
      'enterprise.import_discard',
      String(batch.id),
      'success',
    ]);
  });
});

describe('the template', () => {
  it('has the header row in the format’s order, frozen, with drop-down lists for the coded columns', async () => {
    const res = await yichang.get('/api/imports/enterprises/template', { binary: true });
    expect(res.status).toBe(200);
    const book = await readWorkbook(res.bytes);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('企业台账');
    expect(sheetValues(sheet)[0]).toEqual(ENTERPRISE_COLUMNS.map((c) => c.header));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lists = book.getWorksheet('选项')!;
    expect(lists.state).toBe('veryHidden');
    const coded = ENTERPRISE_COLUMNS.map((c, i) => ({ c, letter: sheet.getColumn(i + 1).letter })).filter(
      ({ c }) => c.choices,
    );
    expect(coded.map(({ c }) => c.header)).toEqual([
      '市场主体类型',
      '负责人政治面貌',
      '是否规模以上',
      '登记状态',
      '是否建立党组织',
      '党组织组建形式',
      '是否建立工会',
      '是否建立团组织',
      '是否法人单位',
      '资本构成',
      '中介组织类型',
    ]);
    for (const { c, letter } of coded) {
      for (const at of [`${letter}2`, `${letter}5001`]) {
        const v = sheet.getCell(at).dataValidation;
        expect(v, `${c.header} ${at}`).toMatchObject({ type: 'list', showErrorMessage: true });
        // The list is a range on the hidden sheet: read it and compare with the choices.
        const m = /^选项!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(v.formulae![0] as string)!;
        expect(m, v.formulae![0] as string).not.toBeNull();
        const labels = [];
        for (let r = Number(m[2]); r <= Number(m[4]); r++) labels.push(lists.getCell(`${m[1]}${r}`).value);
        expect(labels).toEqual(c.choices!.map((x) => x.label));
      }
    }
    // Free-text columns have none.
    expect(sheet.getCell('B2').dataValidation).toBeUndefined();
  });

  it('is what an import reads: the template filled in imports cleanly', async () => {
    const res = await yichang.get('/api/imports/enterprises/template', { binary: true });
    const book = await readWorkbook(res.bytes);
    const code = uscc();
    book.worksheets[0].getRow(2).values = [code, '宜昌模板有限公司', '私营企业', '420505', 'C13', 30, 2];
    const batch = await importThrough(yichang, Buffer.from(await book.xlsx.writeBuffer()), { fileName: '模板.xlsx' });
    expect(batch).toMatchObject({ status: 'staged', counts: { rows: 1, added: 1, errors: 0, warnings: 0 } });
  });
});

describe('who may do what', () => {
  it('keeps another city’s batches and enterprises out of sight (404)', async () => {
    const batch = await importThrough(wuhan, bytesOf([HEADER, row(uscc(), '武汉可见有限公司', 5, 0, '420102')]));
    expect(batch.status).toBe('staged');
    expect((await wuhan.post(`/api/imports/enterprises/batches/${batch.id}/apply`)).status).toBe(200);
    const [wuhanEnterprise] = await fx.rows<{ id: number }>(
      sql`select id from enterprises where name = '武汉可见有限公司'`,
    );

    for (const path of [
      `/api/imports/enterprises/batches/${batch.id}`,
      `/api/imports/enterprises/batches/${batch.id}/rows?outcome=added`,
      `/api/imports/enterprises/batches/${batch.id}/issues?severity=error`,
      `/api/imports/enterprises/batches/${batch.id}/missing`,
      `/api/imports/enterprises/batches/${batch.id}/result`,
      `/api/imports/enterprises/batches/${batch.id}/error-report`,
      `/api/enterprises/${wuhanEnterprise.id}`,
    ]) {
      const res = await yichang.get(path);
      expect(res.status, path).toBe(404);
    }
    expect((await yichang.post(`/api/imports/enterprises/batches/${batch.id}/discard`)).status).toBe(404);
    expect((await yichang.get('/api/enterprises?q=武汉可见')).body.total).toBe(0);
    expect((await yichang.get('/api/imports/enterprises/batches')).body.items.map((b: any) => b.id)).not.toContain(
      batch.id,
    );
    // …and the other way round.
    const [mine] = await fx.rows<{ id: number }>(sql`select id from enterprises where name = '宜昌路由甲有限公司'`);
    expect((await wuhan.get(`/api/enterprises/${mine.id}`)).status).toBe(404);
    expect((await yichang.get(`/api/enterprises/${mine.id}`)).status).toBe(200);
  });

  it('makes a row for a region outside the importer’s scope an error for that row', async () => {
    const batch = await importThrough(
      yichang,
      bytesOf([
        HEADER,
        row(uscc(), '宜昌界内有限公司', 5, 0, '420502'),
        row(uscc(), '武汉界外有限公司', 5, 0, '420102'),
      ]),
    );
    expect(batch.status).toBe('rejected');
    const errors = await yichang.get(`/api/imports/enterprises/batches/${batch.id}/issues?severity=error`);
    expect(errors.body.items).toEqual([
      { row: 3, column: '行政区划代码', message: '行政区划代码“420102”不在您的数据范围内，不能导入该地区的企业' },
    ]);
  });

  it('does not let a leader upload (403), and records no batch', async () => {
    const before = await fx.database.db.select({ id: importBatches.id }).from(importBatches);
    const res = await uploadEnterprises(leader, bytesOf([HEADER, row(uscc(), '宜昌领导上传有限公司')]));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await fx.database.db.select({ id: importBatches.id }).from(importBatches)).toEqual(before);
    // A leader may read the ledger, not change it.
    expect((await leader.get('/api/enterprises')).status).toBe(200);
    const staged = await importThrough(yichang, bytesOf([HEADER, row(uscc(), '宜昌待确认有限公司')]));
    expect((await leader.post(`/api/imports/enterprises/batches/${staged.id}/apply`)).status).toBe(403);
    const [after] = await fx.database.db.select().from(importBatches).where(eq(importBatches.id, staged.id));
    expect(after.status).toBe('staged');
  });

  it('refuses an upload without the CSRF token', async () => {
    const res = await yichang.upload(
      '/api/imports/enterprises?fileName=a.csv&period=2026Q3&source=x',
      bytesOf([HEADER, row(uscc(), '宜昌无令牌有限公司')]),
      { csrf: false },
    );
    expect(res.status).toBe(403);
  });
});

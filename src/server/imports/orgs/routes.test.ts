// The organization and member imports through the API, as the web app drives them: template,
// upload (.csv or .xlsx), watch the batch, preview rows and issues, confirm or discard, the
// result and the error report; and who may see which batch.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  branchRow,
  idNumber,
  memberSheet,
  orgFile,
  orgLedger,
  orgName,
} from '../../../../test/fixtures/orgImport/files.ts';
import type { TestClient, TestResponse } from '../../testing/client.ts';
import { makeEnterprise, makeOrg } from '../../testing/factories.ts';
import { closedAfterAll } from '../../testing/fileFixture.ts';
import { appliedCleanly, importFixture } from '../../testing/imports.ts';
import { readWorkbook, sheetValues } from '../../testing/uploads.ts';

const fx = closedAfterAll(await importFixture());
let yichang: TestClient;
let wuhan: TestClient;
beforeAll(async () => {
  yichang = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  wuhan = (await fx.clientAs({ roles: ['committee'], regionCode: '420100' })).client;
});

type Kind = 'orgs' | 'members';

function upload(
  client: TestClient,
  kind: Kind,
  bytes: Uint8Array,
  opts: { fileName?: string; partial?: boolean; dryRun?: boolean } = {},
) {
  const query = new URLSearchParams({
    fileName: opts.fileName ?? `${kind}.csv`,
    partial: String(opts.partial ?? false),
    dryRun: String(opts.dryRun ?? false),
  });
  return client.upload(`/api/imports/${kind}?${query}`, bytes);
}

async function settled(client: TestClient, kind: Kind, id: number): Promise<TestResponse> {
  const until = Date.now() + 30_000;
  for (;;) {
    const res = await client.get(`/api/imports/${kind}/batches/${id}`);
    if (res.status !== 200 || res.body.status !== 'reading') return res;
    if (Date.now() > until) throw new Error(`batch ${id} still reading`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function through(client: TestClient, kind: Kind, bytes: Uint8Array, opts: Parameters<typeof upload>[3] = {}) {
  const res = await upload(client, kind, bytes, opts);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ kind, status: 'reading' });
  return (await settled(client, kind, res.body.id)).body;
}

const categoryOf = async (id: number) =>
  (await fx.rows<{ category: string }>(sql`select category from enterprises where id = ${id}`))[0].category;

describe('templates', () => {
  it.each([
    ['orgs', '党组织台账', '组织类别', '党委'],
    ['members', '党员名册', '人员类别', '正式党员'],
  ])('%s: the header, drop-down lists and a guide', async (kind, sheetName, coded, choice) => {
    const res = await yichang.get(`/api/imports/${kind}/template`, { binary: true });
    expect(res.status).toBe(200);
    const book = await readWorkbook(res.bytes);
    const sheet = book.getWorksheet(sheetName)!;
    const header = sheetValues(sheet)[0] as string[];
    expect(header).toContain(coded);
    const letter = sheet.getColumn(header.indexOf(coded) + 1).letter;
    for (const cell of [`${letter}2`, `${letter}5001`]) {
      expect(sheet.getCell(cell).dataValidation).toMatchObject({ type: 'list', showErrorMessage: true });
    }
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lists = sheetValues(book.getWorksheet('选项')!).flat();
    expect(lists).toContain(choice);
    expect(book.getWorksheet('填写说明')).toBeDefined();
  });
});

describe('organizations: upload, preview, confirm', () => {
  let batchId: number;
  let enterprise: { id: number; uscc: string };

  it('previews without writing', async () => {
    enterprise = await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 });
    const before = await orgLedger(fx.database.db);
    const file = fs.readFileSync(orgFile([branchRow(enterprise.uscc, { fullMemberCount: 2 })]));
    const batch = await through(yichang, 'orgs', file);
    batchId = batch.id;
    expect(batch).toMatchObject({ status: 'staged', rowsRead: 1, kind: 'orgs' });
    expect(batch.counts).toMatchObject({ rows: 1, added: 1, errors: 0, warnings: 1 });
    const rows = await yichang.get(`/api/imports/orgs/batches/${batchId}/rows?outcome=added`);
    expect(rows.body).toMatchObject({ total: 1, items: [{ row: 2, outcome: 'added', idNumber: null }] });
    const warnings = await yichang.get(`/api/imports/orgs/batches/${batchId}/issues?severity=warning`);
    expect(warnings.body.items).toEqual([
      { row: 2, column: '正式党员数', message: '正式党员数为 2，少于 3 名：党组织应有 3 名以上正式党员，请核对' },
    ]);
    expect(await orgLedger(fx.database.db)).toEqual(before);
  });

  it('another region’s user, and the other kind’s routes, do not find the batch', async () => {
    expect((await wuhan.get(`/api/imports/orgs/batches/${batchId}`)).status).toBe(404);
    expect((await wuhan.post(`/api/imports/orgs/batches/${batchId}/apply`)).status).toBe(404);
    expect((await yichang.get(`/api/imports/members/batches/${batchId}`)).status).toBe(404);
    expect((await wuhan.get('/api/imports/orgs/batches')).body.total).toBe(0);
    // The enterprise file's batch routes neither list nor open it.
    for (const path of ['', '/rows?outcome=added', '/result', '/error-report']) {
      expect([path, (await yichang.get(`/api/imports/enterprises/batches/${batchId}${path}`)).status]).toEqual([
        path,
        404,
      ]);
    }
    expect((await yichang.post(`/api/imports/enterprises/batches/${batchId}/apply`)).status).toBe(404);
    const listed = (await yichang.get('/api/imports/enterprises/batches')).body.items.map((b: { id: number }) => b.id);
    expect(listed).not.toContain(batchId);
  });

  it('confirming writes it; the ledger category moves', async () => {
    const res = await yichang.post(`/api/imports/orgs/batches/${batchId}/apply`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'applied', appliedAt: expect.any(String) });
    expect(await categoryOf(enterprise.id)).toBe('standalone');
    const result = await yichang.get(`/api/imports/orgs/batches/${batchId}/result`);
    expect(result.body).toEqual({
      batchId,
      ...appliedCleanly({ rows: 1, added: 1 }),
      warnings: [expect.objectContaining({ row: 2, column: '正式党员数' })],
    });
    expect((await yichang.post(`/api/imports/orgs/batches/${batchId}/apply`)).status).toBe(409);
    const list = await yichang.get('/api/imports/orgs/batches');
    expect(list.body.items[0]).toMatchObject({ id: batchId, status: 'applied' });
  });

  it('a discarded batch writes nothing', async () => {
    const e = await makeEnterprise(fx.database);
    const before = await orgLedger(fx.database.db);
    const file = fs.readFileSync(orgFile([branchRow(e.uscc)]));
    const batch = await through(yichang, 'orgs', file);
    const res = await yichang.post(`/api/imports/orgs/batches/${batch.id}/discard`);
    expect(res.body).toMatchObject({ status: 'discarded' });
    expect((await yichang.post(`/api/imports/orgs/batches/${batch.id}/apply`)).status).toBe(409);
    expect(await orgLedger(fx.database.db)).toEqual(before);
  });

  it('confirming checks again: what changed since the preview rejects the batch, writing nothing', async () => {
    const e = await makeEnterprise(fx.database);
    const file = fs.readFileSync(orgFile([branchRow(e.uscc)]));
    const batch = await through(yichang, 'orgs', file);
    expect(batch.status).toBe('staged');
    // Someone gives the enterprise its standalone org in the meantime.
    const other = await makeOrg(fx.database, [e.id], { name: orgName() });
    const before = await orgLedger(fx.database.db);
    const res = await yichang.post(`/api/imports/orgs/batches/${batch.id}/apply`);
    expect([res.status, res.body.error.code]).toEqual([409, 'batch_has_errors']);
    expect(await orgLedger(fx.database.db)).toEqual(before);
    expect((await yichang.get(`/api/imports/orgs/batches/${batch.id}`)).body.status).toBe('rejected');
    const errors = await yichang.get(`/api/imports/orgs/batches/${batch.id}/issues?severity=error`);
    expect(errors.body.items).toEqual([
      {
        row: 2,
        column: '覆盖企业信用代码',
        message: expect.stringContaining(`已有单独组建的党组织“${other.name}”`),
      },
    ]);
  });

  it('the error report is the file with a column of reasons', async () => {
    const file = fs.readFileSync(orgFile([branchRow((await makeEnterprise(fx.database)).uscc, { type: '党小组' })]));
    const batch = await through(yichang, 'orgs', file, { fileName: '党组织.csv' });
    expect(batch.status).toBe('rejected');
    const res = await yichang.get(`/api/imports/orgs/batches/${batch.id}/error-report`, { binary: true });
    expect(res.status).toBe(200);
    const rows = sheetValues((await readWorkbook(res.bytes)).worksheets[0]);
    expect(rows[0].at(-1)).toBe('错误说明');
    expect(rows[1].at(-1)).toBe(
      '组织类别：组织类别“党小组”无效，应为以下之一：党委、党总支、党支部、联合党支部、临时党支部',
    );
  });

  it('a dry run through the API ends as dry-run, nothing written', async () => {
    const e = await makeEnterprise(fx.database);
    const before = await orgLedger(fx.database.db);
    const file = fs.readFileSync(orgFile([branchRow(e.uscc)]));
    expect(await through(yichang, 'orgs', file, { dryRun: true })).toMatchObject({ status: 'dry-run' });
    expect(await orgLedger(fx.database.db)).toEqual(before);
  });

  it('a file that is not a spreadsheet is refused at once', async () => {
    const res = await upload(yichang, 'orgs', new TextEncoder().encode('%PDF-1.4'), { fileName: 'orgs.pdf' });
    expect([res.status, res.body.error.code]).toEqual([400, 'unsupported_extension']);
  });
});

describe('members through the API, from an .xlsx', () => {
  it('previews with masked ID numbers; a numeric ID cell is refused', async () => {
    const e = await makeEnterprise(fx.database);
    const o = await makeOrg(fx.database, [e.id], { name: orgName(), establishedOn: '2015-01-01' });
    const id = idNumber('1980-01-01', 'male');
    const [header, ...rows] = memberSheet([
      {
        name: '赵刚',
        idNumber: id,
        status: '正式党员',
        joinedOn: '2005-07-01',
        fullOn: '2006-07-01',
        org: o.name,
        phone: '13700001111',
      },
      { name: '孙丽', idNumber: 350102198506151230, status: '预备党员', joinedOn: '2025-07-01', org: o.name },
    ]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('党员名册');
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r);
    sheet.getCell('D2').value = new Date(Date.UTC(2005, 6, 1));
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());

    const batch = await through(yichang, 'members', bytes, { fileName: '党员.xlsx', partial: true });
    expect(batch).toMatchObject({ status: 'staged', counts: { rows: 2, added: 1, errorRows: 1 } });
    const added = await yichang.get(`/api/imports/members/batches/${batch.id}/rows?outcome=added`);
    expect(added.body.items).toEqual([
      { row: 2, name: '赵刚', idNumber: `${id.slice(0, 3)}***********${id.slice(-4)}`, outcome: 'added', diff: null },
    ]);
    const errors = await yichang.get(`/api/imports/members/batches/${batch.id}/issues?severity=error`);
    expect(errors.body.items).toEqual([
      {
        row: 3,
        column: '公民身份号码',
        message: '公民身份号码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
      },
    ]);
    const applied = await yichang.post(`/api/imports/members/batches/${batch.id}/apply`);
    expect(applied.body).toMatchObject({ status: 'applied' });
    const [m] = await fx.rows<{ joined_on: string; id_number: string }>(
      sql`select joined_on::text, id_number from members where name = '赵刚'`,
    );
    expect([m.joined_on, fx.keys.decrypt(m.id_number)]).toEqual(['2005-07-01', id]);
    for (const path of ['rows?outcome=added', 'issues?severity=error', 'result']) {
      const res = await yichang.get(`/api/imports/members/batches/${batch.id}/${path}`);
      expect(JSON.stringify(res.body)).not.toContain(id);
      expect(JSON.stringify(res.body)).not.toContain('13700001111');
    }
  });
});

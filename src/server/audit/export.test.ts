/** The audit export is a real .xlsx of the trail, and is itself audited. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../domain/auditLabels.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { TEST_PASSWORD } from '../testing/fixture.ts';
import { auditObjectNames, objectName } from './names.ts';

const fx = await fileFixture();

let auditor: TestClient;
let auditorName: string;

beforeAll(async () => {
  const a = await fx.clientAs({ roles: ['auditor'], regionCode: '000000' });
  auditor = a.client;
  auditorName = a.user.username;
  // Some trail to export: a failed and a good login.
  const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
  const c = fx.client();
  await c.get('/api/session');
  await c.post('/api/auth/login', { username: u.username, password: 'Wrong-Password-1' });
  await c.post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
});

async function readSheet(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const sheet = book.getWorksheet('审计日志');
  expect(sheet).toBeDefined();
  const rows: unknown[][] = [];
  sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('GET /api/audit/export', () => {
  it('returns an .xlsx holding every row of the trail, newest first', async () => {
    const before = await lastAuditSeq(fx.database.db);
    const res = await auditor.get('/api/audit/export', { binary: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''.*\.xlsx$/);
    expect(res.bytes!.subarray(0, 2).toString()).toBe('PK');

    const [header, ...rows] = await readSheet(res.bytes!);
    expect(header).toEqual([
      '序号',
      '时间(UTC)',
      '操作人',
      'IP',
      '操作',
      '操作代码',
      '对象',
      '对象ID',
      '对象名称',
      '结果',
      '变更内容',
      '哈希',
    ]);
    const trail = await auditAfter(fx.database.db, 0);
    // The export's own row is written before the file, so the file includes it.
    expect(trail.at(-1)).toMatchObject({
      seq: before + 1,
      action: 'audit.export',
      result: 'success',
      actorName: auditorName,
      ip: auditor.ip,
    });
    expect(rows).toHaveLength(trail.length);
    const newestFirst = [...trail].reverse();
    rows.forEach((row, i) => {
      const t = newestFirst[i];
      expect(row[0]).toBe(t.seq);
      expect(row[1]).toBe(t.at.toISOString());
      expect(row[2]).toBe(t.actorName);
      expect(row[4]).toBe(auditActionLabel(t.action, 'zh-CN'));
      expect(row[5]).toBe(t.action);
      expect(row[9]).toBe(t.result);
      expect(row[11]).toBe(t.hash);
    });
  });

  it('applies the filter, and records it', async () => {
    const res = await auditor.get('/api/audit/export?result=failure', { binary: true });
    const [, ...rows] = await readSheet(res.bytes!);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[9]).toBe('failure');
    const [last] = await auditAfter(fx.database.db, (await lastAuditSeq(fx.database.db)) - 1);
    expect(last).toMatchObject({ action: 'audit.export', diff: { filter: { result: 'failure' } } });
  });

  it('GET /api/audit pages and filters the same trail', async () => {
    const res = await auditor.get('/api/audit?action=auth.login&pageSize=1');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.items[0].action).toBe('auth.login');
    // What the list shows of a row is what the trail holds; the hashes stay in the export.
    expect(res.body.items[0]).not.toHaveProperty('hash');
  });

  it('names the object of each row where it can be read, and matches a full action code exactly', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const admin = (await fx.clientAs({ roles: ['secadmin'], regionCode: '420000' })).client;
    expect((await admin.post(`/api/users/${u.id}/unlock`, {})).status).toBe(200);
    const res = await auditor.get('/api/audit?action=user.unlock&pageSize=5');
    expect(res.body.items[0]).toMatchObject({ action: 'user.unlock', entity: 'user', entityName: u.displayName });
    // settings.security does not also find settings.security.read; an area finds both.
    const exact = await auditor.get('/api/audit?action=settings.security');
    for (const item of exact.body.items) expect(item.action).toBe('settings.security');
    const area = await auditor.get('/api/audit?action=user.');
    expect(area.body.items.every((i: { action: string }) => i.action.startsWith('user.'))).toBe(true);
  });

  it('names a region by its name, a region’s settings by the region, and leaves an unknown object unnamed', async () => {
    const rows = [
      { entity: 'region', entityId: '420581' },
      { entity: 'settings', entityId: 'org_rules:420500' },
      { entity: 'enterprise', entityId: '999999' },
      { entity: 'report', entityId: 'instructors' },
    ];
    const names = await inScope(fx.database.db, localOperator(), (tx) => auditObjectNames(tx, rows));
    expect(rows.map((r) => objectName(names, r.entity, r.entityId))).toEqual(['宜都市', '宜昌市', null, null]);
  });
});

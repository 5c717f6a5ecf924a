// Every list's export: the file holds exactly the rows the list counts with the same filters,
// prints as a list on A4, is audited, masks numbers unless the user may reveal them, and holds
// nothing outside the user's scope.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import { makeAssignment, makeDepartment, makeInstructor, today } from '../casework/casework.testing.ts';
import { memberBody, newIdNumber } from '../members/members.testing.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectPrintsAsForm, loadBook } from '../testing/print.ts';

const fx = await fileFixture();

let committee: Logged;
let leader: Logged;
let county: Logged;
let orgId: number;
let countyOrgId: number;

beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
  county = await fx.clientAs({ roles: ['committee'], regionCode: '420503' });
  const dept = await makeDepartment(fx.database, '工信局');
  for (const [regionCode, n] of [
    ['420502', 3],
    ['420503', 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const e = await makeEnterprise(fx.database, { regionCode, name: `宜昌市测试导出科技有限公司${regionCode}-${i}` });
      const org = await makeOrg(fx.database, [e.id], {
        regionCode,
        name: `中共宜昌市测试导出科技有限公司${i}支部委员会`,
      });
      if (regionCode === '420502' && i === 0) orgId = org.id;
      if (regionCode === '420503') countyOrgId = org.id;
      const instructor = await makeInstructor(fx.database, dept.id, { regionCode });
      const a = await makeAssignment(fx.database, instructor.id, e.id, addDays(today(), -30));
      const contact = await committee.client.post('/api/casework/contacts', {
        assignmentId: a.id,
        onDate: today(),
        kind: 'visit',
        withWhom: '=张总',
        notes: null,
        requests: [{ category: 'financing', description: '流动资金贷款', departmentIds: [dept.id] }],
      });
      expect(contact.status, JSON.stringify(contact.body)).toBe(200);
      const dev = await committee.client.post('/api/developments', {
        orgId: org.id,
        name: '李四',
        idNumber: newIdNumber(),
        employerId: e.id,
        appliedOn: addDays(today(), -10),
      });
      expect(dev.status, JSON.stringify(dev.body)).toBe(200);
    }
  }
  for (const o of [orgId, orgId, countyOrgId]) {
    const res = await committee.client.post('/api/members', memberBody(o));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});

const exportsAudited = async (action: string) =>
  (
    await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = ${action} and result = 'success'`,
    )
  )[0]?.n ?? 0;

/** The data rows of an export (below its header row), as the cells' values. */
async function exported(client: Logged, path: string) {
  const res = await client.client.get(path, { binary: true });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const book = await loadBook(res.bytes as Buffer);
  const ws = book.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => {
    if (r > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return { rows, bytes: res.bytes as Buffer, sheet: ws.name, header: (ws.getRow(1).values as unknown[]).slice(1) };
}

// [export path, list path, audit action]: the same filters on both.
const LISTS: [string, string, string][] = [
  ['/api/exports/orgs?regionCode=420502', '/api/orgs?regionCode=420502', 'org.export'],
  ['/api/exports/members', '/api/members', 'member.export'],
  ['/api/exports/instructors?regionCode=420502', '/api/instructors?regionCode=420502', 'instructor.export'],
  ['/api/exports/assignments', '/api/casework/assignments', 'instructor.assignments_export'],
  ['/api/exports/contacts', '/api/casework/contacts', 'contact.export'],
  ['/api/exports/requests?open=true', '/api/casework/requests?open=true', 'request.export'],
  ['/api/exports/transfers?status=all', '/api/member-transfers?status=all', 'member.transfer_export'],
];

describe('list exports', () => {
  it('hold exactly the rows the list counts with the same filters, print as a list, and are audited', async () => {
    for (const [path, list, action] of LISTS) {
      const json = (await committee.client.get(list)).body;
      const total = json.total ?? json.items.length;
      const before = await exportsAudited(action);
      const file = await exported(committee, path);
      expect(file.rows.length, path).toBe(total);
      if (!path.includes('transfers')) expect(total, path).toBeGreaterThan(0);
      await expectPrintsAsForm(file.bytes, { [file.sheet]: 1 });
      expect(await exportsAudited(action), path).toBe(before + 1);
    }
    const [audit] = await fx.rows<{ diff: { filter: Record<string, unknown> }; entity: string }>(
      sql`select diff, entity from audit_log where action = 'org.export' order by seq desc limit 1`,
    );
    expect(audit?.diff.filter).toMatchObject({ regionCode: '420502' });
  });

  it('the development board of one org: its records, formula-like text kept as text', async () => {
    const board = (await committee.client.get(`/api/orgs/${orgId}/developments`)).body;
    const count = board.stages.reduce((s: number, x: { items: unknown[] }) => s + x.items.length, 0);
    const file = await exported(committee, `/api/exports/developments?orgId=${orgId}`);
    expect(file.rows.length).toBe(count);
    expect(count).toBeGreaterThan(0);
    const contacts = await exported(committee, '/api/exports/contacts');
    expect(contacts.rows.every((r) => r[2] === "'=张总")).toBe(true);
  });

  it('members: full numbers for whoever may reveal them, masked for everyone else', async () => {
    const full = await exported(committee, `/api/exports/members?orgId=${orgId}`);
    const masked = await exported(leader, `/api/exports/members?orgId=${orgId}`);
    const id = full.header.indexOf('公民身份号码');
    const phone = full.header.indexOf('联系电话');
    expect(full.rows).toHaveLength(2);
    for (const r of full.rows) {
      expect(String(r[id])).toMatch(/^\d{17}[\dX]$/);
      expect(String(r[phone])).toMatch(/^1\d{10}$/);
    }
    expect(masked.rows).toHaveLength(2);
    for (const r of masked.rows) {
      expect(String(r[id])).toContain('*');
      expect(String(r[phone])).toContain('*');
    }
    const [audit] = await fx.rows<{ diff: { revealed?: string[] } }>(
      sql`select diff from audit_log where action = 'member.export' order by seq desc limit 2`,
    );
    // The latest is the leader's: nothing revealed.
    expect(audit?.diff.revealed).toBeUndefined();
  });

  it('hold nothing outside the user’s scope; a user without the list’s permission gets 403', async () => {
    const orgs = await exported(county, '/api/exports/orgs');
    expect(orgs.rows.length).toBe(1);
    const members = await exported(county, `/api/exports/members?orgId=${orgId}`);
    expect(members.rows).toHaveLength(0);
    const assignments = await exported(county, '/api/exports/assignments');
    expect(assignments.rows).toHaveLength(1);
    const before = await exportsAudited('development.export');
    expect((await county.client.get(`/api/exports/developments?orgId=${orgId}`)).status).toBe(404);
    expect(await exportsAudited('development.export')).toBe(before);
    const instructor = await fx.clientAs({ roles: ['instructor'], regionCode: '420500' });
    expect((await instructor.client.get('/api/exports/members')).status).toBe(403);
    // Instructors read the orgs covering their assigned enterprises (migration 0037): none here.
    expect((await exported(instructor, '/api/exports/orgs')).rows).toHaveLength(0);
  });
});

// Contacts, requests and outcomes through the API: the rules, every refusal, and the
// instructor's scope (their own assignments in force today).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import { weekMonday } from '../../domain/casework/weeks.ts';
import { type Logged, signInUsers } from '../regions/regionUsers.testing.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';
import {
  daysAgo,
  makeAssignment,
  makeDepartment,
  makeDevelopment,
  makeInstructor,
  makeMember,
  today,
} from './casework.testing.ts';

const fx = await fileFixture();

let committee: Logged, wuhan: Logged, leader: Logged;
let me: Logged;
let dept: { id: number };
let mine: { id: number };
let other: { id: number };
/** Mine, in force. */
let a1: { id: number; enterpriseId: number; startOn: string };
/** Mine, ended ten days ago. */
let aEnded: { id: number };
/** Another instructor's, in force. */
let aOther: { id: number };

beforeAll(async () => {
  ({ committee, wuhan, leader } = await signInUsers(fx));
  dept = await makeDepartment(fx.database, '工信局');
  mine = await makeInstructor(fx.database, dept.id, { name: '李指导' });
  other = await makeInstructor(fx.database, dept.id, { name: '王指导' });
  me = await fx.clientAs({ roles: ['instructor'], regionCode: '420500', instructorId: mine.id });
  const e1 = await makeEnterprise(fx.database);
  a1 = await makeAssignment(fx.database, mine.id, e1.id, daysAgo(60));
  aEnded = await makeAssignment(
    fx.database,
    mine.id,
    (await makeEnterprise(fx.database)).id,
    daysAgo(100),
    daysAgo(10),
  );
  aOther = await makeAssignment(fx.database, other.id, (await makeEnterprise(fx.database)).id, daysAgo(60));
});

/** The rows casework writes, to prove a refused request changed none of them. */
const caseworkState = () =>
  fx.rows(sql`select (select jsonb_agg(to_jsonb(c) order by id) from contacts c) as contacts,
                     (select jsonb_agg(to_jsonb(r) order by id) from requests r) as requests,
                     (select jsonb_agg(to_jsonb(u) order by id) from request_updates u) as updates,
                     (select jsonb_agg(to_jsonb(o) order by id) from outcomes o) as outcomes`);

const contactBody = (assignmentId: number, more: Record<string, unknown> = {}) => ({
  assignmentId,
  onDate: today(),
  kind: 'visit',
  withWhom: '张总（董事长）',
  notes: '了解用工情况',
  requests: [],
  ...more,
});

async function newRequest(client: Logged, assignmentId = a1.id, receivedOn = daysAgo(5)) {
  const res = await client.client.post('/api/casework/requests', {
    assignmentId,
    receivedOn,
    category: 'financing',
    description: '流动资金贷款',
    departmentIds: [dept.id],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

describe('contacts', () => {
  it('an instructor records a phone contact raising two requests, in one transaction, audited', async () => {
    const res = await me.client.post(
      '/api/casework/contacts',
      contactBody(a1.id, {
        kind: 'phone',
        requests: [
          { category: 'hiring', description: '招聘电工 5 名', departmentIds: [dept.id] },
          { category: 'land', description: '厂房扩建用地' },
        ],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.requestIds).toHaveLength(2);
    const rows = await fx.rows<{ contactId: number; status: string; receivedOn: string; departmentIds: number[] }>(
      sql`select contact_id as "contactId", status, received_on::text as "receivedOn", department_ids as "departmentIds"
          from requests where id = any(${`{${res.body.requestIds.join(',')}}`}::int[]) order by id`,
    );
    expect(rows).toEqual([
      { contactId: res.body.id, status: 'received', receivedOn: today(), departmentIds: [dept.id] },
      { contactId: res.body.id, status: 'received', receivedOn: today(), departmentIds: [] },
    ]);
    const audit = await fx.rows<{ action: string; actorId: number }>(
      sql`select action, actor_id as "actorId" from audit_log
          where actor_id = ${me.user.id} and action <> 'auth.login' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['contact.create', 'request.create', 'request.create']);
  });

  it('a bad request refuses the whole contact: nothing is written', async () => {
    const before = await caseworkState();
    const res = await me.client.post(
      '/api/casework/contacts',
      contactBody(a1.id, {
        requests: [
          { category: 'market', description: '参加展会' },
          { category: 'policy', description: '政策咨询', departmentIds: [999_999] },
        ],
      }),
    );
    expect([res.status, res.body.error.details[0]]).toEqual([
      400,
      { field: 'requests.1.departmentIds', message: '协调部门不在本地的部门目录中：#999999' },
    ]);
    expect(await caseworkState()).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a future date', { onDate: addDays(today(), 1) }, 'onDate', `联系日期（${addDays(today(), 1)}）晚于今天`],
    [
      'before the assignment',
      { onDate: daysAgo(61) },
      'onDate',
      `联系日期（${daysAgo(61)}）早于选派开始日期（${daysAgo(60)}）`,
    ],
    ['no one named', { withWhom: '  ' }, 'withWhom', '请填写联系对象'],
    ['an unknown kind', { kind: 'email' }, 'kind', ''],
  ])('%s is refused naming the field', async (_name, more, field, message) => {
    const before = await caseworkState();
    const res = await me.client.post('/api/casework/contacts', contactBody(a1.id, more));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe(field);
    if (message) expect(res.body.error.details[0].message).toBe(message);
    expect(await caseworkState()).toEqual(before);
  });

  it('the committee records for an ended assignment within its dates, not after its end', async () => {
    const ok = await committee.client.post('/api/casework/contacts', contactBody(aEnded.id, { onDate: daysAgo(11) }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const late = await committee.client.post('/api/casework/contacts', contactBody(aEnded.id, { onDate: daysAgo(10) }));
    expect([late.status, late.body.error.message]).toEqual([
      400,
      `联系日期（${daysAgo(10)}）不在选派期内（选派至 ${daysAgo(11)}）`,
    ]);
  });
});

describe('correcting a contact', () => {
  const fields = (more: Record<string, unknown> = {}) => ({
    onDate: daysAgo(3),
    kind: 'visit',
    withWhom: '张总（董事长）',
    notes: '了解用工情况',
    ...more,
  });
  const contactRow = (id: number) =>
    fx.rows<{ onDate: string; kind: string; withWhom: string; notes: string | null }>(
      sql`select on_date::text as "onDate", kind, with_whom as "withWhom", notes from contacts where id = ${id}`,
    );
  const requestDates = (id: number) =>
    fx.rows<{ receivedOn: string; lastUpdateOn: string; updates: string[] }>(
      sql`select r.received_on::text as "receivedOn", r.last_update_on::text as "lastUpdateOn",
            (select array_agg(u.on_date::text order by u.id) from request_updates u where u.request_id = r.id) as updates
          from requests r where r.id = ${id}`,
    );
  const newContact = async (more: Record<string, unknown> = {}) => {
    const res = await me.client.post('/api/casework/contacts', contactBody(a1.id, { onDate: daysAgo(3), ...more }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { id: number; requestIds: number[] };
  };

  it('the instructor corrects kind, person and notes; only what changed is audited', async () => {
    const { id } = await newContact();
    const res = await me.client.patch(`/api/casework/contacts/${id}`, fields({ kind: 'phone', withWhom: '李经理' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await contactRow(id)).toEqual([
      { onDate: daysAgo(3), kind: 'phone', withWhom: '李经理', notes: '了解用工情况' },
    ]);
    const [audit] = await fx.rows<{ diff: unknown }>(
      sql`select diff from audit_log where action = 'contact.update' and entity_id = ${String(id)}`,
    );
    expect(audit.diff).toEqual({
      before: { kind: 'visit', withWhom: '张总（董事长）' },
      after: { kind: 'phone', withWhom: '李经理' },
    });
    // Saving the same values again changes nothing and writes no audit row.
    const again = await me.client.patch(`/api/casework/contacts/${id}`, fields({ kind: 'phone', withWhom: '李经理' }));
    expect(again.status).toBe(200);
    const [{ n }] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'contact.update' and entity_id = ${String(id)}`,
    );
    expect(n).toBe(1);
  });

  it('a new date moves the requests raised in the contact, while none has been worked on', async () => {
    const { id, requestIds } = await newContact({ requests: [{ category: 'hiring', description: '招聘电工' }] });
    const res = await me.client.patch(`/api/casework/contacts/${id}`, fields({ onDate: daysAgo(5) }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await requestDates(requestIds[0])).toEqual([
      { receivedOn: daysAgo(5), lastUpdateOn: daysAgo(5), updates: [daysAgo(5)] },
    ]);
    const update = await me.client.post(`/api/casework/requests/${requestIds[0]}/updates`, {
      onDate: daysAgo(1),
      status: 'coordinating',
      note: '已联系人社局',
    });
    expect(update.status, JSON.stringify(update.body)).toBe(200);
    const before = await caseworkState();
    const refused = await me.client.patch(`/api/casework/contacts/${id}`, fields({ onDate: daysAgo(4) }));
    expect([refused.status, refused.body.error.details[0]]).toEqual([
      400,
      {
        field: 'onDate',
        message: `本次联系中提出的诉求 #${requestIds[0]} 已有办理记录，联系日期不能再改；如日期有误，请在该诉求的办理记录中说明`,
      },
    ]);
    expect(await caseworkState()).toEqual(before);
    // Its notes can still be corrected.
    const notes = await me.client.patch(`/api/casework/contacts/${id}`, fields({ onDate: daysAgo(5), notes: '补记' }));
    expect(notes.status, JSON.stringify(notes.body)).toBe(200);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a future date', { onDate: addDays(today(), 1) }, `联系日期（${addDays(today(), 1)}）晚于今天`],
    ['before the assignment', { onDate: daysAgo(61) }, `联系日期（${daysAgo(61)}）早于选派开始日期（${daysAgo(60)}）`],
    ['no one named', { withWhom: ' ' }, '请填写联系对象'],
  ])('%s is refused naming the field, nothing changes', async (_name, more, message) => {
    const { id } = await newContact();
    const before = await caseworkState();
    const res = await me.client.patch(`/api/casework/contacts/${id}`, fields(more));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({ field: Object.keys(more)[0], message });
    expect(await caseworkState()).toEqual(before);
  });

  it('a contact recorded by mistake is deleted, audited; one that raised requests stays', async () => {
    const { id } = await newContact();
    const res = await me.client.request('DELETE', `/api/casework/contacts/${id}`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await contactRow(id)).toEqual([]);
    const [audit] = await fx.rows<{ diff: { deleted: { withWhom: string } } }>(
      sql`select diff from audit_log where action = 'contact.delete' and entity_id = ${String(id)}`,
    );
    expect(audit.diff.deleted.withWhom).toBe('张总（董事长）');

    const raised = await newContact({ requests: [{ category: 'land', description: '用地' }] });
    const before = await caseworkState();
    const refused = await me.client.request('DELETE', `/api/casework/contacts/${raised.id}`, {});
    expect([refused.status, refused.body.error.message]).toEqual([
      400,
      `本次联系中提出了诉求 #${raised.requestIds[0]}，联系记录是诉求的来源，不能删除`,
    ]);
    expect(await caseworkState()).toEqual(before);
  });
});

describe('scope: an instructor records only for their own assignments in force today', () => {
  it.each<[string, () => Logged, () => number, number]>([
    ['instructor, own ended assignment', () => me, () => aEnded.id, 404],
    ['instructor, another instructor’s assignment', () => me, () => aOther.id, 404],
    ['committee of another city', () => wuhan, () => a1.id, 404],
    ['leader (reads only)', () => leader, () => a1.id, 403],
  ])('%s: refused, nothing changes but the denied audit row', async (_name, who, assignment, status) => {
    const client = who();
    const requestId = await newRequest(committee, assignment(), daysAgo(11));
    const outcome = await committee.client.post('/api/casework/outcomes', {
      assignmentId: assignment(),
      onDate: daysAgo(11),
      role: 'guide',
      kind: 'systems',
      quantity: 1,
    });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
    const contact = await committee.client.post(
      '/api/casework/contacts',
      contactBody(assignment(), { onDate: daysAgo(11) }),
    );
    expect(contact.status, JSON.stringify(contact.body)).toBe(200);
    const calls: [string, string, unknown][] = [
      ['POST', '/api/casework/contacts', contactBody(assignment(), { onDate: daysAgo(11) })],
      [
        'POST',
        '/api/casework/requests',
        { assignmentId: assignment(), receivedOn: daysAgo(11), category: 'other', description: 'x' },
      ],
      [
        'POST',
        `/api/casework/requests/${requestId}/updates`,
        { onDate: today(), status: 'coordinating', note: '越权' },
      ],
      [
        'POST',
        '/api/casework/outcomes',
        { assignmentId: assignment(), onDate: daysAgo(11), role: 'guide', kind: 'venues', quantity: 1 },
      ],
      [
        'POST',
        '/api/casework/outcomes',
        { assignmentId: assignment(), onDate: daysAgo(11), role: 'guide', kind: 'members', quantity: 1 },
      ],
      ['DELETE', `/api/casework/outcomes/${outcome.body.id}`, {}],
      [
        'PATCH',
        `/api/casework/contacts/${contact.body.id}`,
        { onDate: daysAgo(11), kind: 'phone', withWhom: '越权', notes: null },
      ],
      ['DELETE', `/api/casework/contacts/${contact.body.id}`, {}],
      ...(status === 404
        ? ([['GET', `/api/casework/requests/${requestId}`, undefined]] as [string, string, unknown][])
        : []),
    ];
    for (const [method, path, body] of calls) {
      const before = await caseworkState();
      const audit = await expectUnchanged(fx.database.db, [client.user.id], async () => {
        const res = await client.client.request(method, path, body);
        expect([res.status, method, path]).toEqual([status, method, path]);
      });
      expect(audit.map((a) => [a.result, a.actorId])).toEqual([['denied', client.user.id]]);
      expect(await caseworkState()).toEqual(before);
    }
  });

  it('lists show only what is in scope', async () => {
    const requestOther = await newRequest(committee, aOther.id);
    const assignments = await me.client.get('/api/casework/assignments');
    expect(assignments.body.items.map((a: { id: number }) => a.id)).toEqual([a1.id]);
    const requests = await me.client.get('/api/casework/requests?pageSize=200');
    expect(requests.body.items.every((r: { assignmentId: number }) => r.assignmentId === a1.id)).toBe(true);
    expect(requests.body.items.map((r: { id: number }) => r.id)).not.toContain(requestOther);
    const outcomes = await me.client.get('/api/casework/outcomes');
    expect(outcomes.body.every((o: { assignmentId: number }) => o.assignmentId === a1.id)).toBe(true);
    const contacts = await me.client.get('/api/casework/contacts');
    expect(contacts.body.items.every((c: { assignmentId: number }) => c.assignmentId === a1.id)).toBe(true);
    expect((await wuhan.client.get('/api/casework/assignments')).body.items).toEqual([]);
    const all = await committee.client.get('/api/casework/assignments');
    expect(all.body.items.map((a: { id: number }) => a.id).sort()).toEqual([a1.id, aOther.id].sort());
  });
});

describe('requests: received → coordinating → resolved | unresolved', () => {
  it('moves through the statuses with dated updates, records values, and is final once closed', async () => {
    const id = await newRequest(me, a1.id, daysAgo(20));
    const step = (body: Record<string, unknown>) => me.client.post(`/api/casework/requests/${id}/updates`, body);

    let res = await step({ onDate: daysAgo(19), status: 'unresolved', note: '放弃' });
    expect([res.status, res.body.error.message]).toEqual([400, '诉求须先经协调（协调中），才能关闭为未解决']);
    res = await step({ onDate: daysAgo(21), status: 'coordinating', note: '已联系银行' });
    expect([res.status, res.body.error.message]).toEqual([
      400,
      `更新日期（${daysAgo(21)}）早于上次更新日期（${daysAgo(20)}）`,
    ]);
    res = await step({ onDate: daysAgo(15), status: 'received' });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'note']);
    res = await step({ onDate: daysAgo(15), status: 'coordinating', note: '已联系银行' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await step({ onDate: daysAgo(14), status: 'received', note: '退回' });
    expect([res.status, res.body.error.message]).toEqual([400, '诉求状态不能从“协调中”改为“已受理”']);
    res = await step({
      onDate: daysAgo(10),
      status: 'resolved',
      note: '贷款到位',
      values: { loans: 200.5, hires: 1.5 },
    });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'values.hires']);
    res = await step({
      onDate: daysAgo(10),
      status: 'resolved',
      note: '贷款到位',
      values: { loans: 200.5, grants: 10 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await step({ onDate: today(), status: 'resolved', note: '补充', values: { grants: 20 } });
    expect([res.status, res.body.error.message]).toEqual([400, '诉求已解决，不能再更新；如有新情况请登记新的诉求']);

    const detail = await me.client.get(`/api/casework/requests/${id}`);
    expect(detail.body.request).toMatchObject({
      status: 'resolved',
      closedOn: daysAgo(10),
      lastUpdateOn: daysAgo(10),
      loans: 200.5,
      grants: 10,
      hires: null,
      silent: false,
    });
    expect(detail.body.updates.map((u: { status: string; onDate: string }) => [u.status, u.onDate])).toEqual([
      ['received', daysAgo(20)],
      ['coordinating', daysAgo(15)],
      ['resolved', daysAgo(10)],
    ]);
    const ids = async (q: string) =>
      (await me.client.get(`/api/casework/requests?pageSize=200&${q}`)).body.items.map((r: { id: number }) => r.id);
    expect(await ids('open=true')).not.toContain(id);
    expect(await ids('status=resolved')).toContain(id);
  });

  it('a request closed unresolved obtains nothing, and must say why', async () => {
    const id = await newRequest(me);
    await me.client.post(`/api/casework/requests/${id}/updates`, {
      onDate: daysAgo(4),
      status: 'coordinating',
      note: '协调中',
    });
    let res = await me.client.post(`/api/casework/requests/${id}/updates`, {
      onDate: daysAgo(3),
      status: 'unresolved',
    });
    expect([res.status, res.body.error.message]).toEqual([400, '请说明未能解决的原因']);
    res = await me.client.post(`/api/casework/requests/${id}/updates`, {
      onDate: daysAgo(3),
      status: 'unresolved',
      note: '政策不允许',
      values: { grants: 5 },
    });
    expect([res.status, res.body.error.message]).toEqual([400, '未解决的诉求不能登记所得（争取资金）']);
    res = await me.client.post(`/api/casework/requests/${id}/updates`, {
      onDate: daysAgo(3),
      status: 'unresolved',
      note: '政策不允许',
    });
    expect(res.status).toBe(200);
    const [row] = await fx.rows(sql`select status, closed_on::text as "closedOn" from requests where id = ${id}`);
    expect(row).toEqual({ status: 'unresolved', closedOn: daysAgo(3) });
  });

  it.each([
    [29, false],
    [30, true],
    [31, true],
  ])('an open request last updated %i days ago is silent: %s (default 30 days)', async (days, silent) => {
    const id = await newRequest(committee, a1.id, daysAgo(40));
    await fx.rows(sql`update requests set last_update_on = ${daysAgo(days)}::date where id = ${id}`);
    const list = await committee.client.get('/api/casework/requests?silent=true&pageSize=200');
    expect(list.body.items.some((r: { id: number }) => r.id === id)).toBe(silent);
    const prompts = await committee.client.get('/api/prompts');
    const section = prompts.body.sections.find((s: { key: string }) => s.key === 'request_silent');
    expect(section.items.some((i: { link: { id: number } }) => i.link.id === id)).toBe(silent);
    // The assignment counts it too (the instructor's home page shows that count).
    const silentOf = async () => {
      const res = await committee.client.get(`/api/casework/assignments?id=${a1.id}`);
      expect(res.body.requestSilentDays).toBe(30);
      return res.body.items[0].silentRequests as number;
    };
    const before = await silentOf();
    // Closed requests are never silent.
    await fx.rows(sql`update requests set status = 'resolved', closed_on = last_update_on where id = ${id}`);
    const after = await committee.client.get('/api/casework/requests?silent=true&pageSize=200');
    expect(after.body.items.some((r: { id: number }) => r.id === id)).toBe(false);
    expect(await silentOf()).toBe(before - (silent ? 1 : 0));
  });
});

describe('weekly contact', () => {
  it('this week and the missed weeks follow the configured frequency, for the instructor and the committee', async () => {
    const monday = weekMonday(today());
    const m = (k: number) => addDays(monday, -7 * k);
    const enterprise = await makeEnterprise(fx.database);
    // Five whole weeks over, starting on a Monday; contacts in the second and fourth (twice).
    const a = await makeAssignment(fx.database, mine.id, enterprise.id, m(5));
    for (const d of [addDays(m(4), 2), addDays(m(2), 0), addDays(m(2), 6)]) {
      expect((await me.client.post('/api/casework/contacts', contactBody(a.id, { onDate: d }))).status).toBe(200);
    }
    const find = async (client: Logged, query = '') =>
      (await client.client.get(`/api/casework/assignments${query}`)).body.items.find(
        (x: { id: number }) => x.id === a.id,
      );
    expect(await find(me)).toMatchObject({
      thisWeek: 'open',
      contactsThisWeek: 0,
      missedWeeks: [m(5), m(3), m(1)],
      lastContactOn: addDays(m(2), 6),
    });
    expect(await find(committee, '?missed=true')).toMatchObject({ missedWeeks: [m(5), m(3), m(1)] });
    // The work prompt names last week's miss and counts every missed week, as the list does.
    const prompt = async () => {
      const sections = (await committee.client.get('/api/prompts')).body.sections;
      const section = sections.find((x: { key: string }) => x.key === 'contact_missed');
      return section.items.find((i: { link: { id: number } }) => i.link.id === a.id)?.message;
    };
    expect(await prompt()).toBe(`指导员 李指导 上周（${m(1)} 起）未按每周 1 次联系企业；选派以来共 3 周未联系`);

    const put = await committee.client.put('/api/settings/instructor', { contactsPerWeek: 2, requestSilentDays: 30 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await find(me)).missedWeeks).toEqual([m(5), m(4), m(3), m(1)]);
    expect(await prompt()).toBe(`指导员 李指导 上周（${m(1)} 起）未按每周 2 次联系企业；选派以来共 4 周未联系`);
    // A contact last week: not missed at two a week, and no longer last week's miss at one.
    expect((await me.client.post('/api/casework/contacts', contactBody(a.id, { onDate: m(1) }))).status).toBe(200);
    expect(await prompt()).toBe(`指导员 李指导 上周（${m(1)} 起）未按每周 2 次联系企业；选派以来共 4 周未联系`);
    expect(
      (await committee.client.put('/api/settings/instructor', { contactsPerWeek: 1, requestSilentDays: 30 })).status,
    ).toBe(200);
    expect(await prompt()).toBeUndefined();
    expect((await find(me)).missedWeeks).toEqual([m(5), m(3)]);

    expect((await me.client.post('/api/casework/contacts', contactBody(a.id))).status).toBe(200);
    expect(await find(me)).toMatchObject({ thisWeek: 'done', contactsThisWeek: 1 });
  });

  it('the settings: committee reads and changes them (audited), bad values are refused, others may not', async () => {
    expect((await committee.client.get('/api/settings/instructor')).body).toEqual({
      contactsPerWeek: 1,
      requestSilentDays: 30,
    });
    const bad = await committee.client.put('/api/settings/instructor', { contactsPerWeek: 0, requestSilentDays: 30 });
    expect([bad.status, bad.body.error.message]).toEqual([400, 'contactsPerWeek：每周联系次数至少为 1']);
    expect((await me.client.get('/api/settings/instructor')).status).toBe(403);
    expect(
      (await leader.client.put('/api/settings/instructor', { contactsPerWeek: 2, requestSilentDays: 7 })).status,
    ).toBe(403);
    const [audit] = await fx.rows(
      sql`select diff from audit_log where action = 'settings.instructor' and result = 'success' order by seq desc limit 1`,
    );
    expect(audit.diff).toEqual({
      regionCode: '420500',
      before: { contactsPerWeek: 2, requestSilentDays: 30 },
      after: { contactsPerWeek: 1, requestSilentDays: 30 },
    });
  });
});

describe('outcomes: typed once, derived from the records they come from', () => {
  let a: { id: number; enterpriseId: number };
  let org: { id: number };
  const start = daysAgo(200);

  beforeAll(async () => {
    const enterprise = await makeEnterprise(fx.database);
    const elsewhere = await makeEnterprise(fx.database);
    org = await makeOrg(fx.database, [enterprise.id, elsewhere.id]);
    a = await makeAssignment(fx.database, mine.id, enterprise.id, start);
    // Before the assignment, at another enterprise: not this assignment's.
    await makeDevelopment(fx.database, org.id, enterprise.id, { activistOn: daysAgo(201), admittedOn: daysAgo(201) });
    await makeDevelopment(fx.database, org.id, elsewhere.id, { activistOn: daysAgo(50), admittedOn: daysAgo(20) });
  });

  it('typing a derived kind is refused, pointing to the record it is counted from', async () => {
    const body = { assignmentId: a.id, onDate: daysAgo(1), role: 'guide', kind: 'members', quantity: 1 };
    let res = await me.client.post('/api/casework/outcomes', body);
    expect([res.status, res.body.error.message]).toEqual([
      400,
      '发展党员由发展党员记录自动统计（该企业在选派期间尚无记录），请在“发展党员”中登记，无需在此录入',
    ]);
    const dev = await makeDevelopment(fx.database, org.id, a.enterpriseId, {
      activistOn: daysAgo(150),
      admittedOn: start,
    });
    res = await me.client.post('/api/casework/outcomes', body);
    expect([res.status, res.body.error.message, res.body.error.details[0].record]).toEqual([
      400,
      `该企业的发展党员由发展党员记录 #${dev.id} 自动统计，无需录入`,
      { type: 'development', id: dev.id },
    ]);
    res = await me.client.post('/api/casework/outcomes', { ...body, kind: 'activists' });
    expect(res.body.error.message).toBe(`该企业的入党积极分子由发展党员记录 #${dev.id} 自动统计，无需录入`);

    res = await me.client.post('/api/casework/outcomes', { ...body, role: 'service', kind: 'grants', quantity: 30 });
    expect(res.body.error.message).toBe(
      '争取资金由已解决的诉求自动统计（该选派关系尚无已解决的诉求），请登记诉求，解决时填写所得，无需在此录入',
    );
    const request = await newRequest(me, a.id, daysAgo(30));
    await me.client.post(`/api/casework/requests/${request}/updates`, {
      onDate: daysAgo(25),
      status: 'resolved',
      note: '补助到位',
      values: { grants: 30 },
    });
    res = await me.client.post('/api/casework/outcomes', { ...body, role: 'service', kind: 'grants', quantity: 30 });
    expect([res.status, res.body.error.message, res.body.error.details[0].record]).toEqual([
      400,
      `争取资金由已解决的诉求 #${request} 自动统计，无需录入`,
      { type: 'request', id: request },
    ]);
    expect(await fx.rows(sql`select id from outcomes where assignment_id = ${a.id}`)).toEqual([]);
  });

  it('derived outcomes equal the records; typed ones are checked, listed and deletable', async () => {
    const member = await makeMember(fx.database, org.id, a.enterpriseId, daysAgo(40));
    const labour = await newRequest(me, a.id, daysAgo(12));
    await fx.rows(sql`update requests set category = 'labour_dispute' where id = ${labour}`);
    await me.client.post(`/api/casework/requests/${labour}/updates`, {
      onDate: daysAgo(8),
      status: 'resolved',
      note: '调解成功',
      values: { hires: 3, feesReduced: 1.25 },
    });

    // A typed outcome of the assignment, two days ago.
    const typed = (more: Record<string, unknown>) =>
      me.client.post('/api/casework/outcomes', { assignmentId: a.id, onDate: daysAgo(2), ...more });
    for (const [more, message] of [
      [{ role: 'guide', kind: 'systems', quantity: 1.5 }, '建立制度按项计，须为整数'],
      [{ role: 'guide', kind: 'systems', quantity: 2, benefit: 5 }, '只有创新项目填写经济效益'],
    ] as const) {
      const refused = await typed(more);
      expect([refused.status, refused.body.error.message]).toEqual([400, message]);
    }
    const res = await typed({ role: 'service', kind: 'innovations', quantity: 1, benefit: 80.5, note: '技改项目' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const typedId = res.body.id;

    const list = (await me.client.get(`/api/casework/outcomes?assignmentId=${a.id}`)).body;
    const shape = (o: Record<string, unknown>) => [o.source, o.kind, o.role, o.quantity, o.onDate];
    const devs = await fx.rows<{ id: number; activistOn: string | null; admittedOn: string | null }>(
      sql`select id, activist_on::text as "activistOn", admitted_on::text as "admittedOn" from developments
          where employer_id = ${a.enterpriseId} order by id`,
    );
    const [grantRequest] = await fx.rows<{ id: number; closedOn: string }>(
      sql`select id, closed_on::text as "closedOn" from requests where assignment_id = ${a.id} and category = 'financing'`,
    );
    const expected = [
      ['typed', 'innovations', 'service', 1, daysAgo(2)],
      ['request', 'problems', 'coordination', 1, daysAgo(8)],
      ['request', 'hires', 'coordination', 3, daysAgo(8)],
      ['request', 'feesReduced', 'coordination', 1.25, daysAgo(8)],
      ['request', 'problems', 'service', 1, grantRequest.closedOn],
      ['request', 'grants', 'service', 30, grantRequest.closedOn],
      ['member', 'members', 'guide', 1, daysAgo(40)],
      // Only the development within the assignment (the one before its start is not counted).
      ...devs
        .filter((d) => d.activistOn! >= start)
        .flatMap((d) => [
          ['development', 'activists', 'guide', 1, d.activistOn],
          ['development', 'members', 'guide', 1, d.admittedOn],
        ]),
    ].sort((x, y) => String(y[4]).localeCompare(String(x[4])));
    expect(list.map(shape).sort((x: unknown[], y: unknown[]) => String(y[4]).localeCompare(String(x[4])))).toEqual(
      expected,
    );
    expect(
      list.filter((o: { source: string; id: number }) => o.source === 'member').map((o: { id: number }) => o.id),
    ).toEqual([member.id]);

    const del = await me.client.request('DELETE', `/api/casework/outcomes/${typedId}`);
    expect(del.status).toBe(200);
    expect(await fx.rows(sql`select id from outcomes where id = ${typedId}`)).toEqual([]);
    const [audit] = await fx.rows<{ diff: { deleted: { kind: string } } }>(
      sql`select diff from audit_log where action = 'outcome.delete' and entity_id = ${String(typedId)}`,
    );
    expect(audit.diff.deleted.kind).toBe('innovations');
  });
});

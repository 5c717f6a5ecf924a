// Lost-contact members (issue #17 item 4; rules.md §13; docs/annual-tables.md §7): recorded only
// from 6 calendar months after the last recorded activity (a day less is refused), searched for
// with dates, closed by contact restored or by the disposal the rules provide (the member then
// leaves the roster); the prompt lists members silent for 6 months; scope: the org's secretary
// and the region's committee write, the leader reads, anyone outside gets 404 and nothing changes.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import { inScope } from '../db/tx.ts';
import { memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { expectEachNotFound, expectInvalid } from '../testing/snapshot.ts';
import { silentMembers } from './prompts.ts';
import { recordLostContact } from './write.ts';

const fx = await fileFixture();
const { county, otherCounty } = await signInCountyCommittees(fx);
const countyActor = actorOf({
  id: county.user.id,
  username: 'c',
  displayName: 'c',
  regionCode: '420502',
  roles: ['committee'],
});

const today = localDateString(new Date());
let org: number;
let otherOrg: number;
let secretary: Logged;
let otherSecretary: Logged;
let leader: Logged;

const caseRows = () => fx.rows(sql`select * from lost_contacts order by id`);
const searchRows = () => fx.rows(sql`select * from lost_contact_searches order by id`);
const state = async () => ({ cases: await caseRows(), searches: await searchRows() });

async function newMember(orgId: number, more: Record<string, unknown> = {}) {
  const res = await county.client.post('/api/members', memberBody(orgId, { name: '吴失联', ...more }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

/** A theme day of the org on `heldOn`, the member present. */
async function attended(orgId: number, memberId: number, heldOn: string) {
  const [m] = await fx.rows<{ id: number }>(
    sql`insert into meetings (org_id, kind, held_on, topic) values (${orgId}, 'theme_day', ${heldOn}, '主题党日') returning id`,
  );
  await fx.rows(
    sql`insert into meeting_attendance (meeting_id, member_id, present, voting) values (${m?.id}, ${memberId}, true, true)`,
  );
}

const record = (memberId: number, on: string, body: Record<string, unknown> = {}) =>
  inScope(fx.database.db, countyActor, (tx) =>
    recordLostContact(
      tx,
      countyActor,
      memberId,
      { circumstance: '1', circumstanceNote: null, outOfContactSince: null, ...body },
      on,
    ),
  );

beforeAll(async () => {
  org = (await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420502' })).id])).id;
  otherOrg = (await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420502' })).id])).id;
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
  otherSecretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420502' });
});

describe('six months from the last recorded activity', () => {
  it('refuses 6 months minus a day after a meeting attended, accepts exactly 6 months', async () => {
    const id = await newMember(org);
    await attended(org, id, '2026-01-31');
    await expect(record(id, '2026-07-30')).rejects.toMatchObject({
      status: 400,
      details: [
        expect.objectContaining({
          field: 'outOfContactSince',
          message: expect.stringContaining('2026-07-31 起才能登记'),
        }),
      ],
    });
    expect(await caseRows()).toEqual([]);
    const ok = await record(id, '2026-07-31');
    expect(ok.outOfContactSince).toBe('2026-01-31');
    const [row] = await fx.rows<{ since: string; recorded: string; org: number }>(
      sql`select out_of_contact_since::text as since, recorded_on::text as recorded, org_id as org from lost_contacts where id = ${ok.id}`,
    );
    expect(row).toEqual({ since: '2026-01-31', recorded: '2026-07-31', org });
  });

  it('a later contact the org states moves the date; an earlier one than the records is refused', async () => {
    const id = await newMember(org);
    await attended(org, id, '2026-02-10');
    await expect(record(id, '2026-09-15', { outOfContactSince: '2026-03-16' })).rejects.toMatchObject({
      status: 400,
      details: [
        expect.objectContaining({ field: 'outOfContactSince', message: expect.stringContaining('未满 6 个月') }),
      ],
    });
    await expect(record(id, '2026-09-15', { outOfContactSince: '2026-02-01' })).rejects.toMatchObject({
      details: [
        expect.objectContaining({ message: expect.stringContaining('早于系统中该党员最后一次活动记录（2026-02-10）') }),
      ],
    });
    expect((await record(id, '2026-09-15', { outOfContactSince: '2026-03-15' })).outOfContactSince).toBe('2026-03-15');
  });

  it('the prompt lists a silent member from the day 6 months are full, not the day before', async () => {
    const id = await newMember(otherOrg, { name: '郑沉默' });
    await attended(otherOrg, id, '2026-03-31');
    const listed = async (on: string) =>
      (await inScope(fx.database.db, countyActor, (tx) => silentMembers(tx, countyActor, on, 1000))).some(
        (r) => r.id === id,
      );
    expect(await listed('2026-09-29')).toBe(false);
    expect(await listed('2026-09-30')).toBe(true);
    // Other activities count too: a transfer letter received, an open activity.
    await fx.rows(
      sql`insert into member_transfers (member_id, direction, org_id, counterpart, issued_on, valid_until, received_on)
          values (${id}, 'in', ${otherOrg}, '外县某支部', '2026-04-01', '2026-07-01', '2026-04-05')`,
    );
    expect(await listed('2026-09-30')).toBe(false);
    expect(await listed('2026-10-05')).toBe(true);
  });
});

describe('recording, searching and closing, in scope', () => {
  let member: number;
  let caseId: number;

  it('the secretary records a member of the org; the record is audited, shown, and listed for the region', async () => {
    member = await newMember(org, { name: '钱远行' });
    const res = await secretary.client.post(`/api/members/${member}/lost-contact`, { circumstance: '6' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    caseId = res.body.id;
    expect(res.body.outOfContactSince).toBe('2016-07-01');
    const [audit] = await fx.rows<{ action: string; diff: Record<string, unknown> }>(
      sql`select action, diff from audit_log where entity = 'lost_contact' and entity_id = ${String(caseId)}`,
    );
    expect(audit).toMatchObject({
      action: 'lost_contact.record',
      diff: { circumstance: '6', circumstanceLabel: '居住地改变' },
    });
    const view = await leader.client.get(`/api/members/${member}/lost-contact`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ open: true, lastActivityOn: '2016-07-01', lostFrom: '2017-01-01' });
    expect(JSON.stringify(view.body)).not.toMatch(/idNumber|phone/);
    const list = await county.client.get('/api/lost-contacts?region=420502');
    expect(list.body.items.map((i: { id: number }) => i.id)).toContain(caseId);
    // The secretary sees the org's cases only.
    const own = await otherSecretary.client.get('/api/lost-contacts');
    expect(own.body.items.map((i: { id: number }) => i.id)).not.toContain(caseId);
  });

  it('a second open case, 其他 without a note, and a leader are refused; nothing is written', async () => {
    const again = await county.client.post(`/api/members/${member}/lost-contact`, { circumstance: '1' });
    expect(again.status).toBe(409);
    const fresh = await newMember(org);
    await expectInvalid(
      () => county.client.post(`/api/members/${fresh}/lost-contact`, { circumstance: '7' }),
      state,
      'circumstanceNote',
      '写明具体原因',
    );
    const before = await state();
    const byLeader = await leader.client.post(`/api/members/${fresh}/lost-contact`, { circumstance: '1' });
    expect(byLeader.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('outside the scope every route answers 404 and nothing changes', async () => {
    const calls = [
      ['GET', `/api/members/${member}/lost-contact`, undefined],
      ['POST', `/api/members/${member}/lost-contact`, { circumstance: '1' }],
      [
        'POST',
        `/api/lost-contacts/${caseId}/searches`,
        { searchedOn: today, searcher: '王', method: 'phone', result: '无人接听' },
      ],
      ['POST', `/api/lost-contacts/${caseId}/outcome`, { outcome: 'restored', outcomeOn: today }],
    ] as const;
    await expectEachNotFound(fx.database.db, otherSecretary, calls, state);
    await expectEachNotFound(fx.database.db, otherCounty, calls, state);
    const list = await otherCounty.client.get('/api/lost-contacts?region=420502');
    expect(list.status).toBe(404);
  });

  it('a disposal needs a search first; searches are dated within the case', async () => {
    await expectInvalid(
      () => secretary.client.post(`/api/lost-contacts/${caseId}/outcome`, { outcome: 'suspended', outcomeOn: today }),
      state,
      'outcome',
      '尚未登记查找记录',
    );
    const search = (body: Record<string, unknown>) => () =>
      secretary.client.post(`/api/lost-contacts/${caseId}/searches`, {
        searcher: '李书记',
        method: 'relatives',
        result: '亲属称已多年未联系',
        searchedOn: today,
        ...body,
      });
    await expectInvalid(search({ searchedOn: addDays(today, 1) }), state, 'searchedOn', '晚于今天');
    await expectInvalid(search({ searchedOn: '2016-06-30' }), state, 'searchedOn', '早于失去联系日期');
    await expectInvalid(search({ method: 'pigeon' }), state, 'method', '请选择查找方式');
    const ok = await search({})();
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const view = await secretary.client.get(`/api/members/${member}/lost-contact`);
    expect(view.body.cases[0].searches).toEqual([
      expect.objectContaining({ searcher: '李书记', method: 'relatives', searchedOn: today }),
    ]);
  });

  it('停止党籍 takes a full member off the roster in the same transaction; the case is then closed', async () => {
    await expectInvalid(
      () =>
        secretary.client.post(`/api/lost-contacts/${caseId}/outcome`, {
          outcome: 'probation_cancelled',
          outcomeOn: today,
        }),
      state,
      'outcome',
      '只有预备党员',
    );
    const res = await secretary.client.post(`/api/lost-contacts/${caseId}/outcome`, {
      outcome: 'suspended',
      outcomeOn: today,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [m] = await fx.rows<{ leftOn: string; reason: string }>(
      sql`select left_on::text as "leftOn", leave_reason as reason from members where id = ${member}`,
    );
    expect(m).toEqual({ leftOn: today, reason: 'lapse' });
    const actions = await fx.rows<{ action: string }>(
      sql`select action from audit_log where result = 'success' and ((entity = 'lost_contact' and entity_id = ${String(caseId)}) or (entity = 'member' and entity_id = ${String(member)} and action = 'member.leave')) order by seq`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'lost_contact.record',
      'lost_contact.search',
      'member.leave',
      'lost_contact.outcome',
    ]);
    const late = await secretary.client.post(`/api/lost-contacts/${caseId}/searches`, {
      searcher: '李',
      method: 'phone',
      result: '空号',
      searchedOn: today,
    });
    expect(late.status).toBe(409);
  });

  it('a probationary member is not suspended but loses the probation; contact restored reopens the clock', async () => {
    const probationary = await newMember(org, { status: 'probationary', joinedOn: '2025-01-10', fullOn: null });
    const c = await county.client.post(`/api/members/${probationary}/lost-contact`, {
      circumstance: '7',
      circumstanceNote: '下落不明',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    await county.client.post(`/api/lost-contacts/${c.body.id}/searches`, {
      searcher: '党工委',
      method: 'agency',
      result: '派出所协查未果',
      searchedOn: today,
    });
    await expectInvalid(
      () => county.client.post(`/api/lost-contacts/${c.body.id}/outcome`, { outcome: 'suspended', outcomeOn: today }),
      state,
      'outcome',
      '取消预备党员资格',
    );
    const back = await newMember(org, { name: '孙归来' });
    const b = await county.client.post(`/api/members/${back}/lost-contact`, { circumstance: '5' });
    const restored = await county.client.post(`/api/lost-contacts/${b.body.id}/outcome`, {
      outcome: 'restored',
      outcomeOn: today,
      note: '本人来电',
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const view = await county.client.get(`/api/members/${back}/lost-contact`);
    expect(view.body).toMatchObject({
      onRoster: true,
      open: false,
      lastActivityOn: today,
      lostFrom: addMonths(today, 6),
    });
  });

  it('the prompts and the to-do centre list silent members without an open case, for whoever may act', async () => {
    const silent = await newMember(org, { name: '周无讯' });
    const prompts = await secretary.client.get('/api/prompts');
    const section = prompts.body.sections.find((s: { key: string }) => s.key === 'lost_contact');
    const ids = section.items.map((i: { link: { id: number } }) => i.link.id);
    expect(ids).toContain(silent);
    // Recorded members are no longer prompted.
    const openCase = (await caseRows()).find((r) => (r as { outcome: string | null }).outcome === null) as {
      member_id: number;
    };
    expect(ids).not.toContain(openCase.member_id);
    const todo = await secretary.client.get('/api/todo');
    expect(todo.body.sections.find((s: { key: string }) => s.key === 'lost_contact')?.total).toBe(section.total);
    const other = await otherSecretary.client.get('/api/prompts');
    const theirs = other.body.sections.find((s: { key: string }) => s.key === 'lost_contact');
    expect(theirs.items.map((i: { link: { id: number } }) => i.link.id)).not.toContain(silent);
  });
});

// Members working away (rules.md §7): the period recorded by the org holding the relation,
// 流动党员 and 应转接 derived from its dates at their edges, the return, the 流入 side's view,
// the prompt and the org's count.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../domain/calendarDate.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { expectEachNotFound } from '../testing/snapshot.ts';
import { awayBody, memberBody, today } from './members.testing.ts';

const fx = await fileFixture();

const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
const wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
const here = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
const there = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);

const c = () => committee.client;
async function member(orgId = here.id, more: Record<string, unknown> = {}) {
  const res = await c().post('/api/members', memberBody(orgId, more));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}
const away = (id: number, more: Record<string, unknown> = {}) => c().put(`/api/members/${id}/away`, awayBody(more));
const detail = async (id: number) => (await c().get(`/api/members/${id}`)).body.member;
const refused = (res: { status: number; body: any }) => [
  res.status,
  res.body?.error?.details?.[0]?.field,
  res.body?.error?.details?.[0]?.message,
];
/**
 * The edges, found by search since month arithmetic clamps (on 31 August no day is exactly 6
 * months before): the earliest departure not yet 6 months back, and the latest one that is.
 */
function notYetSixMonths(): string {
  let d = addMonths(today(), -7);
  while (addMonths(d, 6) < today()) d = addDays(d, 1);
  return d;
}
function sixMonthsReached(): string {
  let d = addMonths(today(), -5);
  while (addMonths(d, 6) > today()) d = addDays(d, -1);
  return d;
}
const mobileCount = async (orgId: number) => (await c().get(`/api/orgs/${orgId}`)).body.facts.mobile as number;

describe('recording a period away', () => {
  it('records, corrects and ends it, each audited; a member away is listed as 流出', async () => {
    const id = await member();
    expect((await detail(id)).away).toBeNull();
    const since = addMonths(today(), -2);
    const res = await away(id, { since, workOrgId: there.id, until: addMonths(today(), 3) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await detail(id)).toMatchObject({
      mobile: false,
      workOrgId: there.id,
      away: { place: '江苏省苏州市', since, fixedPlace: false, mobile: false, shouldTransfer: false },
    });
    const again = await away(id, { since, workOrgId: there.id, until: addMonths(today(), 3) });
    expect(again.body.changed).toEqual([]);
    expect((await away(id, { since, workOrgId: there.id, place: '浙江省杭州市' })).body.changed).toEqual([
      'awayPlace',
      'awayUntil',
    ]);
    const out = await c().get(`/api/members?view=mobile&orgId=${here.id}&side=out`);
    expect(out.body.items.map((m: { id: number }) => m.id)).toContain(id);
    const inflow = await c().get(`/api/members?view=mobile&orgId=${there.id}&side=in`);
    expect(inflow.body.items).toContainEqual(expect.objectContaining({ id, sideLabel: '流入' }));

    expect(refused(await c().post(`/api/members/${id}/away/end`, { returnedOn: addDays(since, -1) }))[1]).toBe(
      'returnedOn',
    );
    expect((await c().post(`/api/members/${id}/away/end`, { returnedOn: today() })).status).toBe(200);
    expect(await detail(id)).toMatchObject({ away: null, mobile: false, workOrgId: null });
    const again2 = await c().post(`/api/members/${id}/away/end`, { returnedOn: today() });
    expect(refused(again2)).toEqual([400, 'returnedOn', '该党员没有登记外出，无须登记返回']);
    const audit = await fx.rows<{ action: string; diff: Record<string, unknown> }>(
      sql`select action, diff from audit_log where entity = 'member' and entity_id = ${String(id)}
            and result = 'success' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'member.create',
      'member.away_record',
      'member.away_record',
      'member.away_end',
    ]);
    expect(audit[3].diff).toMatchObject({ place: '浙江省杭州市', since, returnedOn: today() });
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const id = await member();
    expect(refused(await away(id, { place: ' ' }))[0]).toBe(400);
    expect(refused(await away(id, { place: ' ' }))[1]).toBe('place');
    expect(refused(await away(id, { since: addDays(today(), 1) }))).toEqual([
      400,
      'since',
      `外出日期（${addDays(today(), 1)}）晚于今天（${today()}）`,
    ]);
    const since = addMonths(today(), -1);
    expect(refused(await away(id, { since, until: since }))[1]).toBe('until');
    expect(refused(await away(id, { workOrgId: here.id }))).toEqual([
      400,
      'workOrgId',
      '流入地党组织不能是党员所在党组织',
    ]);
    expect((await away(id, { mobile: true })).status).toBe(400);
    expect((await detail(id)).away).toBeNull();
  });
});

describe('mobile (away more than 6 months) and 应转接 (6 months or more at a fixed place), at the edges', () => {
  it('exactly 6 months away is not yet mobile, a day more is; the org counts only the latter', async () => {
    const before = await mobileCount(here.id);
    const exactly = await member();
    await away(exactly, { since: notYetSixMonths() });
    const more = await member();
    await away(more, { since: addDays(notYetSixMonths(), -1) });
    expect((await detail(exactly)).mobile).toBe(false);
    expect((await detail(more)).mobile).toBe(true);
    const mobile = await c().get(`/api/members?orgId=${here.id}&mobile=true&pageSize=200`);
    const ids = mobile.body.items.map((m: { id: number }) => m.id);
    expect(ids).toContain(more);
    expect(ids).not.toContain(exactly);
    expect(await mobileCount(here.id)).toBe(before + 1);
    // Back home: no longer counted.
    await c().post(`/api/members/${more}/away/end`, { returnedOn: today() });
    expect(await mobileCount(here.id)).toBe(before);
  });

  it('应转接: at a fixed place for 6 months today, or planned for 6 months or with no return; listed and prompted', async () => {
    const six = sixMonthsReached();
    const stayed = await member(here.id, { name: '满六个月' });
    await away(stayed, { since: six, fixedPlace: true, until: addDays(today(), 1) });
    const planned = await member(here.id, { name: '调往外地' });
    await away(planned, { since: today(), fixedPlace: true });
    const short = await member(here.id, { name: '短期外派' });
    await away(short, { since: addDays(six, 1), fixedPlace: true, until: today() });
    const notFixed = await member(here.id, { name: '流动务工' });
    await away(notFixed, { since: addMonths(today(), -9) });
    expect((await detail(stayed)).away.shouldTransfer).toBe(true);
    expect((await detail(planned)).away.shouldTransfer).toBe(true);
    expect((await detail(short)).away.shouldTransfer).toBe(false);
    expect((await detail(notFixed)).away).toMatchObject({ mobile: true, shouldTransfer: false });
    const listed = await c().get(`/api/members?orgId=${here.id}&shouldTransfer=true&pageSize=200`);
    expect(listed.body.items.map((m: { id: number }) => m.id).sort()).toEqual([stayed, planned].sort());

    const prompts = await c().get('/api/prompts');
    const section = prompts.body.sections.find((s: { key: string }) => s.key === 'should_transfer');
    const items = section.items.filter((i: { link: { id: number } }) =>
      [stayed, planned, short, notFixed].includes(i.link.id),
    );
    expect(items.map((i: { title: string; level: string }) => [i.title, i.level]).sort()).toEqual(
      [
        ['满六个月', 'overdue'],
        ['调往外地', 'due'],
      ].sort(),
    );
    expect(items.find((i: { title: string }) => i.title === '满六个月').message).toContain('应转接组织关系');
    // Another city's committee is prompted about none of them.
    const other = await wuhan.client.get('/api/prompts');
    const theirs = other.body.sections.find((s: { key: string }) => s.key === 'should_transfer');
    expect(theirs.items.map((i: { link: { id: number } }) => i.link.id)).not.toContain(stayed);
  });
});

describe('scope', () => {
  it('an out-of-scope committee gets 404 recording or ending a period, and nothing changes', async () => {
    const id = await member();
    await away(id, { since: addMonths(today(), -8), workOrgId: there.id });
    const state = () => fx.rows(sql`select to_jsonb(m) as m from members m where id = ${id}`);
    await expectEachNotFound(
      fx.database.db,
      wuhan,
      [
        ['PUT', `/api/members/${id}/away`, awayBody({ place: '越权' })],
        ['POST', `/api/members/${id}/away/end`, { returnedOn: today() }],
      ],
      state,
    );
    const list = await wuhan.client.get(`/api/members?mobile=true&pageSize=200`);
    expect(list.body.items.map((m: { id: number }) => m.id)).not.toContain(id);
  });

  it('the 流入 org’s secretary sees the member in the 流入 list, and may not record or end the period', async () => {
    const id = await member();
    await away(id, { workOrgId: there.id });
    const secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: there.id });
    const inflow = await secretary.client.get('/api/members?view=mobile&side=in');
    expect(inflow.body.items).toContainEqual(expect.objectContaining({ id, side: 'in', mobile: true }));
    expect((await secretary.client.put(`/api/members/${id}/away`, awayBody())).status).toBe(403);
    expect((await secretary.client.post(`/api/members/${id}/away/end`, { returnedOn: today() })).status).toBe(403);
    expect((await detail(id)).away).not.toBeNull();
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../domain/calendarDate.ts';
import { letterValidUntil } from '../../domain/org/transfer.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { awayBody, lastValidIssueDate, memberBody, newIdNumber, today } from './members.testing.ts';

const fx = await fileFixture();

const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
const org = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);

const c = () => committee.client;
async function created(more: Record<string, unknown> = {}) {
  const res = await c().post('/api/members', memberBody(org.id, more));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}
const letterOut = (memberId: number, issuedOn: string, more: Record<string, unknown> = {}) =>
  c().post(`/api/members/${memberId}/transfers`, {
    counterpart: '某省某市某党支部',
    letterNo: '（2026）12号',
    issuedOn,
    ...more,
  });
const fieldOf = (res: { status: number; body: any }) => [res.status, res.body?.error?.details?.[0]?.field];
const idsOf = (res: { body: any }) => res.body.items.map((t: { id: number }) => t.id);

describe('transfer out', () => {
  it('the letter is valid 3 months, through its last day; pending then expired', async () => {
    const boundary = lastValidIssueDate();
    const m1 = await created();
    const m2 = await created();
    const valid = await letterOut(m1, boundary);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body.validUntil).toBe(letterValidUntil(boundary));
    expect(valid.body.validUntil >= today()).toBe(true);
    const stale = await letterOut(m2, addDays(boundary, -1));
    expect(stale.body.validUntil < today()).toBe(true);

    const pending = await c().get(`/api/member-transfers?orgId=${org.id}&status=pending`);
    expect(idsOf(pending)).toContain(valid.body.id);
    expect(idsOf(pending)).not.toContain(stale.body.id);
    const expired = await c().get(`/api/member-transfers?orgId=${org.id}&status=expired`);
    expect(idsOf(expired)).toEqual([stale.body.id]);
    expect(expired.body.items[0]).toMatchObject({ memberId: m2, direction: 'out', status: 'expired', orgId: org.id });
    const open = await c().get(`/api/member-transfers?orgId=${org.id}`);
    expect(idsOf(open).sort()).toEqual([valid.body.id, stale.body.id].sort());

    // The member stays on the roster until the receipt.
    const detail = await c().get(`/api/members/${m1}`);
    expect(detail.body.member.leftOn).toBeNull();
    expect(detail.body.transfers).toEqual([expect.objectContaining({ id: valid.body.id, status: 'pending' })]);
  });

  it('one valid letter at a time; after it expires a new one may be issued', async () => {
    const m = await created();
    await letterOut(m, addDays(lastValidIssueDate(), -1));
    expect((await letterOut(m, today())).status).toBe(200);
    const again = await letterOut(m, today());
    expect(fieldOf(again)).toEqual([400, 'issuedOn']);
    expect(again.body.error.message).toContain('尚在有效期内的转出介绍信');
  });

  it('refuses a letter dated in the future or before admission, and a missing counterpart', async () => {
    const m = await created({ joinedOn: '2015-07-01' });
    const tomorrow = addDays(today(), 1);
    const future = await letterOut(m, tomorrow);
    expect(fieldOf(future)).toEqual([400, 'issuedOn']);
    expect(future.body.error.message).toBe(`介绍信开具日期（${tomorrow}）晚于今天（${today()}）`);
    expect(fieldOf(await letterOut(m, '2015-06-30'))).toEqual([400, 'issuedOn']);
    expect(fieldOf(await letterOut(m, today(), { counterpart: '  ' }))).toEqual([400, 'counterpart']);
  });

  it('the receipt completes it: the member leaves for transfer_out on that date, counts follow', async () => {
    const e = await makeEnterprise(fx.database);
    const m = await created({ employerId: e.id });
    const letter = await letterOut(m, addDays(today(), -10));
    const id = letter.body.id;
    expect(
      fieldOf(await c().post(`/api/member-transfers/${id}/receive`, { receivedOn: addDays(today(), -11) })),
    ).toEqual([400, 'receivedOn']);
    expect(fieldOf(await c().post(`/api/member-transfers/${id}/receive`, { receivedOn: addDays(today(), 1) }))).toEqual(
      [400, 'receivedOn'],
    );
    const received = await c().post(`/api/member-transfers/${id}/receive`, { receivedOn: addDays(today(), -2) });
    expect(received.body).toEqual({ status: 'received', late: false });
    const detail = await c().get(`/api/members/${m}`);
    expect(detail.body.member).toMatchObject({ leftOn: addDays(today(), -2), leaveReason: 'transfer_out' });
    expect(detail.body.transfers[0]).toMatchObject({ status: 'received', receivedOn: addDays(today(), -2) });
    const [counts] = await fx.rows<{ n: number }>(sql`select member_count as n from enterprises where id = ${e.id}`);
    expect(counts.n).toBe(0);
    const twice = await c().post(`/api/member-transfers/${id}/receive`, { receivedOn: today() });
    expect(fieldOf(twice)).toEqual([400, 'receivedOn']);
    expect((await c().get(`/api/member-transfers?orgId=${org.id}&status=received`)).body.items).toContainEqual(
      expect.objectContaining({ id, memberId: m, memberName: '张三' }),
    );
    const audit = await fx.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'member' and entity_id = ${String(m)} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'member.create',
      'member.transfer_out',
      'member.leave',
      'member.transfer_receive',
    ]);
  });

  it('a receipt after the letter expired is accepted and marked late', async () => {
    const m = await created();
    const issued = addDays(lastValidIssueDate(), -1);
    const letter = await letterOut(m, issued);
    const res = await c().post(`/api/member-transfers/${letter.body.id}/receive`, { receivedOn: today() });
    expect(res.body).toEqual({ status: 'received', late: true });
  });

  it('the leave route does not take transfer_out: it goes through the letter', async () => {
    const m = await created();
    const res = await c().post(`/api/members/${m}/leave`, { reason: 'transfer_out', leftOn: today() });
    expect(fieldOf(res)).toEqual([400, 'reason']);
  });

  it('an unknown transfer is 404', async () => {
    expect((await c().post('/api/member-transfers/999999/receive', { receivedOn: today() })).status).toBe(404);
  });
});

describe('transfer in', () => {
  const letterIn = (more: Record<string, unknown> = {}) =>
    c().post('/api/member-transfers', {
      ...memberBody(org.id),
      counterpart: '外省某党委',
      letterNo: 'A-7',
      issuedOn: addDays(today(), -20),
      receivedOn: addDays(today(), -5),
      ...more,
    });

  it('records the member in the receiving org with the transfer, received', async () => {
    const idNumber = newIdNumber();
    const res = await letterIn({ idNumber, name: '转入党员' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.late).toBe(false);
    const detail = await c().get(`/api/members/${res.body.memberId}`);
    expect(detail.body.member).toMatchObject({ name: '转入党员', orgId: org.id, leftOn: null });
    expect(detail.body.transfers).toEqual([
      expect.objectContaining({
        id: res.body.transferId,
        direction: 'in',
        counterpart: '外省某党委',
        status: 'received',
        receivedOn: addDays(today(), -5),
      }),
    ]);
  });

  it('a member who transferred out of one org of the system can transfer into another', async () => {
    const idNumber = newIdNumber();
    const m = await created({ idNumber });
    const letter = await letterOut(m, addDays(today(), -10));
    await c().post(`/api/member-transfers/${letter.body.id}/receive`, { receivedOn: addDays(today(), -8) });
    const other = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    const back = await c().post('/api/member-transfers', {
      ...memberBody(other.id, { idNumber }),
      counterpart: '原党支部',
      issuedOn: addDays(today(), -10),
      receivedOn: addDays(today(), -8),
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect((await c().get(`/api/members/${back.body.memberId}`)).body.member).toMatchObject({
      orgId: other.id,
      leftOn: null,
    });
  });

  it('applies every member rule; a duplicate is 409 and leaves no transfer behind', async () => {
    const idNumber = newIdNumber();
    await created({ idNumber });
    const count = () => fx.rows(sql`select count(*)::int as n from member_transfers`);
    const before = await count();
    const dup = await letterIn({ idNumber });
    expect(dup.status).toBe(409);
    expect(await count()).toEqual(before);
    expect(fieldOf(await letterIn({ idNumber: '123' }))).toEqual([400, 'idNumber']);
    expect(fieldOf(await letterIn({ relationOrgName: '别处' }))).toEqual([400, 'relationOrgName']);
    expect(fieldOf(await letterIn({ receivedOn: addDays(today(), -30) }))).toEqual([400, 'receivedOn']);
    expect(await count()).toEqual(before);
  });
});

describe('mobile members (流动党员): both sides of one org', () => {
  it('lists its own members working elsewhere (流出) and members working here whose relation is elsewhere (流入)', async () => {
    const here = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    const there = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    const mk = async (orgId: number, more: Record<string, unknown>) => {
      const res = await c().post('/api/members', memberBody(orgId, more));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.id as number;
    };
    const away = async (id: number, more: Record<string, unknown>) =>
      expect((await c().put(`/api/members/${id}/away`, awayBody(more))).status).toBe(200);
    const outflow = await mk(here.id, {});
    await away(outflow, { workOrgId: there.id });
    // Away 1 month: not yet a mobile member, but listed as 流出 already.
    const outflowAway = await mk(here.id, {});
    await away(outflowAway, { since: addMonths(today(), -1) });
    const inflow = await mk(there.id, {});
    await away(inflow, { workOrgId: here.id });
    const unconfirmed = await mk(here.id, { relationOrgName: '外省某党支部' });
    await mk(here.id, {});
    const res = await c().get(`/api/members?view=mobile&orgId=${here.id}&sort=name`);
    const sides = Object.fromEntries(res.body.items.map((m: { id: number; sideLabel: string }) => [m.id, m.sideLabel]));
    expect(sides).toEqual({ [outflow]: '流出', [outflowAway]: '流出', [inflow]: '流入', [unconfirmed]: '流入' });
    const other = await c().get(`/api/members?view=mobile&orgId=${there.id}`);
    expect(other.body.items.map((m: { id: number; side: string }) => [m.id, m.side])).toEqual([
      [inflow, 'out'],
      [outflow, 'in'],
    ]);
    const only = async (q: string) =>
      (await c().get(`/api/members?view=mobile&orgId=${here.id}&${q}`)).body.items.map((m: { id: number }) => m.id);
    expect(await only('side=out&sort=name')).toEqual([outflow, outflowAway]);
    expect((await only('side=in')).sort()).toEqual([inflow, unconfirmed].sort());
    expect(await only('side=out&mobile=true')).toEqual([outflow]);
    const noOrg = await c().get('/api/members?view=mobile');
    expect(fieldOf(noOrg)).toEqual([400, 'orgId']);
  });
});

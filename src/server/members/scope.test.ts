import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { type Call, expectEachNotFound, expectUnchanged } from '../testing/snapshot.ts';
import { awayBody, lastValidIssueDate, memberBody, newIdNumber, newPhone, today } from './members.testing.ts';

const fx = await fileFixture();

const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
const wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
const leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
const enterpriseA = await makeEnterprise(fx.database);
const orgA = await makeOrg(fx.database, [enterpriseA.id]);
const orgB = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);

async function createAs(client: Logged, orgId: number, more: Record<string, unknown> = {}) {
  const res = await client.client.post('/api/members', memberBody(orgId, more));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

/** Every row of the member tables and the ledger, to prove a refused request changed none. */
const memberState = () =>
  fx.rows(sql`select (select jsonb_agg(to_jsonb(m) order by id) from members m) as members,
                     (select jsonb_agg(to_jsonb(t) order by id) from member_transfers t) as transfers,
                     (select jsonb_agg(to_jsonb(e) order by id) from enterprises e) as enterprises,
                     (select count(*) from enterprise_history) as history`);

describe('a committee of another city (420100) gets 404 for a 420502 member on every route', () => {
  it('and nothing changes but the denied audit row', async () => {
    const id = await createAs(committee, orgA.id, { employerId: enterpriseA.id });
    const out = await committee.client.post(`/api/members/${id}/transfers`, {
      counterpart: '某省某党支部',
      issuedOn: lastValidIssueDate(),
    });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    const calls: Call[] = [
      ['GET', `/api/members/${id}`, undefined],
      ['PATCH', `/api/members/${id}`, { name: '越权' }],
      ['GET', `/api/members/${id}/card`, undefined],
      ['POST', `/api/members/${id}/leave`, { reason: 'death', leftOn: today() }],
      ['POST', `/api/members/${id}/reveal`, {}],
      ['POST', `/api/members/${id}/transfers`, { counterpart: '越权', issuedOn: today() }],
      ['POST', `/api/member-transfers/${out.body.id}/receive`, { receivedOn: today() }],
      ['PUT', `/api/members/${id}/away`, awayBody()],
      ['POST', `/api/members/${id}/away/end`, { returnedOn: today() }],
    ];
    await expectEachNotFound(fx.database.db, wuhan, calls, memberState);
    // Creating into an org, or receiving a member into one, of another city: the org is not found.
    const letter = { counterpart: '某党支部', issuedOn: today(), receivedOn: today() };
    for (const [path, extra] of [
      ['/api/members', {}],
      ['/api/member-transfers', letter],
    ] as const) {
      const before = await memberState();
      await expectUnchanged(fx.database.db, [wuhan.user.id], async () => {
        const res = await wuhan.client.post(path, { ...memberBody(orgA.id), ...extra });
        expect([res.status, res.body.error.details[0].field]).toEqual([400, 'orgId']);
      });
      expect(await memberState()).toEqual(before);
    }
    const list = await wuhan.client.get('/api/members?roster=all');
    expect(list.body.items.map((m: { id: number }) => m.id)).not.toContain(id);
    const transfers = await wuhan.client.get('/api/member-transfers?status=all');
    expect(transfers.body.total).toBe(0);
    const mobile = await wuhan.client.get(`/api/members?view=mobile&orgId=${orgA.id}`);
    expect(mobile.body.items).toEqual([]);
  });

  it('the refusal names the member in the audit trail', async () => {
    const id = await createAs(committee, orgA.id);
    const audit = await expectUnchanged(fx.database.db, [wuhan.user.id], () => wuhan.client.get(`/api/members/${id}`));
    expect(audit[0]).toMatchObject({ action: 'member.read', entity: 'member', entityId: String(id) });
  });
});

describe('secretaries', () => {
  it('a secretary of org A sees and records A’s members only', async () => {
    const a = await createAs(committee, orgA.id);
    const b = await createAs(committee, orgB.id);
    const secretaryA = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgA.id });
    expect((await secretaryA.client.get(`/api/members/${a}`)).status).toBe(200);
    expect((await secretaryA.client.get(`/api/members/${b}`)).status).toBe(404);
    expect((await secretaryA.client.get(`/api/members/${b}/card`)).status).toBe(404);
    expect((await secretaryA.client.patch(`/api/members/${b}`, { position: '越权' })).status).toBe(404);
    const list = await secretaryA.client.get('/api/members?pageSize=200');
    const orgs = new Set(list.body.items.map((m: { orgId: number }) => m.orgId));
    expect([...orgs]).toEqual([orgA.id]);
    expect(list.body.items.map((m: { id: number }) => m.id)).not.toContain(b);

    const mine = await createAs(secretaryA, orgA.id, { employerId: enterpriseA.id });
    expect(mine).toBeGreaterThan(0);
    const other = await secretaryA.client.post('/api/members', memberBody(orgB.id));
    expect([other.status, other.body.error.details[0].field]).toEqual([400, 'orgId']);
    const reveal = await secretaryA.client.post(`/api/members/${mine}/reveal`);
    expect(reveal.status).toBe(200);
  });

  it('a secretary sees a mobile member working in their org, labelled 流入, but cannot change or reveal them', async () => {
    const mobile = await createAs(committee, orgA.id, { name: '流动党员' });
    const away = await committee.client.put(`/api/members/${mobile}/away`, awayBody({ workOrgId: orgB.id }));
    expect(away.status).toBe(200);
    const secretaryB = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgB.id });
    const detail = await secretaryB.client.get(`/api/members/${mobile}`);
    expect(detail.status).toBe(200);
    expect(detail.body.writable).toBe(false);
    expect(detail.body.member.orgName).toBeNull();
    expect(detail.body.member.workOrgName).not.toBeNull();
    const view = await secretaryB.client.get('/api/members?view=mobile');
    expect(view.body.items).toEqual([expect.objectContaining({ id: mobile, side: 'in', sideLabel: '流入' })]);
    const before = await memberState();
    for (const [method, path, body] of [
      ['PATCH', `/api/members/${mobile}`, { position: '改' }],
      ['POST', `/api/members/${mobile}/reveal`, {}],
      ['POST', `/api/members/${mobile}/leave`, { reason: 'lapse', leftOn: today() }],
      ['POST', `/api/members/${mobile}/transfers`, { counterpart: '某地', issuedOn: today() }],
      ['PUT', `/api/members/${mobile}/away`, awayBody({ place: '改' })],
      ['POST', `/api/members/${mobile}/away/end`, { returnedOn: today() }],
    ] as const) {
      const res = await secretaryB.client.request(method, path, body);
      expect([res.status, path]).toEqual([403, path]);
    }
    expect(await memberState()).toEqual(before);

    const secretaryA = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgA.id });
    const outflow = await secretaryA.client.get('/api/members?view=mobile');
    expect(outflow.body.items).toContainEqual(expect.objectContaining({ id: mobile, side: 'out', sideLabel: '流出' }));
  });
});

describe('leaders read, never write', () => {
  it('403 on every write, reads succeed', async () => {
    const id = await createAs(committee, orgA.id);
    expect((await leader.client.get(`/api/members/${id}`)).status).toBe(200);
    expect((await leader.client.get(`/api/members/${id}/card`)).status).toBe(200);
    expect((await leader.client.get('/api/members')).status).toBe(200);
    expect((await leader.client.get('/api/member-transfers')).status).toBe(200);
    const before = await memberState();
    for (const [method, path, body] of [
      ['POST', '/api/members', memberBody(orgA.id)],
      ['PATCH', `/api/members/${id}`, { name: '改' }],
      ['POST', `/api/members/${id}/leave`, { reason: 'death', leftOn: today() }],
      ['POST', `/api/members/${id}/reveal`, {}],
      ['POST', `/api/members/${id}/transfers`, { counterpart: '某地', issuedOn: today() }],
      [
        'POST',
        '/api/member-transfers',
        { ...memberBody(orgA.id), counterpart: 'x', issuedOn: today(), receivedOn: today() },
      ],
      ['POST', '/api/member-transfers/1/receive', { receivedOn: today() }],
    ] as const) {
      const audit = await expectUnchanged(fx.database.db, [leader.user.id], async () => {
        const res = await leader.client.request(method, path, body);
        expect([res.status, res.body.error.code, path]).toEqual([403, 'forbidden', path]);
      });
      expect(audit.map((a) => a.result)).toEqual(['denied']);
    }
    expect(await memberState()).toEqual(before);
  });
});

describe('reveal', () => {
  it('returns the full numbers only with member.reveal, and audits each showing without the values', async () => {
    const idNumber = newIdNumber();
    const phone = newPhone();
    const id = await createAs(committee, orgA.id, { idNumber, phone });
    const audit = await expectUnchanged(fx.database.db, [committee.user.id], async () => {
      const res = await committee.client.post(`/api/members/${id}/reveal`);
      // The birth date is masked beside a masked number (issue #12), so the reveal shows it too.
      const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
      expect(res.body).toEqual({ idNumber, phone, birthDate });
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'member.reveal',
      entity: 'member',
      entityId: String(id),
      result: 'success',
      actorId: committee.user.id,
    });
    expect(JSON.stringify(audit[0].diff)).not.toContain(idNumber.slice(0, 17));
    expect(JSON.stringify(audit[0].diff)).not.toContain(phone);

    const refused = await leader.client.post(`/api/members/${id}/reveal`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(phone);
    // Nothing else returns them: detail, card, list.
    for (const path of [`/api/members/${id}`, `/api/members/${id}/card`, `/api/members?orgId=${orgA.id}`]) {
      const text = JSON.stringify((await committee.client.get(path)).body);
      expect(text).not.toContain(idNumber.slice(0, 17));
      expect(text).not.toContain(phone);
    }
  });
});

/**
 * The membership oracle closed (issue #12, defect 10): recording a number that a member
 * outside the actor's scope holds tells the actor nothing about that member — the answer is
 * the same whoever and wherever the holder is — and passes the request to the holder's side.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';
import { REFERRED_MESSAGE } from './checks.ts';
import { memberBody, newIdNumber, today } from './members.testing.ts';

const fx = await fileFixture();

let yichang: { client: TestClient; id: number };
let wuhan: TestClient;
let beijing: TestClient;
let yichangOrg: { id: number };
let wuhanOrg: { id: number };
let beijingOrg: { id: number };

const orgIn = async (regionCode: string) =>
  makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode })).id], { regionCode });

beforeAll(async () => {
  const y = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  yichang = { client: y.client, id: y.user.id };
  wuhan = (await fx.clientAs({ roles: ['committee'], regionCode: '420100' })).client;
  beijing = (await fx.clientAs({ roles: ['committee'], regionCode: '110000' })).client;
  yichangOrg = await orgIn('420502');
  wuhanOrg = await orgIn('420102');
  beijingOrg = await orgIn('110101');
});

const count = async (table: 'members' | 'member_transfers' | 'member_referrals') =>
  Number((await fx.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n);

describe('a number registered where the actor cannot see', () => {
  it('is answered the same whoever holds it, names nothing, records nothing here, and reaches the holder', async () => {
    const held = async (holder: TestClient, orgId: number, name: string) => {
      const idNumber = newIdNumber();
      const res = await holder.post('/api/members', memberBody(orgId, { idNumber, name }));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return idNumber;
    };
    const inWuhan = await held(wuhan, wuhanOrg.id, '王五');
    const inBeijing = await held(beijing, beijingOrg.id, '赵六');

    const before = await count('members');
    const a = await yichang.client.post('/api/members', memberBody(yichangOrg.id, { idNumber: inWuhan }));
    const b = await yichang.client.post('/api/members', memberBody(yichangOrg.id, { idNumber: inBeijing }));
    expect(await count('members')).toBe(before);
    for (const res of [a, b]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: null, referred: true, message: REFERRED_MESSAGE });
      expect(JSON.stringify(res.body)).not.toMatch(/王五|赵六|武汉|北京|420102|110101|管辖|范围|其他党组织/);
    }

    // The holder sees who asked, from which org; the asker sees no referral at all.
    const seen = await wuhan.get('/api/member-referrals');
    expect(seen.body).toMatchObject([{ memberName: '王五', requestedByName: expect.stringMatching(/committee/) }]);
    expect(seen.body[0].fromOrgName).toEqual(expect.any(String));
    expect((await yichang.client.get('/api/member-referrals')).body).toEqual([]);
    expect((await beijing.get('/api/member-referrals')).body).toMatchObject([{ memberName: '赵六' }]);

    // Asking again keeps one open referral.
    const referrals = await count('member_referrals');
    await yichang.client.post('/api/members', memberBody(yichangOrg.id, { idNumber: inWuhan }));
    expect(await count('member_referrals')).toBe(referrals);

    // Only the holder closes it: the asker and a stranger get 404 and nothing changes.
    const id = seen.body[0].id;
    for (const outsider of [yichang.client, beijing]) {
      await expectUnchanged(fx.database.db, [], async () => {
        expect((await outsider.post(`/api/member-referrals/${id}/close`)).status).toBe(404);
      });
    }
    expect((await wuhan.post(`/api/member-referrals/${id}/close`)).status).toBe(200);
    expect((await wuhan.get('/api/member-referrals')).body).toEqual([]);
  });

  it('a transfer in of a held number is passed on too, with no transfer recorded', async () => {
    const idNumber = newIdNumber();
    expect((await wuhan.post('/api/members', memberBody(wuhanOrg.id, { idNumber, name: '孙七' }))).status).toBe(200);
    const transfers = await count('member_transfers');
    const res = await yichang.client.post('/api/member-transfers', {
      ...memberBody(yichangOrg.id, { idNumber }),
      counterpart: '武汉市某党支部',
      issuedOn: addDays(today(), -5),
      receivedOn: today(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ memberId: null, transferId: null, referred: true, message: REFERRED_MESSAGE });
    expect(JSON.stringify(res.body)).not.toContain('孙七');
    expect(await count('member_transfers')).toBe(transfers);
    expect((await wuhan.get('/api/member-referrals')).body).toMatchObject([{ memberName: '孙七' }]);
  });

  it('a number held in the actor’s own scope is still named: they may see that member', async () => {
    const idNumber = newIdNumber();
    expect(
      (await yichang.client.post('/api/members', memberBody(yichangOrg.id, { idNumber, name: '周八' }))).status,
    ).toBe(200);
    const again = await yichang.client.post('/api/members', memberBody(yichangOrg.id, { idNumber }));
    expect([again.status, again.body.error.code]).toEqual([409, 'duplicate']);
    expect(again.body.error.message).toContain('周八');
  });
});

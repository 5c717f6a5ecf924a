/**
 * The required privacy test: through a whole member workflow — including refusals and
 * error responses — no response body and no line written to stdout, stderr or the console
 * contains a full ID number (nor its first 17 digits) or a full phone number used in the
 * test, nor a birth date beside a masked number, except the answer to a reveal by an actor
 * holding member.reveal. Neither does the
 * audit trail, the enterprise history, or the member rows' stored columns.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { awayBody, memberBody, newIdNumber, newPhone, today } from './members.testing.ts';

const fx = await fileFixture();

const committee = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
const leader = (await fx.clientAs({ roles: ['leader'], regionCode: '420500' })).client;
const employer = await makeEnterprise(fx.database);
const org = await makeOrg(fx.database, [employer.id]);
const other = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);

/** Every number the workflow uses, valid or not. */
const secrets: string[] = [];
const id = (opts?: Parameters<typeof newIdNumber>[0]) => {
  const v = newIdNumber(opts);
  secrets.push(v);
  return v;
};
const phone = () => {
  const v = newPhone();
  secrets.push(v);
  return v;
};
/** What must not appear: each number, an ID's first 17 digits, and a lower-case x variant. */
const needles = () =>
  secrets.flatMap((s) => (s.length === 18 ? [s, s.slice(0, 17), s.toLowerCase()] : [s, s.replace(/ /g, '')]));

describe('no full ID or phone number leaves the server outside a reveal', () => {
  it('over a whole workflow: responses, stdout, stderr, console, audit trail, history', async () => {
    const written: string[] = [];
    const record = (...args: unknown[]) => {
      written.push(
        args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.stack}` : JSON.stringify(a))).join(' '),
      );
    };
    const sink = (chunk: unknown) => {
      record(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(sink),
      vi.spyOn(process.stderr, 'write').mockImplementation(sink),
      ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
        vi.spyOn(console, m).mockImplementation(record),
      ),
    ];
    const responses: { what: string; body: unknown; allowed?: boolean }[] = [];
    const call = async (client: TestClient, what: string, method: string, path: string, body?: unknown) => {
      const res = await client.request(method, path, body);
      responses.push({ what, body: res.body });
      return res;
    };

    try {
      console.log('capture probe');
      const idA = id({ sex: 'female' });
      const phoneA = phone();
      // Create, and the refusals of creation.
      const a = await call(
        committee,
        'create',
        'POST',
        '/api/members',
        memberBody(org.id, { idNumber: idA, phone: phoneA, employerId: employer.id }),
      );
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      const memberA = a.body.id;
      expect(
        (await call(committee, 'duplicate', 'POST', '/api/members', memberBody(org.id, { idNumber: idA }))).status,
      ).toBe(409);
      expect(
        (
          await call(
            committee,
            'duplicate lower-case',
            'POST',
            '/api/members',
            memberBody(org.id, { idNumber: idA.toLowerCase() }),
          )
        ).status,
      ).toBe(409);
      const good = id();
      const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      secrets.push(badCheck);
      expect(
        (await call(committee, 'bad check digit', 'POST', '/api/members', memberBody(org.id, { idNumber: badCheck })))
          .status,
      ).toBe(400);
      expect(
        (
          await call(
            committee,
            'wrong sex',
            'POST',
            '/api/members',
            memberBody(org.id, { idNumber: id({ sex: 'male' }), sex: 'female' }),
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await call(
            committee,
            'too young',
            'POST',
            '/api/members',
            memberBody(org.id, {
              idNumber: id({ birthDate: '2010-01-01' }),
              joinedOn: '2020-01-01',
              fullOn: '2021-01-01',
            }),
          )
        ).status,
      ).toBe(400);
      const phoneBad = phone();
      expect(
        (await call(committee, 'bad phone', 'POST', '/api/members', memberBody(org.id, { phone: `${phoneBad}转8` })))
          .status,
      ).toBe(400);
      expect(
        (
          await call(
            committee,
            'phone too long',
            'POST',
            '/api/members',
            memberBody(org.id, { phone: `${phoneBad}${phoneBad}` }),
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await call(
            committee,
            'id not a string',
            'POST',
            '/api/members',
            memberBody(org.id, { idNumber: Number(good.slice(0, 17)) }),
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await call(
            leader,
            'leader create',
            'POST',
            '/api/members',
            memberBody(org.id, { idNumber: id(), phone: phone() }),
          )
        ).status,
      ).toBe(403);

      // Reads.
      await call(committee, 'list', 'GET', `/api/members?orgId=${org.id}`);
      await call(committee, 'list by name', 'GET', `/api/members?q=${encodeURIComponent('张')}&sort=name`);
      await call(committee, 'detail', 'GET', `/api/members/${memberA}`);
      await call(committee, 'card', 'GET', `/api/members/${memberA}/card`);
      await call(leader, 'leader detail', 'GET', `/api/members/${memberA}`);

      // A mobile member, and the mobile view.
      const idMobile = id();
      const mobile = await call(
        committee,
        'create mobile',
        'POST',
        '/api/members',
        memberBody(org.id, { idNumber: idMobile, phone: phone() }),
      );
      expect(mobile.status).toBe(200);
      const away = await call(
        committee,
        'record away',
        'PUT',
        `/api/members/${mobile.body.id}/away`,
        awayBody({ workOrgId: other.id }),
      );
      expect(away.status).toBe(200);
      await call(committee, 'mobile view', 'GET', `/api/members?view=mobile&orgId=${other.id}`);

      // Updates: a new phone, a corrected ID number, refusals.
      const phoneB = phone();
      expect(
        (await call(committee, 'update phone', 'PATCH', `/api/members/${memberA}`, { phone: phoneB, position: '主管' }))
          .status,
      ).toBe(200);
      const idB = id({ sex: 'female', birthDate: '1991-01-01' });
      expect((await call(committee, 'correct id', 'PATCH', `/api/members/${memberA}`, { idNumber: idB })).status).toBe(
        200,
      );
      expect(
        (await call(committee, 'update bad phone', 'PATCH', `/api/members/${memberA}`, { phone: `${phone()}#` }))
          .status,
      ).toBe(400);
      expect(
        (await call(committee, 'update to duplicate', 'PATCH', `/api/members/${memberA}`, { idNumber: idMobile }))
          .status,
      ).toBe(409);
      await call(committee, 'detail after update', 'GET', `/api/members/${memberA}`);

      // Reveal: refused without the permission, allowed (and only there) with it.
      expect((await call(leader, 'leader reveal', 'POST', `/api/members/${memberA}/reveal`, {})).status).toBe(403);
      const reveal = await committee.request('POST', `/api/members/${memberA}/reveal`, {});
      expect(reveal.body).toEqual({ idNumber: idB, phone: phoneB, birthDate: '1991-01-01' });
      responses.push({ what: 'reveal', body: reveal.body, allowed: true });

      // Transfers out and in.
      const out = await call(committee, 'transfer out', 'POST', `/api/members/${memberA}/transfers`, {
        counterpart: '某市某党支部',
        issuedOn: addDays(today(), -3),
      });
      expect(out.status).toBe(200);
      await call(committee, 'transfer list', 'GET', `/api/member-transfers?orgId=${org.id}&status=all`);
      expect(
        (
          await call(committee, 'receive', 'POST', `/api/member-transfers/${out.body.id}/receive`, {
            receivedOn: today(),
          })
        ).status,
      ).toBe(200);
      const inId = id();
      const inPhone = phone();
      const transferIn = await call(committee, 'transfer in', 'POST', '/api/member-transfers', {
        ...memberBody(org.id, { idNumber: inId, phone: inPhone }),
        counterpart: '外省某党委',
        issuedOn: addDays(today(), -10),
        receivedOn: today(),
      });
      expect(transferIn.status, JSON.stringify(transferIn.body)).toBe(200);
      expect(
        (
          await call(committee, 'transfer in duplicate', 'POST', '/api/member-transfers', {
            ...memberBody(org.id, { idNumber: inId, phone: inPhone }),
            counterpart: '外省某党委',
            issuedOn: addDays(today(), -10),
            receivedOn: today(),
          })
        ).status,
      ).toBe(409);

      // Leaving, and the history that stays.
      const leaving = transferIn.body.memberId;
      expect(
        (await call(committee, 'leave', 'POST', `/api/members/${leaving}/leave`, { reason: 'death', leftOn: today() }))
          .status,
      ).toBe(200);
      await call(committee, 'left list', 'GET', `/api/members?roster=all&orgId=${org.id}`);
      await call(committee, 'left detail', 'GET', `/api/members/${leaving}`);
      await call(committee, 'left card', 'GET', `/api/members/${leaving}/card`);
      await call(committee, 'not found', 'GET', '/api/members/999999');
    } finally {
      for (const s of spies) s.mockRestore();
    }

    const stored = await fx.rows<{ audit: string; history: string; members: string }>(sql`
      select (select string_agg(coalesce(diff::text, ''), ' ') from audit_log) as audit,
             (select string_agg(coalesce(before::text, '') || ' ' || coalesce(after::text, ''), ' ') from enterprise_history) as history,
             (select string_agg(to_jsonb(m)::text, ' ') from members m) as members`);
    const places = [
      ...responses
        .filter((r) => !r.allowed)
        .map((r) => ({ where: `response: ${r.what}`, text: JSON.stringify(r.body) })),
      ...written.map((text, i) => ({ where: `output line ${i}`, text })),
      { where: 'audit trail', text: stored[0].audit },
      { where: 'enterprise history', text: stored[0].history },
      { where: 'members table', text: stored[0].members },
    ];
    expect(responses.length).toBeGreaterThan(25);
    expect(secrets.length).toBeGreaterThan(10);
    // The search finds what it looks for: the capture works, and the allowed reveal holds the numbers.
    expect(written.some((w) => w.includes('capture probe'))).toBe(true);
    const revealed = JSON.stringify(responses.find((r) => r.allowed)?.body);
    expect(needles().filter((n) => revealed.includes(n)).length).toBeGreaterThanOrEqual(3);
    const leaks = places.flatMap((p) =>
      needles()
        .filter((n) => p.text.includes(n))
        .map((n) => `${p.where}: ${n}`),
    );
    expect(leaks).toEqual([]);
    // Nor the birth date beside a masked number: it would give back the number's middle digits.
    const births = secrets
      .filter((s) => s.length === 18)
      .map((s) => `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`);
    expect(revealed).toContain(births[births.indexOf('1991-01-01')]);
    const birthLeaks = places
      .filter((p) => p.where !== 'members table')
      .flatMap((p) => births.filter((b) => p.text.includes(b)).map((b) => `${p.where}: ${b}`));
    expect(birthLeaks).toEqual([]);
    // The masked forms are what was shown.
    expect(JSON.stringify(responses.find((r) => r.what === 'card')?.body)).toMatch(/"idNumber":"\d{3}\*{11}[\dX]{4}"/);
  });
});

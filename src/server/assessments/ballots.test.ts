import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import { type Logged, signInUsers } from '../regions/regionUsers.testing.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { transactionsDuring } from '../testing/transactions.ts';
import { areaCounts, assign, from, holder, makeInstructor, period, today } from './assessments.testing.ts';

const fx = await fileFixture();
const expiresOn = addDays(today, 14);

let committee: Logged, wuhan: Logged;
beforeAll(async () => {
  ({ committee, wuhan } = await signInUsers(fx));
});

/** An enterprise with two instructors this half year, one whose assignment ended before it, and 3 members. */
async function setting() {
  const e = await makeEnterprise(fx.database, { memberCount: 3, fullMemberCount: 3 });
  const a = await makeInstructor(fx.database, { name: '张指导' });
  const b = await makeInstructor(fx.database, { name: '李指导', department: '人社局' });
  const gone = await makeInstructor(fx.database, { name: '已调离' });
  await assign(fx.database, a.id, e.id, addDays(from, -200));
  await assign(fx.database, b.id, e.id, addDays(from, 10), addDays(from, 20));
  await assign(fx.database, gone.id, e.id, addDays(from, -300), from);
  return { e, a, b, gone };
}

async function issue(enterpriseId: number, appraiser: string, count = 1) {
  const res = await committee.client.post('/api/assessments/ballots', {
    period,
    enterpriseId,
    appraiser,
    count,
    expiresOn,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.links.map((l: { token: string }) => l.token) as string[];
}

describe('issuing ballots', () => {
  it('gives each link once, keeps only its hash, and audits the issue without tokens', async () => {
    const { e } = await setting();
    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.client.post('/api/assessments/ballots', {
      period,
      enterpriseId: e.id,
      appraiser: 'member',
      count: 2,
      expiresOn,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tokens = res.body.links.map((l: { token: string }) => l.token);
    expect(tokens).toHaveLength(2);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.links[0].path).toBe(`/ballot#${tokens[0]}`);
    const stored = await fx.rows<{ token_hash: string }>(
      sql`select token_hash from one_time_links where enterprise_id = ${e.id} order by id`,
    );
    expect(stored.map((r) => r.token_hash)).toEqual(
      tokens.map((t: string) => createHash('sha256').update(t).digest('hex')),
    );
    const dump = JSON.stringify(await fx.rows(sql`select * from one_time_links`));
    for (const t of tokens) expect(dump).not.toContain(t);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['ballot.issue']);
    expect(JSON.stringify(audit)).not.toContain(tokens[0]);
    expect(audit[0].diff).toEqual({ period, appraiser: 'member', count: 2, expiresOn });
  });

  it.each([
    ['owner', 2, '业主票最多 1 张'],
    ['member', 4, '党员票最多 3 张'],
    ['secretary', 1, '没有党组织，无书记测评票'],
  ])('one ballot per appraiser: %s × %i is refused (%s)', async (appraiser, count, message) => {
    const { e } = await setting();
    const before = await areaCounts(fx.database);
    const res = await committee.client.post('/api/assessments/ballots', {
      period,
      enterpriseId: e.id,
      appraiser,
      count,
      expiresOn,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('the cap counts ballots already issued; a covered enterprise has one secretary ballot', async () => {
    const { e } = await setting();
    await makeOrg(fx.database, [e.id]);
    await issue(e.id, 'owner');
    await issue(e.id, 'secretary');
    const again = await committee.client.post('/api/assessments/ballots', {
      period,
      enterpriseId: e.id,
      appraiser: 'owner',
      count: 1,
      expiresOn,
    });
    expect(again.body.error.message).toContain('已发放 1 张');
  });

  it('an enterprise without an instructor this half year gets no ballots', async () => {
    const e = await makeEnterprise(fx.database);
    const res = await committee.client.post('/api/assessments/ballots', {
      period,
      enterpriseId: e.id,
      appraiser: 'owner',
      count: 1,
      expiresOn,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('没有选派指导员，无需民主测评');
  });

  it.each([
    [addDays(today, -1), '有效期至不能早于今天'],
    [addDays(today, 181), '有效期最长 180 天'],
  ])('expiry %s is refused', async (date, message) => {
    const { e } = await setting();
    const res = await committee.client.post('/api/assessments/ballots', {
      period,
      enterpriseId: e.id,
      appraiser: 'owner',
      count: 1,
      expiresOn: date,
    });
    expect(res.body.error.details[0]).toEqual({ field: 'expiresOn', message });
  });

  it('another region’s enterprise: 404, nothing written', async () => {
    const { e } = await setting();
    const before = await areaCounts(fx.database);
    const res = await wuhan.client.post('/api/assessments/ballots', {
      period,
      enterpriseId: e.id,
      appraiser: 'owner',
      count: 1,
      expiresOn,
    });
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    expect(await areaCounts(fx.database)).toEqual(before);
    const list = await wuhan.client.get(`/api/assessments/ballots?period=${period}`);
    expect(list.body.find((x: { enterpriseId: number }) => x.enterpriseId === e.id)).toBeUndefined();
  });

  it('the overview lists the enterprise, its instructors of the half year, limits, issued and used', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'owner');
    const visitor = await holder(fx);
    await visitor.post('/api/links/ballot', {
      token,
      scores: [
        { instructorId: a.id, score: 90 },
        { instructorId: b.id, score: 80 },
      ],
    });
    const res = await committee.client.get(`/api/assessments/ballots?period=${period}`);
    const row = res.body.find((x: { enterpriseId: number }) => x.enterpriseId === e.id);
    expect(row.instructors.map((i: { id: number }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(row.ballots).toEqual([
      { appraiser: 'owner', limit: 1, issued: 1, used: 1 },
      { appraiser: 'secretary', limit: 0, issued: 0, used: 0 },
      { appraiser: 'member', limit: 3, issued: 0, used: 0 },
    ]);
  });
});

describe('casting a ballot through its link', () => {
  it('lists the instructors assigned during the half year (not one who left before it)', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'member');
    const res = await (await holder(fx)).post('/api/links/ballot/open', { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      enterpriseName: e.name,
      period,
      appraiser: 'member',
      instructors: [
        { id: b.id, name: '李指导', department: '人社局' },
        { id: a.id, name: '张指导', department: '工信局' },
      ].sort((x, y) => (x.name < y.name ? -1 : 1)),
    });
  });

  it('answers a link in one transaction: finding its region and the work share it', async () => {
    const { e } = await setting();
    const [token] = await issue(e.id, 'member');
    const visitor = await holder(fx);
    let status = 0;
    const opened = await transactionsDuring(fx.database.db, async () => {
      status = (await visitor.post('/api/links/ballot/open', { token })).status;
    });
    expect([status, opened]).toEqual([200, 1]);
  });

  it('stores one score per instructor without the link, marks the link used, and audits anonymously', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'member');
    const seq = await lastAuditSeq(fx.database.db);
    const visitor = await holder(fx);
    const res = await visitor.post('/api/links/ballot', {
      token,
      scores: [
        { instructorId: a.id, score: 92.5 },
        { instructorId: b.id, score: 78 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const scores = await fx.rows(
      sql`select to_jsonb(s) - 'id' as j from appraisal_scores s where enterprise_id = ${e.id} order by instructor_id`,
    );
    expect(scores.map((r) => (r as { j: Record<string, unknown> }).j)).toEqual(
      [
        { period, instructor_id: a.id, enterprise_id: e.id, appraiser: 'member', score: 92.5, submitted_on: today },
        { period, instructor_id: b.id, enterprise_id: e.id, appraiser: 'member', score: 78, submitted_on: today },
      ].sort((x, y) => x.instructor_id - y.instructor_id),
    );
    // Used, and when: the day only, so links cannot be matched to scores by the order of use.
    const links = await fx.rows<{ usedAt: string }>(
      sql`select used_at::text as "usedAt" from one_time_links where enterprise_id = ${e.id}`,
    );
    const [{ midnight }] = await fx.rows<{ midnight: string }>(
      sql`select ${new Date(`${today}T00:00:00`).toISOString()}::timestamptz::text as midnight`,
    );
    expect(links).toEqual([{ usedAt: midnight }]);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'ballot.submit',
      actorId: null,
      actorName: 'one-time-link',
      ip: null,
      entity: 'enterprise',
      entityId: String(e.id),
      diff: { period, appraiser: 'member' },
    });
    expect(JSON.stringify(audit[0])).not.toMatch(/92\.5|token/);
  });

  it('a used link cannot be used twice: 409, nothing changes', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'owner');
    const body = {
      token,
      scores: [
        { instructorId: a.id, score: 90 },
        { instructorId: b.id, score: 90 },
      ],
    };
    expect((await (await holder(fx)).post('/api/links/ballot', body)).status).toBe(200);
    const before = await areaCounts(fx.database);
    const seq = await lastAuditSeq(fx.database.db);
    for (const [path, sent] of [
      ['/api/links/ballot', body],
      ['/api/links/ballot/open', { token: body.token }],
    ] as const) {
      const again = await (await holder(fx)).post(path, sent);
      expect([again.status, again.body.error.code, again.body.error.message]).toEqual([
        409,
        'link_used',
        '此链接已提交过，每个链接只能使用一次',
      ]);
    }
    expect(await areaCounts(fx.database)).toEqual(before);
    expect(await lastAuditSeq(fx.database.db)).toBe(seq);
  });

  it('two submissions racing with one link: one is counted, the other told the link was used', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'owner');
    const body = {
      token,
      scores: [
        { instructorId: a.id, score: 70 },
        { instructorId: b.id, score: 70 },
      ],
    };
    const [x, y] = await Promise.all([
      (await holder(fx)).post('/api/links/ballot', body),
      (await holder(fx)).post('/api/links/ballot', body),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const [{ n }] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from appraisal_scores where enterprise_id = ${e.id}`,
    );
    expect(n).toBe(2);
  });

  it('a ballot cannot be used for another enterprise’s instructors: refused, the link stays unused', async () => {
    const one = await setting();
    const other = await setting();
    const [token] = await issue(one.e.id, 'owner');
    const before = await areaCounts(fx.database);
    const res = await (await holder(fx)).post('/api/links/ballot', {
      token,
      scores: [
        { instructorId: one.a.id, score: 90 },
        { instructorId: one.b.id, score: 90 },
        { instructorId: other.a.id, score: 10 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('scores.2.instructorId');
    expect(res.body.error.message).toContain(`不是本票所列的指导员（本票只能评价${one.e.name}`);
    expect(await areaCounts(fx.database)).toEqual(before);
    // Still usable for its own enterprise.
    const ok = await (await holder(fx)).post('/api/links/ballot', {
      token,
      scores: [
        { instructorId: one.a.id, score: 90 },
        { instructorId: one.b.id, score: 90 },
      ],
    });
    expect(ok.status).toBe(200);
  });

  it.each([
    [
      'an instructor left unscored',
      (a: number, _b: number) => [{ instructorId: a, score: 90 }],
      'scores',
      '请为每位指导员评分：还缺',
    ],
    [
      'the same instructor twice',
      (a: number, b: number) => [
        { instructorId: a, score: 90 },
        { instructorId: a, score: 80 },
        { instructorId: b, score: 80 },
      ],
      'scores.1.instructorId',
      '同一指导员只能评分一次',
    ],
    [
      'a score over 100',
      (a: number, b: number) => [
        { instructorId: a, score: 101 },
        { instructorId: b, score: 80 },
      ],
      'scores.0.score',
      '分数须为 0–100，最多两位小数',
    ],
    [
      'the one who left before the half year',
      (a: number, b: number) => [
        { instructorId: a, score: 90 },
        { instructorId: b, score: 90 },
        { instructorId: 0, score: 1 },
      ],
      'scores.2.instructorId',
      '不是本票所列的指导员',
    ],
  ])('%s is refused; nothing written', async (_what, scores, field, message) => {
    const { e, a, b, gone } = await setting();
    const [token] = await issue(e.id, 'member');
    const before = await areaCounts(fx.database);
    const list = scores(a.id, b.id).map((s) => (s.instructorId === 0 ? { ...s, instructorId: gone.id } : s));
    const res = await (await holder(fx)).post('/api/links/ballot', { token, scores: list });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe(field);
    expect(res.body.error.message).toContain(message);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('an expired link: 403 with a clear message, nothing written', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'owner');
    await fx.rows(
      sql`update one_time_links set expires_at = now() - interval '1 minute' where enterprise_id = ${e.id}`,
    );
    const before = await areaCounts(fx.database);
    const res = await (await holder(fx)).post('/api/links/ballot', {
      token,
      scores: [
        { instructorId: a.id, score: 90 },
        { instructorId: b.id, score: 90 },
      ],
    });
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
      403,
      'link_expired',
      '链接已过期，请向发放单位索取新链接',
    ]);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it.each([
    ['an unknown token', 'x'.repeat(43), 404, 'link_invalid'],
    ['a truncated token', 'abc', 400, 'validation'],
  ])('%s is refused', async (_what, token, status, code) => {
    const before = await areaCounts(fx.database);
    const res = await (await holder(fx)).post('/api/links/ballot/open', { token });
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('an owner survey link does not open a ballot', async () => {
    const { e } = await setting();
    const s = await committee.client.post('/api/owner-surveys', { regionCode: '420502', period, title: '测评' });
    const links = await committee.client.post(`/api/owner-surveys/${s.body.id}/links`, {
      enterpriseIds: [e.id],
      expiresOn,
    });
    const res = await (await holder(fx)).post('/api/links/ballot/open', { token: links.body.links[0].token });
    expect([res.status, res.body.error.code]).toEqual([404, 'link_invalid']);
  });

  it('a lost link is replaced: the old token stops working, the new one works', async () => {
    const { e, a, b } = await setting();
    const [old] = await issue(e.id, 'member', 2);
    const res = await committee.client.post('/api/assessments/ballots/reissue', {
      period,
      enterpriseId: e.id,
      appraiser: 'member',
      expiresOn,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.links).toHaveLength(2);
    expect((await (await holder(fx)).post('/api/links/ballot/open', { token: old })).status).toBe(404);
    const fresh = await (await holder(fx)).post('/api/links/ballot', {
      token: res.body.links[0].token,
      scores: [
        { instructorId: a.id, score: 90 },
        { instructorId: b.id, score: 90 },
      ],
    });
    expect(fresh.status).toBe(200);
  });

  it('the democratic average in the results is the mean of the ballots', async () => {
    const { e, a, b } = await setting();
    const tokens = await issue(e.id, 'member', 3);
    for (const [k, score] of [80, 90, 95].entries()) {
      await (await holder(fx)).post('/api/links/ballot', {
        token: tokens[k],
        scores: [
          { instructorId: a.id, score },
          { instructorId: b.id, score: 60 },
        ],
      });
    }
    const res = await committee.client.get(`/api/assessments/results?period=${period}`);
    const row = res.body.rows.find((r: { instructorId: number }) => r.instructorId === a.id);
    expect([row.democratic, row.ballots]).toEqual([88.33, 3]);
  });
});

describe('the public routes', () => {
  it('need the CSRF token like every POST: without it 403, nothing written', async () => {
    const { e, a, b } = await setting();
    const [token] = await issue(e.id, 'owner');
    const before = await areaCounts(fx.database);
    const res = await fx.client().post(
      '/api/links/ballot',
      {
        token,
        scores: [
          { instructorId: a.id, score: 1 },
          { instructorId: b.id, score: 1 },
        ],
      },
      { csrf: false },
    );
    expect([res.status, res.body.error.code]).toEqual([403, 'csrf']);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('are rate limited per address: the 121st request in a minute is 429, another address is not held back', async () => {
    const visitor = await holder(fx);
    const statuses: number[] = [];
    for (let k = 0; k < 121; k++) {
      statuses.push((await visitor.post('/api/links/owner-survey/open', { token: 'y'.repeat(43) })).status);
    }
    expect(statuses.slice(0, 120).every((s) => s === 404)).toBe(true);
    expect(statuses[120]).toBe(429);
    expect((await (await holder(fx)).post('/api/links/owner-survey/open', { token: 'y'.repeat(43) })).status).toBe(404);
  });
});

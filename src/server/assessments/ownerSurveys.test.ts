import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import { type Logged, signInUsers } from '../regions/regionUsers.testing.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import { makeEnterprise } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { makeFixture } from '../testing/fixture.ts';
import { areaCounts, assign, from, holder, makeInstructor, period, today } from './assessments.testing.ts';

const fx = await fileFixture();
const expiresOn = addDays(today, 14);

let committee: Logged, leader: Logged, wuhan: Logged;
beforeAll(async () => {
  ({ committee, leader, wuhan } = await signInUsers(fx));
});

let regionSeq = 0;
const REGIONS = [
  '420502',
  '420503',
  '420504',
  '420505',
  '420506',
  '420525',
  '420526',
  '420527',
  '420528',
  '420529',
  '420581',
  '420582',
  '420583',
];

/** An owner survey of its own district with `n` enterprises that have an instructor this half year, and one that has none. */
async function ownerSurvey(n: number) {
  const regionCode = REGIONS[regionSeq++];
  const i = await makeInstructor(fx.database, { regionCode });
  const targets = [];
  for (let k = 0; k < n; k++) {
    const e = await makeEnterprise(fx.database, { regionCode });
    await assign(fx.database, i.id, e.id, from);
    targets.push(e);
  }
  const without = await makeEnterprise(fx.database, { regionCode });
  const res = await committee.client.post('/api/owner-surveys', { regionCode, period, title: '业主满意度测评' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: res.body.id as number, regionCode, targets, without };
}

async function issueAll(id: number) {
  const res = await committee.client.post(`/api/owner-surveys/${id}/links`, { enterpriseIds: null, expiresOn });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.links as { enterpriseId: number; token: string; path: string; reissued: boolean }[];
}

const answers = (satisfaction: string, effect = 'outstanding') => ({ effect, satisfaction, contact: 'weekly' });

describe('creating an owner survey', () => {
  it('one per region and period: a second is 409', async () => {
    const s = await ownerSurvey(0);
    const again = await committee.client.post('/api/owner-surveys', {
      regionCode: s.regionCode,
      period,
      title: '再来一份',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'duplicate']);
    expect(again.body.error.message).toContain('每个区划每期一份');
  });

  it.each([
    ['2026Q3', 'period', '问卷期为年度或半年度'],
    ['', 'period', '问卷期为年度或半年度'],
  ])('period %j is refused', async (p, field, message) => {
    const res = await committee.client.post('/api/owner-surveys', { regionCode: '420502', period: p, title: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field, message: expect.stringContaining(message) });
  });

  it('another region: 403, nothing written', async () => {
    const before = await areaCounts(fx.database);
    const res = await wuhan.client.post('/api/owner-surveys', { regionCode: '420502', period, title: '越权' });
    expect(res.status).toBe(403);
    expect(await areaCounts(fx.database)).toEqual(before);
  });
});

describe('links', () => {
  it('one per enterprise with an instructor this period, shown once; issuing is audited without tokens', async () => {
    const s = await ownerSurvey(2);
    const seq = await lastAuditSeq(fx.database.db);
    const links = await issueAll(s.id);
    expect(links.map((l) => l.enterpriseId).sort()).toEqual(s.targets.map((e) => e.id).sort());
    expect(links[0].path).toBe(`/owner-survey#${links[0].token}`);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['owner_survey.issue_links']);
    expect(JSON.stringify(audit)).not.toContain(links[0].token);
    const detail = await leader.client.get(`/api/owner-surveys/${s.id}`);
    expect(detail.body.enterprises.map((e: { status: string }) => e.status)).toEqual(['issued', 'issued']);
  });

  it('a city’s owner survey asks the enterprises of all its districts', async () => {
    const local = await makeFixture();
    try {
      const boss = await local.clientAs({ roles: ['committee'], regionCode: '420500' });
      const i = await makeInstructor(local.database, { regionCode: '420500' });
      const a = await makeEnterprise(local.database, { regionCode: '420502' });
      const b = await makeEnterprise(local.database, { regionCode: '420506' });
      const elsewhere = await makeEnterprise(local.database, { regionCode: '420102' });
      for (const e of [a, b, elsewhere]) await assign(local.database, i.id, e.id, from);
      const s = await boss.client.post('/api/owner-surveys', { regionCode: '420500', period, title: '全市' });
      const detail = await boss.client.get(`/api/owner-surveys/${s.body.id}`);
      expect(detail.body.enterprises.map((e: { id: number }) => e.id).sort()).toEqual([a.id, b.id].sort());
      // The owner of a district's enterprise answers the city’s owner survey through the link.
      const links = await boss.client.post(`/api/owner-surveys/${s.body.id}/links`, {
        enterpriseIds: [a.id],
        expiresOn,
      });
      const owner = local.client();
      await owner.get('/api/session');
      const opened = await owner.post('/api/links/owner-survey/open', { token: links.body.links[0].token });
      expect(opened.body).toEqual({ title: '全市', period, enterpriseName: a.name });
      const answered = await owner.post('/api/links/owner-survey', {
        token: links.body.links[0].token,
        answers: answers('satisfied'),
      });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      expect((await boss.client.get(`/api/owner-surveys/${s.body.id}`)).body.results.effective).toBe(1);
    } finally {
      await local.close();
    }
  });

  it('an enterprise without an instructor in the period is refused by name; nothing written', async () => {
    const s = await ownerSurvey(1);
    const before = await areaCounts(fx.database);
    const res = await committee.client.post(`/api/owner-surveys/${s.id}/links`, {
      enterpriseIds: [s.targets[0].id, s.without.id],
      expiresOn,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('enterpriseIds.1');
    expect(res.body.error.message).toContain(`企业编号 ${s.without.id} 不在本问卷范围内`);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('issuing again replaces unused links (the old ones stop working) and skips those answered', async () => {
    const s = await ownerSurvey(2);
    const first = await issueAll(s.id);
    const answered = first[0];
    expect(
      (
        await (
          await holder(fx)
        ).post('/api/links/owner-survey', { token: answered.token, answers: answers('satisfied') })
      ).status,
    ).toBe(200);
    const res = await committee.client.post(`/api/owner-surveys/${s.id}/links`, { enterpriseIds: null, expiresOn });
    expect(res.body.answered).toBe(1);
    expect(
      res.body.links.map((l: { enterpriseId: number; reissued: boolean }) => [l.enterpriseId, l.reissued]),
    ).toEqual([[first[1].enterpriseId, true]]);
    const old = await (await holder(fx)).post('/api/links/owner-survey/open', { token: first[1].token });
    expect([old.status, old.body.error.code]).toEqual([404, 'link_invalid']);
    const [{ n }] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from one_time_links where owner_survey_id = ${s.id}`,
    );
    expect(n).toBe(2);
  });
});

describe('answering through a link', () => {
  it('opens without an account, stores the one response, and the results count it', async () => {
    const s = await ownerSurvey(1);
    const [link] = await issueAll(s.id);
    const visitor = await holder(fx);
    const opened = await visitor.post('/api/links/owner-survey/open', { token: link.token });
    expect(opened.body).toEqual({ title: '业主满意度测评', period, enterpriseName: s.targets[0].name });
    const seq = await lastAuditSeq(fx.database.db);
    const res = await visitor.post('/api/links/owner-survey', {
      token: link.token,
      answers: { ...answers('very_satisfied'), suggestions: '多协调融资' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = await fx.rows<{ answers: unknown }>(
      sql`select answers from owner_survey_responses where owner_survey_id = ${s.id}`,
    );
    expect(stored).toEqual([{ answers: { ...answers('very_satisfied'), suggestions: '多协调融资' } }]);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'owner_survey.submit',
      actorId: null,
      ip: null,
      entityId: String(s.targets[0].id),
    });
    const detail = await leader.client.get(`/api/owner-surveys/${s.id}`);
    expect(detail.body.results).toMatchObject({
      issued: 1,
      responses: 1,
      effective: 1,
      satisfied: { count: 1, percent: 100 },
    });
    expect(detail.body.enterprises[0].status).toBe('answered');
  });

  it('the link cannot be used twice: 409, the first answers stay', async () => {
    const s = await ownerSurvey(1);
    const [link] = await issueAll(s.id);
    await (await holder(fx)).post('/api/links/owner-survey', { token: link.token, answers: answers('satisfied') });
    const before = await areaCounts(fx.database);
    const again = await (await holder(fx)).post('/api/links/owner-survey', {
      token: link.token,
      answers: answers('dissatisfied'),
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'link_used']);
    expect(await areaCounts(fx.database)).toEqual(before);
    const [row] = await fx.rows<{ answers: { satisfaction: string } }>(
      sql`select answers from owner_survey_responses where owner_survey_id = ${s.id}`,
    );
    expect(row.answers.satisfaction).toBe('satisfied');
  });

  it('a required question unanswered: 400 naming it, the link stays usable', async () => {
    const s = await ownerSurvey(1);
    const [link] = await issueAll(s.id);
    const before = await areaCounts(fx.database);
    const res = await (await holder(fx)).post('/api/links/owner-survey', {
      token: link.token,
      answers: { effect: 'good', contact: 'weekly' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'answers.satisfaction', message: '第 2 题（总体满意度）：必答题，请选择一项' },
    ]);
    expect(await areaCounts(fx.database)).toEqual(before);
    expect(
      (await (await holder(fx)).post('/api/links/owner-survey', { token: link.token, answers: answers('satisfied') }))
        .status,
    ).toBe(200);
  });

  it('an expired link and a closed owner survey are refused with clear messages', async () => {
    const s = await ownerSurvey(2);
    const [a, b] = await issueAll(s.id);
    await fx.rows(
      sql`update one_time_links set expires_at = now() - interval '1 second' where id = (select id from one_time_links where owner_survey_id = ${s.id} order by id limit 1)`,
    );
    const expired = await (await holder(fx)).post('/api/links/owner-survey/open', { token: a.token });
    expect([expired.status, expired.body.error.message]).toEqual([403, '链接已过期，请向发放单位索取新链接']);
    expect((await committee.client.post(`/api/owner-surveys/${s.id}/close`)).status).toBe(200);
    const before = await areaCounts(fx.database);
    const closed = await (await holder(fx)).post('/api/links/owner-survey', {
      token: b.token,
      answers: answers('satisfied'),
    });
    expect([closed.status, closed.body.error.code, closed.body.error.message]).toEqual([
      403,
      'owner_survey_closed',
      '本次问卷已结束，不再接收答卷',
    ]);
    expect(await areaCounts(fx.database)).toEqual(before);
    const more = await committee.client.post(`/api/owner-surveys/${s.id}/links`, { enterpriseIds: null, expiresOn });
    expect(more.status).toBe(409);
  });

  it('results match the responses: effective, satisfied and outstanding shares with counts', async () => {
    const s = await ownerSurvey(5);
    const links = await issueAll(s.id);
    const given = [
      answers('very_satisfied'),
      answers('satisfied', 'good'),
      answers('basically_satisfied', 'fair'),
      answers('dissatisfied', 'poor'),
    ];
    for (const [k, a] of given.entries()) {
      expect(
        (await (await holder(fx)).post('/api/links/owner-survey', { token: links[k].token, answers: a })).status,
      ).toBe(200);
    }
    const { body } = await leader.client.get(`/api/owner-surveys/${s.id}`);
    expect(body.results).toMatchObject({
      issued: 5,
      responses: 4,
      effective: 4,
      satisfied: { count: 3, percent: 75 },
      outstanding: { count: 2, percent: 50 },
    });
    const satisfaction = body.results.questions.find((q: { key: string }) => q.key === 'satisfaction');
    expect(satisfaction.choices.map((c: { count: number }) => c.count)).toEqual([1, 1, 1, 1]);
    const list = await leader.client.get('/api/owner-surveys');
    expect(list.body.find((x: { id: number }) => x.id === s.id)).toMatchObject({
      issued: 5,
      responses: 4,
      closed: false,
    });
  });
});

describe('scope', () => {
  it('another region’s committee: the owner survey is absent (404) and issuing changes nothing', async () => {
    const s = await ownerSurvey(1);
    const before = await areaCounts(fx.database);
    expect((await wuhan.client.get(`/api/owner-surveys/${s.id}`)).status).toBe(404);
    expect(
      (await wuhan.client.post(`/api/owner-surveys/${s.id}/links`, { enterpriseIds: null, expiresOn })).status,
    ).toBe(404);
    expect((await wuhan.client.post(`/api/owner-surveys/${s.id}/close`)).status).toBe(404);
    expect(
      (await wuhan.client.get('/api/owner-surveys')).body.find((x: { id: number }) => x.id === s.id),
    ).toBeUndefined();
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('a leader reads results but may not issue links', async () => {
    const s = await ownerSurvey(1);
    expect((await leader.client.get(`/api/owner-surveys/${s.id}`)).status).toBe(200);
    const res = await leader.client.post(`/api/owner-surveys/${s.id}/links`, { enterpriseIds: null, expiresOn });
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
  });
});

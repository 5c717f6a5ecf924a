// Appraisals (issue #15 item 6; rules.md §11): an org's yearly grade with 软弱涣散 and its
// rectification — deadline by default one year, configurable — kept on the lagging list and in
// the prompts until closed; a member's 民主评议 result, a 不合格 one owing a follow-up within 3
// months (configurable). Scope: out-of-region users get 404 and nothing changes.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectEachNotFound, expectInvalid } from '../testing/snapshot.ts';
import { followUpSection, rectificationSection } from './prompts.ts';

const fx = await fileFixture();
const { city, county, otherCounty } = await signInCountyCommittees(fx);

const today = localDateString(new Date());
const year = Number(today.slice(0, 4));
let org: number;
let otherOrg: number;
let member: number;
let secretary: Logged;
let otherSecretary: Logged;

const appraisal = (more: Record<string, unknown> = {}) => ({
  year,
  grade: 'lagging',
  weak: true,
  appraisedOn: addDays(today, -10),
  appraisingBody: '西陵区非公企业党工委',
  rectificationSteps: ['调整充实支部班子', '每月召开支委会'],
  ...more,
});

const orgRows = () => fx.rows(sql`select * from org_appraisals order by id`);
const memberRows = () => fx.rows(sql`select * from member_appraisals order by id`);
const promptsAt = (day: string) =>
  inScope(fx.database.db, localOperator(), async (tx) => ({
    rectification: await rectificationSection(tx, localOperator(), day, 100),
    followUp: await followUpSection(tx, localOperator(), day, 100),
  }));
const laggingCodes = async (date: string) => {
  const res = await city.client.get(`/api/reports/lagging/regions?region=420500&date=${date}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const child = res.body.children.find((c: { region: string }) => c.region === '420502');
  return child.reasons.map((r: { code: string }) => r.code) as string[];
};

beforeAll(async () => {
  org = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
  otherOrg = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
  const m = await county.client.post('/api/members', memberBody(org, { name: '周立新' }));
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  member = m.body.id;
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
  otherSecretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
});

describe('org appraisals and rectification', () => {
  let weakId: number;

  it('a weak org gets its plan with the default deadline of one year, audited, shown on the org', async () => {
    const res = await county.client.post(`/api/orgs/${org}/appraisals`, appraisal());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rectificationDueOn).toBe(addMonths(addDays(today, -10), 12));
    weakId = res.body.id;
    const [audit] = await fx.rows<{ action: string; diff: Record<string, unknown> }>(
      sql`select action, diff from audit_log where entity = 'org_appraisal' and entity_id = ${String(weakId)}`,
    );
    expect(audit).toMatchObject({ action: 'appraisal.org_create', diff: { weak: true, grade: 'lagging' } });
    const view = await secretary.client.get(`/api/orgs/${org}/appraisals`);
    expect(view.status).toBe(200);
    expect(view.body.orgAppraisals).toEqual([
      expect.objectContaining({
        year,
        weak: true,
        rectificationSteps: ['调整充实支部班子', '每月召开支委会'],
        rectifiedOn: null,
      }),
    ]);
  });

  it('is refused where the rule says no, naming the field, and nothing is written', async () => {
    const post = (body: Record<string, unknown>) => () => county.client.post(`/api/orgs/${otherOrg}/appraisals`, body);
    await expectInvalid(post(appraisal({ grade: 'ordinary' })), orgRows, 'grade', '软弱涣散党组织应定为“后进”');
    await expectInvalid(post(appraisal({ rectificationSteps: [' '] })), orgRows, 'rectificationSteps', '整顿措施');
    await expectInvalid(
      post(appraisal({ weak: false, grade: 'advanced' })),
      orgRows,
      'weak',
      '只有软弱涣散党组织才有整顿措施',
    );
    await expectInvalid(post(appraisal({ year: year + 1 })), orgRows, 'year', '晚于评定日期');
    await expectInvalid(post(appraisal({ appraisedOn: addDays(today, 1) })), orgRows, 'appraisedOn', '晚于今天');
    await expectInvalid(
      post(appraisal({ rectificationDueOn: addDays(today, -10) })),
      orgRows,
      'rectificationDueOn',
      '应晚于评定日期',
    );
    await expectInvalid(
      () => county.client.post(`/api/orgs/${org}/appraisals`, appraisal()),
      orgRows,
      'year',
      '已评定',
    );
  });

  it('the deadline follows the configured period; a deadline already set does not move', async () => {
    const put = await county.client.put('/api/settings/appraisal-rules', { rectificationMonths: 6, followUpMonths: 2 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const res = await county.client.post(`/api/orgs/${otherOrg}/appraisals`, appraisal({ year: year - 1 }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rectificationDueOn).toBe(addMonths(addDays(today, -10), 6));
    const [first] = await fx.rows<{ due: string }>(
      sql`select rectification_due_on::text as due from org_appraisals where id = ${weakId}`,
    );
    expect(first.due).toBe(addMonths(addDays(today, -10), 12));
    // An explicit deadline is taken as given.
    await county.client.request('DELETE', `/api/org-appraisals/${res.body.id}`);
    const explicit = await county.client.post(
      `/api/orgs/${otherOrg}/appraisals`,
      appraisal({ year: year - 1, rectificationDueOn: addDays(today, 30) }),
    );
    expect(explicit.body.rectificationDueOn).toBe(addDays(today, 30));
    await county.client.request('DELETE', `/api/org-appraisals/${explicit.body.id}`);
    await county.client.put('/api/settings/appraisal-rules', { rectificationMonths: 12, followUpMonths: 3 });
  });

  it('prompts: due until the deadline day, overdue the day after', async () => {
    const dueOn = addMonths(addDays(today, -10), 12);
    const onDay = await promptsAt(dueOn);
    expect(onDay.rectification.items.find((i) => i.link.id === org)?.level).toBe('due');
    const after = await promptsAt(addDays(dueOn, 1));
    expect(after.rectification.items.find((i) => i.link.id === org)?.level).toBe('overdue');
    const prompts = await secretary.client.get('/api/prompts');
    const section = prompts.body.sections.find((s: { key: string }) => s.key === 'rectification');
    expect(section.total).toBe(1);
    const todos = await county.client.get('/api/todo');
    expect(todos.status, JSON.stringify(todos.body)).toBe(200);
    expect(todos.body.sections.find((s: { key: string }) => s.key === 'rectification')?.total).toBe(1);
  });

  it('the org’s county is on the lagging list from the appraisal until the day the rectification is closed', async () => {
    const appraisedOn = addDays(today, -10);
    expect(await laggingCodes(addDays(appraisedOn, -1))).not.toContain('weak_org');
    expect(await laggingCodes(appraisedOn)).toContain('weak_org');
    const closedOn = addDays(today, -2);
    const close = await county.client.post(`/api/org-appraisals/${weakId}/rectified`, { rectifiedOn: closedOn });
    expect(close.status, JSON.stringify(close.body)).toBe(200);
    expect(await laggingCodes(addDays(closedOn, -1))).toContain('weak_org');
    expect(await laggingCodes(closedOn)).not.toContain('weak_org');
    expect(await laggingCodes(today)).not.toContain('weak_org');
    expect((await promptsAt(today)).rectification.items.find((i) => i.link.id === org)).toBeUndefined();
    const again = await county.client.post(`/api/org-appraisals/${weakId}/rectified`, { rectifiedOn: today });
    expect(again.status).toBe(409);
  });

  it('a secretary cannot appraise their org (the body above does)', async () => {
    const res = await secretary.client.post(`/api/orgs/${org}/appraisals`, appraisal({ year: year - 1 }));
    expect(res.status).toBe(403);
  });
});

describe('member appraisals (民主评议)', () => {
  let unqualifiedId: number;
  const appraisedOn = addDays(today, -5);

  it('the branch records a result; 不合格 owes a follow-up within 3 months', async () => {
    const res = await secretary.client.post(`/api/orgs/${org}/member-appraisals`, {
      memberId: member,
      year,
      result: 'unqualified',
      appraisedOn,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.followUpDueOn).toBe(addMonths(appraisedOn, 3));
    unqualifiedId = res.body.id;
    const dueOn = res.body.followUpDueOn;
    expect((await promptsAt(dueOn)).followUp.items.find((i) => i.link.id === member)?.level).toBe('due');
    expect((await promptsAt(addDays(dueOn, 1))).followUp.items.find((i) => i.link.id === member)?.level).toBe(
      'overdue',
    );
    const todos = await secretary.client.get('/api/todo');
    expect(todos.body.sections.find((s: { key: string }) => s.key === 'appraisal_follow_up')?.total).toBe(1);
  });

  it('the follow-up period is configurable, and fixed when the result is recorded', async () => {
    await county.client.put('/api/settings/appraisal-rules', { rectificationMonths: 12, followUpMonths: 2 });
    const m = await county.client.post('/api/members', memberBody(org, { name: '吴海燕' }));
    const res = await secretary.client.post(`/api/orgs/${org}/member-appraisals`, {
      memberId: m.body.id,
      year,
      result: 'unqualified',
      appraisedOn,
    });
    expect(res.body.followUpDueOn).toBe(addMonths(appraisedOn, 2));
    const [first] = await fx.rows<{ due: string }>(
      sql`select follow_up_due_on::text as due from member_appraisals where id = ${unqualifiedId}`,
    );
    expect(first.due).toBe(addMonths(appraisedOn, 3));
    await county.client.put('/api/settings/appraisal-rules', { rectificationMonths: 12, followUpMonths: 3 });
  });

  it('validation names the field: not on the roster, 四优 only for excellent, once a year, follow-up rules', async () => {
    const post = (body: Record<string, unknown>) => () =>
      secretary.client.post(`/api/orgs/${org}/member-appraisals`, {
        memberId: member,
        year: year - 1,
        result: 'qualified',
        appraisedOn,
        ...body,
      });
    await expectInvalid(post({ fourExcellent: true }), memberRows, 'fourExcellent', '四优共产党员');
    await expectInvalid(post({ year }), memberRows, 'year', '已登记');
    const outsider = await county.client.post('/api/members', memberBody(otherOrg, { name: '郑国强' }));
    await expectInvalid(post({ memberId: outsider.body.id }), memberRows, 'memberId', '党员名册');
    const follow = (body: Record<string, unknown>) => () =>
      secretary.client.post(`/api/member-appraisals/${unqualifiedId}/follow-up`, {
        followUp: 'correct_by',
        followUpOn: today,
        ...body,
      });
    await expectInvalid(follow({}), memberRows, 'correctBy', '改正期限');
    await expectInvalid(follow({ correctBy: today }), memberRows, 'correctBy', '应晚于处置日期');
    await expectInvalid(follow({ followUpOn: addDays(appraisedOn, -1) }), memberRows, 'followUpOn', '早于评议日期');
  });

  it('the follow-up closes the prompt and is audited', async () => {
    const res = await secretary.client.post(`/api/member-appraisals/${unqualifiedId}/follow-up`, {
      followUp: 'correct_by',
      followUpOn: today,
      correctBy: addMonths(today, 6),
      note: '支部书记谈话，限期半年改正',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await promptsAt(today)).followUp.items.find((i) => i.link.id === member)).toBeUndefined();
    const [audit] = await fx.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'member_appraisal' and entity_id = ${String(unqualifiedId)} order by seq desc`,
    );
    expect(audit.action).toBe('appraisal.follow_up');
  });
});

describe('scope', () => {
  it('another county, and another org’s secretary, get 404 on every route and nothing changes', async () => {
    const [a] = await fx.rows<{ id: number }>(sql`select id from org_appraisals where org_id = ${org}`);
    const [m] = await fx.rows<{ id: number }>(sql`select id from member_appraisals where org_id = ${org} limit 1`);
    const calls = [
      ['GET', `/api/orgs/${org}/appraisals`, undefined],
      ['POST', `/api/orgs/${org}/appraisals`, appraisal({ year: year - 1 })],
      ['POST', `/api/org-appraisals/${a.id}/rectified`, { rectifiedOn: today }],
      ['DELETE', `/api/org-appraisals/${a.id}`, undefined],
      [
        'POST',
        `/api/orgs/${org}/member-appraisals`,
        { memberId: member, year: year - 1, result: 'qualified', appraisedOn: today },
      ],
      ['POST', `/api/member-appraisals/${m.id}/follow-up`, { followUp: 'education', followUpOn: today }],
    ] as const;
    const state = async () => [await orgRows(), await memberRows()];
    await expectEachNotFound(fx.database.db, otherCounty, calls, state);
    // The secretary may read and record for the branch (orglife), not appraise orgs: those routes are 403 by permission.
    await expectEachNotFound(fx.database.db, otherSecretary, [calls[0], calls[4], calls[5]], state);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { idNumberCheckChar } from '../../domain/idNumber.ts';
import { type Logged, signInUsers } from '../regions/regionUsers.testing.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const today = localDateString(new Date());

let committee: Logged, wuhan: Logged, leader: Logged;
let orgId: number;
let otherOrgId: number;
let employerId: number;

beforeAll(async () => {
  ({ committee, wuhan, leader } = await signInUsers(fx));
  const e = await makeEnterprise(fx.database);
  employerId = e.id;
  orgId = (await makeOrg(fx.database, [e.id])).id;
  otherOrgId = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
});

let seq = 0;
/** A checksum-valid ID number, a different one each call. */
function idNumber(birthDate = '1995-06-01', sex: 'male' | 'female' = 'male') {
  seq++;
  const first17 = `420502${birthDate.replaceAll('-', '')}${String(seq).padStart(2, '0')}${sex === 'male' ? 1 : 2}`;
  return first17 + idNumberCheckChar(first17);
}

async function create(more: Record<string, unknown> = {}, client = committee) {
  const res = await client.client.post('/api/developments', {
    orgId,
    name: '赵六',
    idNumber: idNumber(),
    appliedOn: '2023-03-01',
    ...more,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

const patch = (id: number, body: unknown, client = committee) => client.client.patch(`/api/developments/${id}`, body);

/** Everything a refused request must leave as it was: the records and the members. */
const stored = async () => ({
  developments: await fx.rows(sql`select to_jsonb(d) as j from developments d order by id`),
  members: await fx.rows(sql`select to_jsonb(m) as j from members m order by id`),
});

/** Runs a request that must be refused: no record or member changes, no audit row but a denial. */
async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await stored();
  const audit = await expectUnchanged(fx.database.db, [], run);
  expect(await stored()).toEqual(before);
  expect(audit.filter((a) => a.result !== 'denied')).toEqual([]);
}

/** A regular development up to the candidate stage, then admission (rules.md §6). */
const TO_CANDIDATE = {
  talkedOn: '2023-03-20',
  activistOn: '2023-06-01',
  contacts: ['张三'],
  candidateOn: '2024-06-01',
  politicalReviewOn: '2024-07-01',
  trainingDays: 3,
  introducers: ['李四', '王五'],
};

describe('a new applicant', () => {
  it('is recorded with birth date and sex from the ID number, which is stored encrypted and shown masked', async () => {
    const number = idNumber('1990-02-03', 'female');
    const id = await create({ idNumber: number, employerId });
    const res = await committee.client.get(`/api/developments/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '赵六',
      idNumber: `${number.slice(0, 3)}***********${number.slice(-4)}`,
      birthDate: '1990-**-**',
      sex: 'female',
      employerId,
      stage: 'applicant',
      due: { talkDue: '2023-04-01' },
    });
    const [row] = await fx.rows<{ id_number: string }>(sql`select id_number from developments where id = ${id}`);
    expect(row.id_number.startsWith('v1:')).toBe(true);
    expect(JSON.stringify(await fx.rows(sql`select * from audit_log`))).not.toContain(number);
    expect(JSON.stringify(await fx.rows(sql`select diff from audit_log`))).not.toContain('1990-02-03');
    const [audit] = await fx.rows<{ action: string; diff: { idNumber: string } }>(
      sql`select action, diff from audit_log where entity = 'development' and entity_id = ${String(id)}`,
    );
    expect(audit).toMatchObject({ action: 'development.create', diff: { idNumber: res.body.idNumber } });
  });

  it('has one open record at a time: a second one is a 409 in Chinese, allowed once the first is closed', async () => {
    const number = idNumber();
    const id = await create({ idNumber: number });
    let again: Awaited<ReturnType<typeof committee.client.post>> | undefined;
    await expectNothingWritten(async () => {
      again = await committee.client.post('/api/developments', {
        orgId: otherOrgId,
        name: '赵六',
        idNumber: number,
        appliedOn: '2024-01-01',
      });
    });
    expect(again!.status).toBe(409);
    expect(again!.body.error.message).toContain(`已有一份未结束的发展党员记录（记录编号 ${id}）`);

    const closed = await committee.client.post(`/api/developments/${id}/close`, {
      closedOn: '2023-05-01',
      reason: 'withdrawn',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    await create({ idNumber: number, orgId: otherOrgId, appliedOn: '2024-01-01' });
  });

  it('an open record outside the actor’s scope still blocks a second one, without being named', async () => {
    const number = idNumber();
    await create({ idNumber: number });
    const e = await makeEnterprise(fx.database, { regionCode: '420102' });
    const wuhanOrg = await makeOrg(fx.database, [e.id], { regionCode: '420102' });
    let res: Awaited<ReturnType<typeof committee.client.post>> | undefined;
    await expectNothingWritten(async () => {
      res = await wuhan.client.post('/api/developments', {
        orgId: wuhanOrg.id,
        name: '赵六',
        idNumber: number,
        appliedOn: '2024-01-01',
      });
    });
    expect(res!.status).toBe(409);
    expect(res!.body.error.message).toContain('不能在此登记发展党员记录');
    expect(res!.body.error.message).not.toMatch(/其他党组织|记录编号/);
    expect(res!.body.error.message).not.toContain(number);
  });

  it('must be 18 on the application date', async () => {
    const res = await committee.client.post('/api/developments', {
      orgId,
      name: '少年',
      idNumber: idNumber('2005-03-02'),
      appliedOn: '2023-03-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      {
        field: 'appliedOn',
        step: 'application',
        code: 'under_age',
        message: '递交入党申请书时（2023-03-01）未满18周岁（按身份证号码计算为 17 周岁）',
      },
    ]);
  });

  it('needs a valid ID number', async () => {
    const res = await committee.client.post('/api/developments', {
      orgId,
      name: '错号',
      idNumber: '420502199506010000',
      appliedOn: '2023-03-01',
    });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'idNumber']);
    expect(res.body.error.message).toContain('校验码');
  });
});

describe('impossible stage data is refused, naming the field and the rule, and nothing is written', () => {
  it.each<[string, Record<string, unknown>, string, string, string]>([
    ['a talk before the application', { talkedOn: '2023-02-28' }, 'talkedOn', 'before_previous', '早于递交入党申请书'],
    ['a date after today', { talkedOn: '2099-01-01' }, 'talkedOn', 'future_date', '晚于今天'],
    ['a candidate without activist', { candidateOn: '2024-06-01' }, 'candidateOn', 'missing_previous', '缺少'],
    ['an activist without a contact person', { activistOn: '2023-06-01' }, 'contacts', 'contacts_count', '培养联系人'],
    [
      'admission without training',
      { ...TO_CANDIDATE, trainingDays: 2, trainingHours: 20, admittedOn: '2024-09-01' },
      'trainingDays',
      'training_insufficient',
      '集中培训',
    ],
    [
      'admission with one introducer',
      { ...TO_CANDIDATE, introducers: ['李四'], admittedOn: '2024-09-01' },
      'introducers',
      'introducers_count',
      '入党介绍人',
    ],
    ['an extension of 3 months', { extensionMonths: 3 }, 'extensionMonths', 'invalid_extension', '延长6至12个月'],
  ])('%s', async (_what, body, field, code, words) => {
    const id = await create();
    let res: Awaited<ReturnType<typeof patch>> | undefined;
    await expectNothingWritten(async () => {
      res = await patch(id, body);
    });
    expect(res!.status).toBe(400);
    expect(res!.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
    expect(res!.body.error.message).toContain(words);
  });

  it('a date that does not exist is refused by the schema', async () => {
    const id = await create();
    const res = await patch(id, { talkedOn: '2023-02-29' });
    expect([res.status, res.body.error.details[0]]).toEqual([400, { field: 'talkedOn', message: '日期不存在' }]);
  });
});

describe('the minimum interval of one year from activist to candidate', () => {
  const activist = { talkedOn: '2024-03-20', activistOn: '2024-03-15', contacts: ['张三', '李四'] };

  it('exactly one year later is accepted without a reason and not listed for review', async () => {
    const id = await create({ appliedOn: '2024-03-01' });
    const res = await patch(id, { ...activist, candidateOn: '2025-03-15' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.development).toMatchObject({ stage: 'candidate', early: [], earlyReasons: {} });
    const early = await committee.client.get(`/api/developments/early?orgId=${orgId}`);
    expect(early.body.items.map((i: { developmentId: number }) => i.developmentId)).not.toContain(id);
  });

  it('one day earlier is refused without a reason, accepted with one and then listed for review', async () => {
    const id = await create({ appliedOn: '2024-03-01' });
    let refused: Awaited<ReturnType<typeof patch>> | undefined;
    await expectNothingWritten(async () => {
      refused = await patch(id, { ...activist, candidateOn: '2025-03-14' });
    });
    expect(refused!.status).toBe(400);
    expect(refused!.body.error.details).toEqual([
      {
        field: 'earlyReasons.candidate',
        step: 'candidate',
        code: 'too_early',
        message: '确定为发展对象的日期（2025-03-14）距确定为入党积极分子（2024-03-15）不满1年，提前须书面说明理由',
      },
    ]);

    const reason = '经上级党委同意，因工作调动提前一天召开支委会';
    const accepted = await patch(id, { ...activist, candidateOn: '2025-03-14', earlyReasons: { candidate: reason } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.development.early).toEqual([
      {
        step: 'candidate',
        code: 'too_early',
        message: '确定为发展对象的日期（2025-03-14）距确定为入党积极分子（2024-03-15）不满1年',
        reason,
      },
    ]);
    const early = await committee.client.get('/api/developments/early');
    expect(early.body.items.filter((i: { developmentId: number }) => i.developmentId === id)).toEqual([
      expect.objectContaining({ step: 'candidate', reason, orgId, name: '赵六' }),
    ]);

    // The reason covers the dates it was written for: moving the date again needs a new one.
    const moved = await patch(id, { candidateOn: '2024-09-01' });
    expect([moved.status, moved.body.error.details[0].field]).toEqual([400, 'earlyReasons.candidate']);
    // A date that is no longer early drops the reason.
    const inTime = await patch(id, { candidateOn: '2025-03-15' });
    expect(inTime.status).toBe(200);
    expect(inTime.body.development).toMatchObject({ early: [], earlyReasons: {} });
  });
});

describe('admission and conversion', () => {
  it('admission creates a probationary member; the approval of the conversion makes them full', async () => {
    const number = idNumber('1995-06-01');
    const id = await create({ idNumber: number, employerId, name: '钱七' });
    const admitted = await patch(id, { ...TO_CANDIDATE, admittedOn: '2024-09-01' });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    const memberId = admitted.body.memberId as number;
    expect(memberId).toBeGreaterThan(0);
    expect(admitted.body.development).toMatchObject({
      stage: 'probationary',
      memberId,
      due: { approvalDue: '2024-12-01', approvalLimit: '2025-03-01', probationEnd: '2025-09-01' },
    });
    const member = async () =>
      (
        await fx.rows(
          sql`select name, status, joined_on::text, full_on::text, org_id, employer_id, id_number_hash
              from members where id = ${memberId}`,
        )
      )[0];
    const [{ id_number_hash: hash }] = await fx.rows<{ id_number_hash: string }>(
      sql`select id_number_hash from developments where id = ${id}`,
    );
    expect(await member()).toEqual({
      name: '钱七',
      status: 'probationary',
      joined_on: '2024-09-01',
      full_on: null,
      org_id: orgId,
      employer_id: employerId,
      id_number_hash: hash,
    });

    const moved = await patch(id, { admittedOn: '2024-08-20' });
    expect([moved.status, moved.body.error.details[0].field]).toEqual([400, 'admittedOn']);

    const full = await patch(id, {
      approvedOn: '2024-10-15',
      fullMeetingOn: '2025-09-01',
      fullApprovedOn: '2025-10-10',
    });
    expect(full.status, JSON.stringify(full.body)).toBe(200);
    expect(full.body.development.stage).toBe('full');
    expect(await member()).toMatchObject({ status: 'full', joined_on: '2024-09-01', full_on: '2025-10-10' });

    const board = await committee.client.get(`/api/orgs/${orgId}/developments?completedSince=2025-01-01`);
    const fullStage = board.body.stages.find((s: { stage: string }) => s.stage === 'full');
    expect(fullStage.items.map((i: { id: number }) => i.id)).toContain(id);
    const done = await committee.client.post(`/api/developments/${id}/close`, {
      closedOn: today,
      reason: 'withdrawn',
    });
    expect(done.status).toBe(409);
  });

  it('a cancelled probation closes the record and takes the member off the roster', async () => {
    const id = await create();
    const admitted = await patch(id, { ...TO_CANDIDATE, admittedOn: '2024-09-01' });
    const memberId = admitted.body.memberId as number;
    const wrong = await committee.client.post(`/api/developments/${id}/close`, {
      closedOn: '2025-01-01',
      reason: 'withdrawn',
    });
    expect([wrong.status, wrong.body.error.details[0].field]).toEqual([400, 'reason']);
    const early = await committee.client.post(`/api/developments/${id}/close`, {
      closedOn: '2024-08-01',
      reason: 'probation_cancelled',
    });
    expect([early.status, early.body.error.details[0].field]).toEqual([400, 'closedOn']);
    const res = await committee.client.post(`/api/developments/${id}/close`, {
      closedOn: '2025-01-01',
      reason: 'probation_cancelled',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await fx.rows(sql`select left_on::text, leave_reason from members where id = ${memberId}`)).toEqual([
      { left_on: '2025-01-01', leave_reason: 'probation_cancelled' },
    ]);
    const after = await patch(id, { approvedOn: '2024-10-01' });
    expect(after.status).toBe(409);
  });
});

describe('what is due', () => {
  it('the overdue list and the board show steps not done by their due date', async () => {
    const org = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
    const untalked = await create({ orgId: org, appliedOn: '2025-01-10' });
    const talked = await create({ orgId: org, appliedOn: '2025-01-10' });
    expect((await patch(talked, { talkedOn: '2025-01-20' })).status).toBe(200);
    const unapproved = await create({ orgId: org });
    expect((await patch(unapproved, { ...TO_CANDIDATE, admittedOn: '2024-09-01' })).status).toBe(200);

    const res = await committee.client.get(`/api/developments/overdue?orgId=${org}`);
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i: Record<string, unknown>) => [i.developmentId, i.step, i.code, i.dueOn, i.orgId]),
    ).toEqual([
      [untalked, 'talk', 'talk_overdue', '2025-02-10', org],
      [unapproved, 'approval', 'approval_past_limit', '2025-03-01', org],
      [unapproved, 'full_meeting', 'full_overdue', '2025-12-01', org],
    ]);
    expect(res.body.items[1].message).toContain('上级党委仍未审批');
    expect(res.body.items[0].idNumber).toMatch(/^420\*{11}\w{4}$/);

    const all = await committee.client.get('/api/developments/overdue');
    expect(all.body.items.map((i: { developmentId: number }) => i.developmentId)).toContain(untalked);

    const board = await committee.client.get(`/api/orgs/${org}/developments`);
    expect(board.status).toBe(200);
    const byStage = Object.fromEntries(
      board.body.stages.map((s: { stage: string; items: { id: number }[] }) => [s.stage, s.items.map((i) => i.id)]),
    );
    expect(byStage).toEqual({
      applicant: [untalked, talked],
      activist: [],
      candidate: [],
      probationary: [unapproved],
      full: [],
    });
    expect(board.body.overdue).toBe(2);
    const item = board.body.stages[0].items[0];
    expect(item).toMatchObject({ due: { talkDue: '2025-02-10' }, overdue: [{ code: 'talk_overdue' }] });
  });
});

describe('scope and permissions', () => {
  it('a committee user of 420100 gets 404 on a 420502 org’s records, and nothing changes', async () => {
    const id = await create();
    for (const [method, path, body] of [
      ['GET', `/api/developments/${id}`, undefined],
      ['GET', `/api/orgs/${orgId}/developments`, undefined],
      ['PATCH', `/api/developments/${id}`, { talkedOn: '2023-03-20' }],
      ['POST', `/api/developments/${id}/close`, { closedOn: '2023-04-01', reason: 'withdrawn' }],
      ['POST', '/api/developments', { orgId, name: '越权', idNumber: idNumber(), appliedOn: '2023-03-01' }],
    ] as const) {
      await expectNothingWritten(async () => {
        const res = await wuhan.client.request(method, path, body);
        expect([res.status, path]).toEqual([404, path]);
      });
    }
    for (const list of ['/api/developments/overdue', '/api/developments/early']) {
      const res = await wuhan.client.get(list);
      expect([res.status, res.body.items]).toEqual([200, []]);
    }
  });

  it('a secretary sees and writes only their own org’s records', async () => {
    const secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId });
    const mine = await create({ appliedOn: '2025-01-10' }, secretary);
    const theirs = await create({ orgId: otherOrgId, appliedOn: '2025-01-10' });
    const board = await secretary.client.get(`/api/orgs/${orgId}/developments`);
    expect(board.status).toBe(200);
    expect(board.body.stages[0].items.map((i: { id: number }) => i.id)).toContain(mine);
    expect((await secretary.client.get(`/api/orgs/${otherOrgId}/developments`)).status).toBe(404);
    expect((await secretary.client.get(`/api/developments/${theirs}`)).status).toBe(404);
    await expectNothingWritten(async () => {
      expect((await patch(theirs, { talkedOn: '2025-01-20' }, secretary)).status).toBe(404);
    });
    const overdue = await secretary.client.get('/api/developments/overdue');
    const orgs = new Set(overdue.body.items.map((i: { orgId: number }) => i.orgId));
    expect([...orgs]).toEqual([orgId]);
    expect((await patch(mine, { talkedOn: '2025-01-20' }, secretary)).status).toBe(200);
  });

  it('a leader may read but not write (403)', async () => {
    const id = await create();
    expect((await leader.client.get(`/api/orgs/${orgId}/developments`)).status).toBe(200);
    expect((await leader.client.get(`/api/developments/${id}`)).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/api/developments', { orgId, name: '领导', idNumber: idNumber(), appliedOn: '2023-03-01' }],
      ['PATCH', `/api/developments/${id}`, { talkedOn: '2023-03-20' }],
      ['POST', `/api/developments/${id}/close`, { closedOn: '2023-04-01', reason: 'withdrawn' }],
    ] as const) {
      await expectNothingWritten(async () => {
        const res = await leader.client.request(method, path, body);
        expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
      });
    }
  });
});

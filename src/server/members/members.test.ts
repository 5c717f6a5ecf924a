import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import { idNumberCheckChar } from '../../domain/idNumber.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { awayBody, memberBody, newIdNumber, newPhone, today } from './members.testing.ts';
import { createMember } from './write.ts';

const fx = await fileFixture();

const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
const org = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);

const create = (more: Record<string, unknown> = {}) => committee.client.post('/api/members', memberBody(org.id, more));
const created = async (more: Record<string, unknown> = {}) => {
  const res = await create(more);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
};
const refused = (res: { status: number; body: any }) => [
  res.status,
  res.body?.error?.details?.[0]?.field,
  res.body?.error?.message,
];

const memberRow = async (id: number) =>
  (await fx.rows<Record<string, any>>(sql`select * from members where id = ${id}`))[0];

describe('recording a member', () => {
  it('derives birth date and sex from the ID number and stores both numbers encrypted with a hash', async () => {
    const idNumber = newIdNumber({ birthDate: '1988-02-29', sex: 'female' });
    const phone = newPhone();
    const id = await created({ idNumber, phone: ` ${phone} ` });
    const row = await memberRow(id);
    expect([row.birth_date, row.sex]).toEqual(['1988-02-29', 'female']);
    expect(row.id_number).not.toContain(idNumber.slice(0, 17));
    expect(fx.keys.decrypt(row.id_number)).toBe(idNumber);
    expect(row.id_number_hash).toBe(fx.keys.lookupHash(idNumber));
    expect(fx.keys.decrypt(row.phone)).toBe(phone);
    expect(row.phone_hash).toBe(fx.keys.lookupHash(phone));

    const detail = await committee.client.get(`/api/members/${id}`);
    expect(detail.body.member).toMatchObject({
      idNumber: `${idNumber.slice(0, 3)}***********${idNumber.slice(14)}`,
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      sex: 'female',
      sexLabel: '女',
      // Beside the masked number the birth date keeps its year only: month and day would give
      // the number's middle digits back.
      birthDate: '1988-**-**',
    });
    expect(detail.body.card.birthDate).toBe('1988-**-**');
    expect(JSON.stringify(detail.body)).not.toMatch(/Hash|v1:|1988-02-29|19880229/);
    const list = await committee.client.get(`/api/members?q=${encodeURIComponent(detail.body.member.name)}`);
    expect(JSON.stringify(list.body)).not.toMatch(/1988-02-29/);
    const reveal = await committee.client.post(`/api/members/${id}/reveal`, {});
    expect(reveal.body).toEqual({ idNumber, phone, birthDate: '1988-02-29' });
  });

  it('accepts a lower-case x and full-width digits, storing the normalized number', async () => {
    let idNumber = newIdNumber();
    while (!idNumber.endsWith('X')) idNumber = newIdNumber();
    const wide = Array.from(idNumber.slice(0, 17))
      .map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .join('');
    const id = await created({ idNumber: `${wide}x` });
    expect(fx.keys.decrypt((await memberRow(id)).id_number)).toBe(idNumber);
  });

  it('refuses an invalid ID number, naming the field and the rule', async () => {
    const good = newIdNumber();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await create({ idNumber: wrongCheck });
    expect(refused(res)[0]).toBe(400);
    expect(refused(res)[1]).toBe('idNumber');
    expect(res.body.error.message).toBe(
      `身份证号码校验码错误：按前 17 位计算，第 18 位应为“${good[17]}”，实际为“${wrongCheck[17]}”，请核对是否输错`,
    );
    expect(refused(await create({ idNumber: '42050219900512123' }))).toEqual([
      400,
      'idNumber',
      '身份证号码应为 18 位，当前为 17 位',
    ]);
    const badDate = `42050219901332001`;
    expect(refused(await create({ idNumber: badDate + idNumberCheckChar(badDate) }))).toEqual([
      400,
      'idNumber',
      '身份证号码中的出生日期 1990-13-32 不是有效日期（第 7–14 位）',
    ]);
  });

  it('refuses a sex that disagrees with the ID number', async () => {
    const res = await create({ idNumber: newIdNumber({ sex: 'male' }), sex: 'female' });
    expect(refused(res)).toEqual([400, 'sex', '性别填写为“女”，与公民身份号码不符：按公民身份号码第 17 位应为“男”']);
    expect((await create({ idNumber: newIdNumber({ sex: 'male' }), sex: 'male' })).status).toBe(200);
  });

  it('refuses a member under 18 at admission; 18 on the birthday itself is enough', async () => {
    const young = newIdNumber({ birthDate: '2000-07-02' });
    expect(refused(await create({ idNumber: young, joinedOn: '2018-07-01', fullOn: '2019-07-01' }))).toEqual([
      400,
      'joinedOn',
      '入党日期（2018-07-01）时按公民身份号码计算为 17 周岁，入党须年满 18 周岁',
    ]);
    const exactly = newIdNumber({ birthDate: '2000-07-01' });
    expect((await create({ idNumber: exactly, joinedOn: '2018-07-01', fullOn: '2019-07-01' })).status).toBe(200);
  });

  it('applies the rules of the full date', async () => {
    expect(refused(await create({ fullOn: null }))).toEqual([400, 'fullOn', '正式党员必须填写转正日期']);
    expect(refused(await create({ status: 'probationary', fullOn: '2016-07-01' }))[1]).toBe('fullOn');
    expect(refused(await create({ fullOn: '2015-06-30' }))).toEqual([
      400,
      'fullOn',
      '转正日期（2015-06-30）不能早于入党日期（2015-07-01）',
    ]);
    const tomorrow = addDays(today(), 1);
    expect(refused(await create({ status: 'probationary', fullOn: null, joinedOn: tomorrow }))).toEqual([
      400,
      'joinedOn',
      `入党日期（${tomorrow}）晚于今天`,
    ]);
    expect((await create({ status: 'probationary', fullOn: null, joinedOn: today() })).status).toBe(200);
  });

  it('normalizes the phone and refuses a malformed one without repeating it', async () => {
    const phone = newPhone();
    const wide = Array.from(phone)
      .map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .join('');
    const id = await created({ phone: wide });
    expect(fx.keys.decrypt((await memberRow(id)).phone)).toBe(phone);
    const res = await create({ phone: `${phone}转8` });
    expect(refused(res)).toEqual([
      400,
      'phone',
      '联系电话含有非法字符“转”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）',
    ]);
    expect(refused(await create({ phone: '1234' }))).toEqual([400, 'phone', '联系电话应为 5–20 个字符，当前为 4 个']);
  });

  it('a duplicate ID number is a 409 naming the member, with the number masked, and nothing is added', async () => {
    const idNumber = newIdNumber();
    const first = await created({ idNumber, name: '李四' });
    const before = await fx.rows<{ n: number }>(sql`select count(*)::int as n from members`);
    const res = await create({ idNumber: idNumber.toLowerCase(), name: '李四二' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate');
    expect(res.body.error.message).toContain('“李四”');
    expect(res.body.error.details[0]).toMatchObject({ field: 'idNumber', memberId: first });
    expect(JSON.stringify(res.body)).not.toContain(idNumber.slice(0, 17));
    expect(await fx.rows(sql`select count(*)::int as n from members`)).toEqual(before);
  });

  it('a number held outside the actor’s scope is passed on, naming nobody (referrals.test.ts)', async () => {
    const idNumber = newIdNumber();
    const wuhanOrg = await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420102' })).id], {
      regionCode: '420102',
    });
    await inScope(fx.database.db, localOperator(), (tx) =>
      createMember(tx, localOperator(), fx.keys, { ...(memberBody(wuhanOrg.id, { idNumber, name: '王五' }) as any) }),
    );
    const res = await create({ idNumber });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: null, referred: true });
    expect(JSON.stringify(res.body)).not.toContain('王五');
  });

  it('the org must be in scope and not dissolved; the employer in scope', async () => {
    const wuhanOrg = await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420102' })).id], {
      regionCode: '420102',
    });
    expect(refused(await create({ orgId: wuhanOrg.id }))).toEqual([
      400,
      'orgId',
      '所在党组织不存在或不在您的管辖范围内',
    ]);
    const gone = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    await committee.client.post(`/api/orgs/${gone.id}/dissolve`, { dissolvedOn: today() });
    const res = await create({ orgId: gone.id });
    expect(refused(res).slice(0, 2)).toEqual([400, 'orgId']);
    expect(res.body.error.message).toContain(`已于 ${today()} 撤销，不能再登记党员`);
    const far = await makeEnterprise(fx.database, { regionCode: '420102' });
    expect(refused(await create({ employerId: far.id }))).toEqual([
      400,
      'employerId',
      '所选工作单位不存在或不在您的管辖范围内',
    ]);
  });

  it('is audited with masked numbers only', async () => {
    const idNumber = newIdNumber();
    const phone = newPhone();
    const id = await created({ idNumber, phone });
    const [audit] = await fx.rows<{ action: string; diff: any }>(
      sql`select action, diff from audit_log where entity = 'member' and entity_id = ${String(id)}`,
    );
    expect(audit.action).toBe('member.create');
    expect(audit.diff.idNumber).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(14)}`);
    expect(audit.diff.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  });
});

describe('changing a member', () => {
  it('probationary → full needs the full date; full never goes back', async () => {
    const id = await created({ status: 'probationary', fullOn: null, joinedOn: '2024-06-01' });
    expect(refused(await committee.client.patch(`/api/members/${id}`, { status: 'full' }))).toEqual([
      400,
      'fullOn',
      '正式党员必须填写转正日期',
    ]);
    const ok = await committee.client.patch(`/api/members/${id}`, { status: 'full', fullOn: '2025-06-01' });
    expect(ok.body).toEqual({ changed: ['status', 'fullOn'] });
    expect(refused(await committee.client.patch(`/api/members/${id}`, { status: 'probationary' }))).toEqual([
      400,
      'status',
      '正式党员不能改为预备党员',
    ]);
  });

  it('a corrected ID number re-derives birth date and sex, audited masked', async () => {
    const id = await created({ idNumber: newIdNumber({ sex: 'male', birthDate: '1980-01-01' }) });
    const corrected = newIdNumber({ sex: 'female', birthDate: '1981-03-04' });
    const res = await committee.client.patch(`/api/members/${id}`, { idNumber: corrected });
    expect(res.body.changed).toEqual(['idNumber', 'birthDate', 'sex']);
    const row = await memberRow(id);
    expect([row.birth_date, row.sex, fx.keys.decrypt(row.id_number)]).toEqual(['1981-03-04', 'female', corrected]);
    const audits = await fx.rows<{ diff: string }>(
      sql`select diff::text as diff from audit_log where entity = 'member' and entity_id = ${String(id)}`,
    );
    expect(audits.map((a) => a.diff).join()).not.toContain(corrected.slice(0, 17));
    expect(audits.map((a) => a.diff).join()).not.toMatch(/1981-03-04|1980-01-01/);
    expect(audits.map((a) => a.diff).join()).toContain('1981-**-**');

    const taken = newIdNumber();
    await created({ idNumber: taken });
    expect((await committee.client.patch(`/api/members/${id}`, { idNumber: taken })).status).toBe(409);
  });

  it('unknown fields and the org are not patchable', async () => {
    const id = await created();
    expect((await committee.client.patch(`/api/members/${id}`, { orgId: org.id })).status).toBe(400);
  });
});

describe('members are never deleted', () => {
  it('leaving keeps the record with its reason; there is no DELETE route', async () => {
    const id = await created();
    expect(
      refused(await committee.client.post(`/api/members/${id}/leave`, { reason: 'transfer_out', leftOn: today() }))[1],
    ).toBe('reason');
    expect(
      refused(
        await committee.client.post(`/api/members/${id}/leave`, { reason: 'probation_cancelled', leftOn: today() }),
      ),
    ).toEqual([400, 'reason', '只有预备党员才能取消预备党员资格']);
    const left = await committee.client.post(`/api/members/${id}/leave`, { reason: 'death', leftOn: today() });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect((await committee.client.request('DELETE', `/api/members/${id}`)).status).toBe(404);

    const detail = await committee.client.get(`/api/members/${id}`);
    expect(detail.body.member).toMatchObject({ leftOn: today(), leaveReason: 'death', leaveReasonLabel: '去世' });
    const active = await committee.client.get(`/api/members?orgId=${org.id}&pageSize=200`);
    expect(active.body.items.map((m: { id: number }) => m.id)).not.toContain(id);
    const gone = await committee.client.get(`/api/members?orgId=${org.id}&roster=left&pageSize=200`);
    expect(gone.body.items.map((m: { id: number }) => m.id)).toContain(id);
    expect((await committee.client.patch(`/api/members/${id}`, { name: '改名' })).status).toBe(400);
    expect((await committee.client.post(`/api/members/${id}/leave`, { reason: 'lapse', leftOn: today() })).status).toBe(
      400,
    );
    expect(await fx.rows(sql`select id from members where id = ${id}`)).toHaveLength(1);
  });
});

describe('enterprise member counts follow the roster (record once)', () => {
  const counts = async (id: number) =>
    (
      await fx.rows<{ memberCount: number; fullMemberCount: number; category: string; estimated: boolean }>(
        sql`select member_count as "memberCount", full_member_count as "fullMemberCount", category,
                   full_member_estimated as estimated
            from enterprises where id = ${id}`,
      )
    )[0];

  it('counts active members, full and probationary, including relation-elsewhere ones; the category moves', async () => {
    const e = await makeEnterprise(fx.database, { memberCount: 5, fullMemberCount: 2, fullMemberEstimated: true });
    expect(await counts(e.id)).toMatchObject({ memberCount: 5, category: 'joint_candidate' });
    const a = await created({ employerId: e.id });
    expect(await counts(e.id)).toEqual({
      memberCount: 1,
      fullMemberCount: 1,
      category: 'joint_candidate',
      estimated: false,
    });
    const b = await created({ employerId: e.id, status: 'probationary', fullOn: null, joinedOn: '2025-10-01' });
    await created({ employerId: e.id, relationOrgName: '外省某党支部' });
    expect(await counts(e.id)).toMatchObject({ memberCount: 3, fullMemberCount: 2 });
    await committee.client.patch(`/api/members/${b}`, { status: 'full', fullOn: today() });
    expect(await counts(e.id)).toMatchObject({ memberCount: 3, fullMemberCount: 3, category: 'should_form' });

    const history = await fx.rows<{ field: string; before: unknown; after: unknown }>(
      sql`select field, before, after from enterprise_history where enterprise_id = ${e.id} order by id`,
    );
    expect(history.slice(0, 3)).toEqual([
      { field: 'memberCount', before: 5, after: 1 },
      { field: 'fullMemberCount', before: 2, after: 1 },
      { field: 'fullMemberEstimated', before: true, after: false },
    ]);
    expect(history.at(-1)).toEqual({ field: 'fullMemberCount', before: 2, after: 3 });

    await committee.client.post(`/api/members/${a}/leave`, { reason: 'death', leftOn: today() });
    expect(await counts(e.id)).toMatchObject({ memberCount: 2, fullMemberCount: 2, category: 'joint_candidate' });
  });

  it('a change of employer moves the member between the two enterprises, down to 0', async () => {
    const e1 = await makeEnterprise(fx.database);
    const e2 = await makeEnterprise(fx.database);
    const m = await created({ employerId: e1.id });
    expect((await counts(e1.id)).memberCount).toBe(1);
    await committee.client.patch(`/api/members/${m}`, { employerId: e2.id });
    expect(await counts(e1.id)).toMatchObject({ memberCount: 0, category: 'no_member' });
    expect(await counts(e2.id)).toMatchObject({ memberCount: 1, category: 'joint_candidate' });
  });

  it('an enterprise with no member recorded keeps its imported counts', async () => {
    const e = await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 });
    await created();
    expect(await counts(e.id)).toMatchObject({ memberCount: 4, fullMemberCount: 4, category: 'should_form' });
  });
});

describe('lists', () => {
  it('filter by status, mobile, relation elsewhere, employer, name and region; sort by name', async () => {
    const o = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    const e = await makeEnterprise(fx.database);
    const base = (more: Record<string, unknown>) => created({ orgId: o.id, ...more });
    // Latin initials: the same order under every collation.
    const full = await base({ name: 'B赵一' });
    const prob = await base({ name: 'D钱二', status: 'probationary', fullOn: null, joinedOn: '2025-09-01' });
    const mobile = await base({ name: 'A孙三' });
    expect((await committee.client.put(`/api/members/${mobile}/away`, awayBody())).status).toBe(200);
    const elsewhere = await base({ name: 'C李四', relationOrgName: '某市某党支部', employerId: e.id });
    const ids = async (q: string) =>
      (await committee.client.get(`/api/members?orgId=${o.id}&${q}`)).body.items.map((m: { id: number }) => m.id);
    expect(await ids('')).toEqual([elsewhere, mobile, prob, full]);
    expect(await ids('sort=name')).toEqual([mobile, full, elsewhere, prob]);
    expect(await ids('status=probationary')).toEqual([prob]);
    expect(await ids('mobile=true')).toEqual([mobile]);
    expect(await ids('relationElsewhere=true')).toEqual([elsewhere]);
    expect(await ids(`employerId=${e.id}`)).toEqual([elsewhere]);
    expect(await ids('q=钱')).toEqual([prob]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('regionCode=420502')).toHaveLength(4);
    expect(await ids('regionCode=420503')).toEqual([]);
    const page = await committee.client.get(`/api/members?orgId=${o.id}&pageSize=2&page=2`);
    expect([page.body.total, page.body.items.length]).toEqual([4, 2]);
  });
});

// Quarterly submission (报送, issue #14 item 2): the county's committee submits its report,
// which is stored as computed then with who and when; a correction is a resubmission with a
// reason and keeps the first; the city sees where each county stands and returns a report
// with a reason, which the county must resubmit. Nobody else does any of it.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareDates, localDateString } from '../../domain/calendarDate.ts';
import { quarterDueOn } from '../../domain/reports/submission.ts';
import { previousQuarter, quarterOf, quarterRange } from '../../domain/stats/quarter.ts';
import { quarterlySubmissions } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

let city: TestClient;
let county: TestClient;
let otherCounty: TestClient;
let cityLeader: TestClient;
let otherCountyUser: Awaited<ReturnType<typeof fx.makeUser>>;
const today = localDateString(new Date());
// The last quarter that has ended: the one being reported.
const Q = previousQuarter(quarterOf(today));
const DUE = quarterDueOn(Q, 10);
const onTime = compareDates(today, DUE) <= 0 ? 'on_time' : 'late';
const COUNTY = '420503';

const rowsOf = async () =>
  (await fx.rows<{ n: number }>(sql`select count(*)::int as n from quarterly_submissions`))[0]?.n ?? 0;

async function newOrgIn(region: string) {
  const e = await makeEnterprise(fx.database, {
    regionCode: region,
    foundedOn: '2015-01-01',
    registrationStatus: 'active',
  });
  await makeOrg(fx.database, [e.id], { regionCode: region, establishedOn: quarterRange(Q).from });
}

beforeAll(async () => {
  city = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  county = (await fx.clientAs({ roles: ['committee'], regionCode: COUNTY, displayName: '伍家岗区委组织部张三' }))
    .client;
  otherCountyUser = await fx.makeUser({ roles: ['committee'], regionCode: '420502' });
  otherCounty = (await fx.clientAs({ roles: ['committee'], regionCode: '420502' })).client;
  cityLeader = (await fx.clientAs({ roles: ['leader'], regionCode: '420500' })).client;
  await newOrgIn(COUNTY);
});

describe('submission', () => {
  it('freezes the report as computed, with who and when, in one transaction with its audit row', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const res = await county.post('/api/reports/quarterly/submit', { quarter: Q });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => [a.action, a.entity, a.entityId])).toEqual([['report.quarterly_submit', 'region', COUNTY]]);
    expect(audit[0]?.diff).toMatchObject({ quarter: Q, newOrgs: 1 });

    const s = (await county.get(`/api/reports/quarterly/submission?quarter=${Q}`)).body;
    expect(s).toMatchObject({
      region: COUNTY,
      quarter: Q,
      dueOn: DUE,
      status: onTime,
      submittedBy: '伍家岗区委组织部张三',
      resubmissions: 0,
      returned: null,
      canSubmit: false,
      canResubmit: true,
      canReturn: false,
    });
    expect(s.submitted).toMatchObject({ report: 'quarterly', region: COUNTY, quarter: Q, total: { newOrgs: 1 } });
    expect(s.history).toEqual([
      expect.objectContaining({ action: 'submit', reason: null, actorName: '伍家岗区委组织部张三' }),
    ]);
    expect(s.firstAt).toBe(s.history[0].at);
  });

  it('a second submission is refused: a correction is a resubmission with a reason', async () => {
    const n = await rowsOf();
    const again = await county.post('/api/reports/quarterly/submit', { quarter: Q });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('如需更正，请重新报送并说明原因');
    const noReason = await county.post('/api/reports/quarterly/resubmit', { quarter: Q, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.error)).toContain('请填写更正原因');
    expect(await rowsOf()).toBe(n);
  });

  it('a resubmission stores the figures as they are now and keeps the first', async () => {
    await newOrgIn(COUNTY);
    const res = await county.post('/api/reports/quarterly/resubmit', { quarter: Q, reason: '补录一个新建党组织' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = (await county.get(`/api/reports/quarterly/submission?quarter=${Q}`)).body;
    expect(s.submitted.total.newOrgs).toBe(2);
    expect(s.status).toBe(onTime);
    expect(s.resubmissions).toBe(1);
    expect(s.history.map((h: { action: string; reason: string | null }) => [h.action, h.reason])).toEqual([
      ['submit', null],
      ['resubmit', '补录一个新建党组织'],
    ]);
    const stored = await fx.rows<{ action: string; n: number }>(
      sql`select action, (figures->'total'->>'newOrgs')::int as n from quarterly_submissions
          where region_code = ${COUNTY} order by id`,
    );
    expect(stored).toEqual([
      { action: 'submit', n: 1 },
      { action: 'resubmit', n: 2 },
    ]);
  });

  it('only a quarter that has ended is submitted', async () => {
    const res = await county.post('/api/reports/quarterly/submit', { quarter: quarterOf(today) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('季度结束后才能报送');
  });
});

describe('the parent region', () => {
  it('sees which child regions submitted, which are late and which not at all', async () => {
    const res = await city.get(`/api/reports/quarterly/submissions?region=420500&quarter=${Q}`);
    expect(res.status).toBe(200);
    expect(res.body.canReturn).toBe(true);
    const byRegion = Object.fromEntries(res.body.children.map((c: { region: string }) => [c.region, c]));
    expect(byRegion[COUNTY]).toMatchObject({
      status: onTime,
      resubmissions: 1,
      newOrgs: 2,
      submittedBy: '伍家岗区委组织部张三',
    });
    const nobody = compareDates(today, DUE) > 0 ? 'overdue' : 'pending';
    expect(byRegion['420502']).toMatchObject({ status: nobody, firstAt: null, newOrgs: null });
  });

  it('returns a report with a reason; the child must resubmit it, and until then it missed the report', async () => {
    const noReason = await city.post('/api/reports/quarterly/return', { region: COUNTY, quarter: Q });
    expect(noReason.status).toBe(400);
    const seq = await lastAuditSeq(fx.database.db);
    const res = await city.post('/api/reports/quarterly/return', {
      region: COUNTY,
      quarter: Q,
      reason: '新建党组织名单缺审批单位',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await auditAfter(fx.database.db, seq)).map((a) => [a.action, a.entityId, a.diff])).toEqual([
      ['report.quarterly_return', COUNTY, expect.objectContaining({ quarter: Q, reason: '新建党组织名单缺审批单位' })],
    ]);
    const s = (await county.get(`/api/reports/quarterly/submission?quarter=${Q}`)).body;
    expect(s).toMatchObject({
      status: 'returned',
      returned: { reason: '新建党组织名单缺审批单位' },
      canResubmit: true,
    });
    // The report returned is still there to read: the last one submitted.
    expect(s.submitted.total.newOrgs).toBe(2);
    expect(
      (await city.post('/api/reports/quarterly/return', { region: COUNTY, quarter: Q, reason: '再退' })).status,
    ).toBe(409);

    if (compareDates(today, DUE) > 0) {
      const lagging = (await city.get(`/api/reports/lagging?region=420500&date=${today}`)).body;
      const reasons = lagging.children.find((c: { region: string }) => c.region === COUNTY).reasons;
      expect(reasons.map((r: { text: string }) => r.text)).toContain(
        `${Q} 新建党组织季报于 ${today} 被退回（新建党组织名单缺审批单位），尚未重新报送`,
      );
    }

    const plain = await county.post('/api/reports/quarterly/submit', { quarter: Q });
    expect(plain.status).toBe(409);
    expect(plain.body.error.message).toContain('被退回，请说明更正原因后重新报送');
    expect((await county.post('/api/reports/quarterly/resubmit', { quarter: Q, reason: '已补审批单位' })).status).toBe(
      200,
    );
    const after = (await county.get(`/api/reports/quarterly/submission?quarter=${Q}`)).body;
    expect(after).toMatchObject({ status: onTime, returned: null, resubmissions: 2 });
    expect(after.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'resubmit',
      'return',
      'resubmit',
    ]);
  });
});

describe('scope isolation', () => {
  it('another county, the county itself, a leader and a secretary cannot return or see it; nothing changes', async () => {
    const n = await rowsOf();
    const seq = await lastAuditSeq(fx.database.db);
    const returnIt = { region: COUNTY, quarter: Q, reason: '越权退回' };
    expect((await otherCounty.post('/api/reports/quarterly/return', returnIt)).status).toBe(404);
    expect((await otherCounty.get(`/api/reports/quarterly/submission?region=${COUNTY}&quarter=${Q}`)).status).toBe(404);
    expect((await otherCounty.get(`/api/reports/quarterly/submissions?region=420500&quarter=${Q}`)).status).toBe(404);
    const own = await county.post('/api/reports/quarterly/return', returnIt);
    expect([own.status, own.body.error.code]).toEqual([403, 'not_parent_region']);
    expect(own.body.error.message).toContain('宜昌市');
    expect((await cityLeader.post('/api/reports/quarterly/return', returnIt)).status).toBe(403);
    expect((await cityLeader.post('/api/reports/quarterly/submit', { quarter: Q })).status).toBe(403);
    expect((await cityLeader.get(`/api/reports/quarterly/submissions?region=420500&quarter=${Q}`)).status).toBe(200);
    const { client: secretary } = await fx.clientAs({ roles: ['secretary'], regionCode: COUNTY });
    expect((await secretary.get(`/api/reports/quarterly/submission?quarter=${Q}`)).status).toBe(403);
    expect(await rowsOf()).toBe(n);
    expect(
      (await auditAfter(fx.database.db, seq)).filter((a) => a.result === 'success' && a.action.endsWith('return')),
    ).toEqual([]);
  });

  it('row-level security keeps another county from reading or writing the rows, whatever the query says', async () => {
    const other = { actorId: otherCountyUser.id, scopePrefix: '420502', orgId: null, instructorId: null };
    const seen = await inScope(fx.database.db, other, (tx) => tx.select().from(quarterlySubmissions));
    expect(seen).toEqual([]);
    await expect(
      inScope(fx.database.db, other, (tx) =>
        tx.insert(quarterlySubmissions).values({
          regionCode: COUNTY,
          quarter: Q,
          action: 'return',
          reason: '越权',
          actorName: '外',
        }),
      ),
    ).rejects.toThrow();
  });
});

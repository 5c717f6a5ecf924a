/**
 * The deployment's head-count thresholds (rules.md §2 survey scope, §3 重点盯住), changed as the
 * settings page changes them: each moves exactly the figures it should, everywhere the figure
 * is shown (dashboard, statistics, ledger list, lagging list, work prompts), and
 * nothing else. A value off the employee band edges is answered from the facts, to the person.
 * The lagging gap and the quarterly due day (rules.md §9) likewise.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import type { DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import { quarterRange } from '../../domain/stats/quarter.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

let admin: TestClient;
let committee: TestClient;

beforeAll(async () => {
  admin = (await fx.clientAs({ roles: ['sysadmin'] })).client;
  committee = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  // Around the key-watch threshold: 60 and 150 without an org, 150 with one.
  await makeEnterprise(fx.database, { regionCode: '420502', employees: 60 });
  await makeEnterprise(fx.database, { regionCode: '420503', employees: 150 });
  const covered = await makeEnterprise(fx.database, {
    regionCode: '420502',
    employees: 150,
    memberCount: 3,
    fullMemberCount: 3,
  });
  await makeOrg(fx.database, [covered.id]);
  // Around the survey thresholds: enterprises of 9, 20 and 25; social organizations of 25 and 40.
  await makeEnterprise(fx.database, { regionCode: '420502', employees: 9 });
  await makeEnterprise(fx.database, { regionCode: '420503', employees: 20 });
  await makeEnterprise(fx.database, { regionCode: '420503', employees: 25 });
  await makeEnterprise(fx.database, { regionCode: '420502', kind: 'association', employees: 25 });
  await makeEnterprise(fx.database, { regionCode: '420503', kind: 'social_service', employees: 40 });
});

async function setCoverage(change: Partial<typeof DEFAULT_COVERAGE_SETTINGS>) {
  const current = (await admin.get('/api/settings/coverage')).body;
  const res = await admin.put('/api/settings/coverage', { ...current, ...change });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Every place 重点盯住 is counted or listed, as the committee of the city sees it. */
async function keyWatchEverywhere() {
  const stats = (await committee.get('/api/stats/coverage?region=420500&scope=all')).body;
  const dashboard = (await committee.get('/api/dashboard')).body;
  const list = (await committee.get('/api/enterprises?flag=key_watch&pageSize=1')).body;
  const asOf = (await committee.get('/api/stats/enterprises?region=420500&scope=all&flag=key_watch')).body;
  const lagging = (await committee.get('/api/reports/lagging?region=420500')).body;
  const prompts = (await committee.get('/api/prompts')).body;
  return {
    stats: stats.flags.key_watch,
    dashboard: dashboard.ledger.keyWatch,
    list: list.total,
    asOf: asOf.total,
    lagging: lagging.keyWatch.total,
    prompts: prompts.sections.find((s: { key: string }) => s.key === 'key_watch').total,
  };
}

/** The figures no head-count threshold may move. */
async function otherFigures(scope: 'all' | 'survey') {
  const { inScope, orgCovered, standalone, joint, categories, flags, workCovered } = (
    await committee.get(`/api/stats/coverage?region=420500&scope=${scope}`)
  ).body;
  return { inScope, orgCovered, standalone, joint, categories, needsInstructor: flags.needs_instructor, workCovered };
}

const all = (n: number) => ({ stats: n, dashboard: n, list: n, asOf: n, lagging: n, prompts: n });

describe('重点盯住 threshold (keyWatchEmployees)', () => {
  it('moves the key-watch count and list everywhere, to the person, and nothing else', async () => {
    expect(await keyWatchEverywhere()).toEqual(all(1));
    const others = await otherFigures('all');
    const survey = await otherFigures('survey');

    await setCoverage({ keyWatchEmployees: 50 });
    expect(await keyWatchEverywhere()).toEqual(all(2));
    // Off the band edges: answered from the facts, to the person (60 is in, 61 is not).
    await setCoverage({ keyWatchEmployees: 60 });
    expect(await keyWatchEverywhere()).toEqual(all(2));
    await setCoverage({ keyWatchEmployees: 61 });
    expect(await keyWatchEverywhere()).toEqual(all(1));
    await setCoverage({ keyWatchEmployees: 151 });
    expect(await keyWatchEverywhere()).toEqual(all(0));

    expect(await otherFigures('all')).toEqual(others);
    expect(await otherFigures('survey')).toEqual(survey);
    await setCoverage({ keyWatchEmployees: 100 });
    expect(await keyWatchEverywhere()).toEqual(all(1));
  });

  it('lists exactly the enterprises at or above it', async () => {
    await setCoverage({ keyWatchEmployees: 50 });
    const list = (await committee.get('/api/enterprises?flag=key_watch&pageSize=50')).body;
    expect(list.items.map((e: { employees: number }) => e.employees).sort()).toEqual([150, 60]);
    await setCoverage({ keyWatchEmployees: 100 });
  });
});

describe('survey thresholds (surveyMinEmployees, surveyMinSocialOrgStaff)', () => {
  /** The survey scope's denominator, and its list as long as the figure. */
  async function surveyInScope() {
    const stats = (await committee.get('/api/stats/coverage?region=420500&scope=survey')).body.inScope;
    const asOf = (await committee.get('/api/stats/enterprises?region=420500&scope=survey')).body.total;
    const list = (await committee.get('/api/enterprises?scope=survey&status=in_scope&pageSize=1')).body.total;
    const year = new Date().getFullYear();
    const annual = (await committee.get(`/api/reports/annual?region=420500&scope=survey&year=${year}`)).body;
    expect(asOf).toBe(stats);
    expect(list).toBe(stats);
    expect(annual.total.inScope).toBe(stats);
    return stats;
  }

  it('any whole number: 20 employees keeps the 20 and 25, 21 drops the 20; the all scope never moves', async () => {
    const all = await otherFigures('all');
    const keyWatch = await keyWatchEverywhere();
    // Defaults: enterprises of 10 or more (60, 150, 150, 20, 25), social organizations of 30 or more (40).
    expect(await surveyInScope()).toBe(6);
    await setCoverage({ surveyMinEmployees: 20 });
    expect(await surveyInScope()).toBe(6);
    await setCoverage({ surveyMinEmployees: 21 });
    expect(await surveyInScope()).toBe(5);
    await setCoverage({ surveyMinSocialOrgStaff: 25 });
    expect(await surveyInScope()).toBe(6);
    await setCoverage({ surveyMinSocialOrgStaff: 41 });
    expect(await surveyInScope()).toBe(4);
    expect(await otherFigures('all')).toEqual(all);
    expect(await keyWatchEverywhere()).toEqual(keyWatch);
    await setCoverage({ surveyMinEmployees: 10, surveyMinSocialOrgStaff: 30 });
    expect(await surveyInScope()).toBe(6);
  });
});

describe('lagging gap (laggingPoints) and quarterly due day (quarterlyDueDays)', () => {
  /** Each child region's lagging reasons, and the quarterly report the report checks. */
  async function lagging() {
    const body = (await committee.get('/api/reports/lagging?region=420500')).body;
    const reasons = Object.fromEntries(
      body.children.map((c: { region: string; reasons: { code: string }[] }) => [
        c.region,
        c.reasons.map((r) => r.code),
      ]),
    );
    return { reasons, quarterly: body.quarterly, keyWatch: body.keyWatch.total, shouldForm: body.shouldForm.total };
  }

  it('a gap of 13 points no longer flags 伍家岗 (0 % under the city’s 12.5 %); nothing else moves', async () => {
    const before = await lagging();
    expect(before.reasons['420503']).toContain('below_parent');
    expect(before.reasons['420502']).not.toContain('below_parent');
    await setCoverage({ laggingPoints: 13 });
    const after = await lagging();
    expect(after.reasons['420503']).toEqual(before.reasons['420503'].filter((c: string) => c !== 'below_parent'));
    expect({ ...after.reasons, '420503': null }).toEqual({ ...before.reasons, '420503': null });
    expect({ ...after, reasons: null }).toEqual({ ...before, reasons: null });
    await setCoverage({ laggingPoints: 12 });
    expect((await lagging()).reasons['420503']).toContain('below_parent');
    await setCoverage({ laggingPoints: 10 });
  });

  it('the quarterly report is due the set number of days after its quarter ends', async () => {
    for (const days of [10, 25, 0]) {
      await setCoverage({ quarterlyDueDays: days });
      const { quarterly } = await lagging();
      expect(quarterly.dueOn).toBe(addDays(quarterRange(quarterly.quarter).to, days));
    }
    await setCoverage({ quarterlyDueDays: 10 });
  });
});

describe('the statistics settings themselves', () => {
  it('refuses a value out of range with the field named in Chinese, and changes nothing', async () => {
    const before = (await admin.get('/api/settings/coverage')).body;
    for (const [field, value, words] of [
      ['keyWatchEmployees', 5, '重点盯住从业人员门槛至少为 10'],
      ['keyWatchEmployees', 12.5, '重点盯住从业人员门槛须为整数'],
      ['surveyMinEmployees', 0, '调查口径企业从业人员门槛至少为 1'],
      ['surveyMinSocialOrgStaff', 1001, '调查口径社会组织从业人员门槛最多为 1000'],
      ['quarterlyDueDays', 91, '季报报送期限最多为 90'],
    ] as const) {
      const res = await admin.put('/api/settings/coverage', { ...before, [field]: value });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(words);
    }
    expect((await admin.get('/api/settings/coverage')).body).toEqual(before);
  });

  it('is the system administrator’s: a committee cannot change it; every change is audited', async () => {
    const before = (await admin.get('/api/settings/coverage')).body;
    expect((await committee.put('/api/settings/coverage', { ...before, keyWatchEmployees: 50 })).status).toBe(403);
    expect((await admin.get('/api/settings/coverage')).body).toEqual(before);
    await setCoverage({ keyWatchEmployees: 80 });
    const [row] = await fx.rows<{
      diff: { before: { keyWatchEmployees: number }; after: { keyWatchEmployees: number } };
    }>(
      sql`select diff from audit_log where action = 'settings.coverage' and diff is not null order by seq desc limit 1`,
    );
    expect(row?.diff.before.keyWatchEmployees).toBe(before.keyWatchEmployees);
    expect(row?.diff.after.keyWatchEmployees).toBe(80);
    await setCoverage({ keyWatchEmployees: 100 });
  });
});

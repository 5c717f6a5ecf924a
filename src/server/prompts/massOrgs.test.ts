// 群团组织先行 (issue #13 item 7, document 001): enterprises with no org but a union or league
// are counted (annual table, dashboard, ledger list), and no-member enterprises of 50+
// employees with neither are prompted.
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { MASS_ORG_PROMPT_MIN_EMPLOYEES } from '../../domain/enterprise/categories.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';

const fx = await fileFixture();
const today = localDateString(new Date());
const year = Number(today.slice(0, 4));

let committee: Logged;
let wuhan: Logged;
const ids: Record<string, number> = {};
beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
  const make = async (key: string, values: Parameters<typeof makeEnterprise>[1]) => {
    ids[key] = (await makeEnterprise(fx.database, { name: `${key}有限公司`, foundedOn: '2015-01-01', ...values })).id;
  };
  const big = MASS_ORG_PROMPT_MIN_EMPLOYEES;
  // Counted as 未建 with a union or league (no member, members below 3, should form).
  await make('有工会无党员', { employees: 80, hasUnion: true, hasLeague: false });
  await make('有团组织有党员', { employees: 30, memberCount: 1, fullMemberCount: 1, hasLeague: true });
  await make('有工会应建', { employees: 40, memberCount: 3, fullMemberCount: 3, hasUnion: true, hasLeague: true });
  // Covered by an org: not counted although it has a union.
  await make('已建有工会', { employees: 60, hasUnion: true });
  await makeOrg(fx.database, [ids.已建有工会 as number], { establishedOn: '2024-01-01' });
  // Prompted: no members, at the threshold, neither (unknown counts as neither).
  await make('门槛企业', { employees: big, hasUnion: false, hasLeague: false });
  await make('未登记企业', { employees: big + 100, hasUnion: null, hasLeague: null });
  // Not prompted: below the threshold, has members, has a league (counted above: 4 in all), closed, out of scope.
  await make('小企业', { employees: big - 1 });
  await make('有党员企业', { employees: 200, memberCount: 1, fullMemberCount: 0 });
  await make('有团组织企业', { employees: 200, hasLeague: true });
  await make('注销企业', { employees: 200, registrationStatus: 'revoked' });
  await make('武汉企业', { employees: 200, regionCode: '420102' });
});

describe('enterprises with no org but a union or league', () => {
  it('are an of-which of 未建 in the annual table, and the partition still adds up', async () => {
    const res = await committee.client.get(`/api/reports/annual?region=420500&year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const row of [res.body.total, ...res.body.rows]) {
      const uncovered = row.shouldForm + row.jointCandidate + row.noMember;
      expect(row.standalone + row.joint + uncovered).toBe(row.inScope);
      expect(row.massOrgOnly).toBeLessThanOrEqual(uncovered);
    }
    expect(res.body.total.massOrgOnly).toBe(4);
    expect(res.body.rows.find((r: { region: string }) => r.region === '420502').massOrgOnly).toBe(4);
    const xlsx = await committee.client.get(`/api/reports/annual.xlsx?region=420500&year=${year}`);
    expect(xlsx.status).toBe(200);
  });

  it('are a dashboard figure equal to the ledger list it opens', async () => {
    const dash = await committee.client.get('/api/dashboard?region=420500');
    expect(dash.status, JSON.stringify(dash.body)).toBe(200);
    expect(dash.body.massOrgOnly).toBe(4);
    const list = await committee.client.get('/api/enterprises?region=420500&flag=mass_org_only&pageSize=50');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.total).toBe(4);
    // A past date has no such figure: whether an enterprise has a union is not kept with history.
    const past = await committee.client.get(`/api/dashboard?region=420500&date=${year - 1}-06-30`);
    expect(past.body.massOrgOnly).toBeNull();
    // Another region's committee sees none of them.
    expect((await wuhan.client.get('/api/dashboard?region=420100')).body.massOrgOnly).toBe(0);
  });
});

describe('the 先建群团组织 prompt', () => {
  it(`lists in-scope no-member enterprises of ${MASS_ORG_PROMPT_MIN_EMPLOYEES}+ employees with neither, largest first`, async () => {
    const res = await committee.client.get('/api/prompts');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const section = res.body.sections.find((s: { key: string }) => s.key === 'mass_org');
    expect(section.items.map((i: { title: string }) => i.title)).toEqual(['未登记企业有限公司', '门槛企业有限公司']);
    expect(section.total).toBe(2);
    expect(section.items[0]).toMatchObject({ level: 'info', link: { type: 'enterprise', id: ids.未登记企业 } });
    expect(section.items[0].message).toContain(`${MASS_ORG_PROMPT_MIN_EMPLOYEES + 100} 人`);
    // The section's list is the ledger list of exactly those enterprises.
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(section.listFilter as Record<string, string[]>))
      for (const x of v) query.append(k, x);
    const list = await committee.client.get(`/api/enterprises?${query}`);
    expect(list.body.total).toBe(2);
  });

  it('goes once the union is recorded on the enterprise', async () => {
    const res = await committee.client.patch(`/api/enterprises/${ids.门槛企业}`, { hasUnion: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const prompts = await committee.client.get('/api/prompts');
    const section = prompts.body.sections.find((s: { key: string }) => s.key === 'mass_org');
    expect(section.total).toBe(1);
    expect((await committee.client.get('/api/dashboard?region=420500')).body.massOrgOnly).toBe(5);
  });
});

/**
 * The org rules a committee sets for its region (rules.md §3 三同步 grace, §4 joint-branch unit
 * limit, §5 re-election prompts): each moves exactly the prompts it should — on the org's page,
 * the org list and the work prompts — in the region that set it and the regions below it that
 * have none of their own, and never in a sibling region.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { DEFAULT_ORG_RULE_SETTINGS } from './orgRules.ts';

const fx = await fileFixture();

const today = localDateString(new Date());
const COUNTY = '420502';
const SIBLING = '420503';
const clients = new Map<string, TestClient>();
const as = (code: string) => clients.get(code) as TestClient;
/** Per county: a joint org of 6 units, whose term ends in 2 months, and a restructured enterprise. */
const orgOf = new Map<string, number>();
const restructuredOf = new Map<string, number>();

async function county(regionCode: string) {
  const units = [];
  for (let i = 0; i < 6; i++) units.push((await makeEnterprise(fx.database, { regionCode })).id);
  const org = await makeOrg(fx.database, units, { regionCode });
  const endsOn = addMonths(today, 2);
  await fx.rows(sql`insert into org_elections (org_id, elected_on, term_years, ends_on)
                    values (${org.id}, ${addMonths(endsOn, -36)}, 3, ${endsOn})`);
  orgOf.set(regionCode, org.id);
  const restructured = await makeEnterprise(fx.database, { regionCode, kind: 'private' });
  await fx.rows(
    sql`insert into restructurings (enterprise_id, restructured_on) values (${restructured.id}, ${addDays(today, -40)})`,
  );
  restructuredOf.set(regionCode, restructured.id);
}

beforeAll(async () => {
  for (const code of ['420500', COUNTY, SIBLING]) {
    clients.set(code, (await fx.clientAs({ roles: ['committee'], regionCode: code })).client);
  }
  await county(COUNTY);
  await county(SIBLING);
});

async function setRules(code: string, change: Partial<typeof DEFAULT_ORG_RULE_SETTINGS>) {
  const current = (await as(code).get('/api/settings/org-rules')).body;
  const res = await as(code).put('/api/settings/org-rules', { ...current, ...change });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The finding codes of each county's org on its page and in the list, as the city sees them. */
async function findings() {
  const out: Record<string, string[]> = {};
  const list = (await as('420500').get('/api/orgs?pageSize=100')).body.items as {
    id: number;
    findings: { code: string }[];
  }[];
  for (const code of [COUNTY, SIBLING]) {
    const id = orgOf.get(code);
    const page = (await as('420500').get(`/api/orgs/${id}`)).body.findings.map((f: { code: string }) => f.code).sort();
    const inList = list
      .find((o) => o.id === id)
      ?.findings.map((f) => f.code)
      .sort();
    expect(inList).toEqual(page);
    out[code] = page;
  }
  return out;
}

/** The city's work prompts: how many in each section these rules feed. */
async function prompts() {
  const { sections } = (await as('420500').get('/api/prompts')).body as { sections: { key: string; total: number }[] };
  const total = (key: string) => sections.find((s) => s.key === key)?.total;
  return { reelection: total('reelection'), orgRules: total('org_rules'), restructuring: total('restructuring') };
}

describe('joint-branch unit limit (jointMaxUnits)', () => {
  it('a county allowing 10 units drops its own warning only; the prompts fall by exactly one', async () => {
    const before = await findings();
    expect(before[COUNTY]).toContain('over_unit_limit');
    expect(before[SIBLING]).toContain('over_unit_limit');
    const p = await prompts();

    await setRules(COUNTY, { jointMaxUnits: 10 });
    const after = await findings();
    expect(after[COUNTY]).toEqual(before[COUNTY]?.filter((c) => c !== 'over_unit_limit'));
    expect(after[SIBLING]).toEqual(before[SIBLING]);
    expect(await prompts()).toEqual({ ...p, orgRules: (p.orgRules as number) - 1 });

    // 6 units against a limit of 6 is not over it.
    await setRules(COUNTY, { jointMaxUnits: 6 });
    expect((await findings())[COUNTY]).not.toContain('over_unit_limit');
    await setRules(COUNTY, { jointMaxUnits: 5 });
    expect(await findings()).toEqual(before);
    expect(await prompts()).toEqual(p);
  });
});

describe('re-election prompts (electionReminderMonths)', () => {
  it('prompting only a month ahead silences a term ending in 2 months, in that county only', async () => {
    const before = await findings();
    expect(before[COUNTY]).toContain('reelection_due');
    const p = await prompts();

    await setRules(COUNTY, { electionReminderMonths: [1] });
    const after = await findings();
    expect(after[COUNTY]).toEqual(before[COUNTY]?.filter((c) => c !== 'reelection_due'));
    expect(after[SIBLING]).toEqual(before[SIBLING]);
    expect(await prompts()).toEqual({ ...p, reelection: (p.reelection as number) - 1 });

    // The city's choice reaches the sibling (no rules of its own), not the county (its own).
    await setRules('420500', { electionReminderMonths: [1] });
    expect((await findings())[SIBLING]).not.toContain('reelection_due');
    await setRules(COUNTY, { electionReminderMonths: [12, 6] });
    expect((await findings())[COUNTY]).toContain('reelection_due');
    expect((await findings())[SIBLING]).not.toContain('reelection_due');
    await setRules('420500', { electionReminderMonths: [6, 3, 1] });
    await setRules(COUNTY, { electionReminderMonths: [6, 3, 1] });
    expect(await findings()).toEqual(before);
  });
});

describe('三同步 grace (restructuringGraceDays)', () => {
  const checklist = async (code: string) =>
    (await as('420500').get(`/api/enterprises/${restructuredOf.get(code)}/restructuring`)).body;

  it('60 days in a county clears its 40-day-old items; the sibling keeps its three', async () => {
    expect((await checklist(COUNTY)).prompts).toHaveLength(3);
    const p = await prompts();
    const before = await findings();

    await setRules(COUNTY, { restructuringGraceDays: 60 });
    expect(await checklist(COUNTY)).toMatchObject({ prompts: [], graceDays: 60 });
    expect(await checklist(SIBLING)).toMatchObject({ graceDays: 30 });
    expect((await checklist(SIBLING)).prompts).toHaveLength(3);
    expect(await prompts()).toEqual({ ...p, restructuring: (p.restructuring as number) - 3 });
    expect(await findings()).toEqual(before);

    // The last day of grace is not late: 40 days is late only from a grace of 39.
    await setRules(COUNTY, { restructuringGraceDays: 40 });
    expect((await checklist(COUNTY)).prompts).toHaveLength(0);
    await setRules(COUNTY, { restructuringGraceDays: 39 });
    expect((await checklist(COUNTY)).prompts).toHaveLength(3);
    await setRules(COUNTY, { restructuringGraceDays: 30 });
    expect(await prompts()).toEqual(p);
  });
});

describe('the org rules themselves', () => {
  it('refuses bad values with the field named in Chinese, and changes nothing', async () => {
    const before = (await as(COUNTY).get('/api/settings/org-rules')).body;
    for (const [change, words] of [
      [{ jointMaxUnits: 1 }, '联合党组织覆盖单位上限至少为 2'],
      [{ jointMaxUnits: 5.5 }, '联合党组织覆盖单位上限须为整数'],
      [{ electionReminderMonths: [] }, '换届提示至少选择 1 个时点'],
      [{ electionReminderMonths: [3, 3] }, '换届提示月数不能重复'],
      [{ electionReminderMonths: [13] }, '换届提示月数最多为 12'],
      [{ restructuringGraceDays: 0 }, '三同步落实期限至少为 1'],
    ] as const) {
      const res = await as(COUNTY).put('/api/settings/org-rules', { ...before, ...change });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(words);
    }
    expect((await as(COUNTY).get('/api/settings/org-rules')).body).toEqual(before);
  });

  it('keeps the months latest first, is the committee’s (not a leader’s or the administrator’s), and is audited', async () => {
    await setRules(COUNTY, { electionReminderMonths: [1, 6] });
    expect((await as(COUNTY).get('/api/settings/org-rules')).body.electionReminderMonths).toEqual([6, 1]);
    const leader = (await fx.clientAs({ roles: ['leader'], regionCode: COUNTY })).client;
    const admin = (await fx.clientAs({ roles: ['sysadmin'] })).client;
    const body = { ...DEFAULT_ORG_RULE_SETTINGS, jointMaxUnits: 9 };
    expect((await leader.get('/api/settings/org-rules')).body.electionReminderMonths).toEqual([6, 1]);
    expect((await leader.put('/api/settings/org-rules', body)).status).toBe(403);
    expect((await admin.put('/api/settings/org-rules', body)).status).toBe(403);
    const [row] = await fx.rows<{ entity_id: string; diff: { after: { electionReminderMonths: number[] } } }>(
      sql`select entity_id, diff from audit_log where action = 'settings.org_rules' and diff is not null order by seq desc limit 1`,
    );
    expect(row).toMatchObject({
      entity_id: `org_rules:${COUNTY}`,
      diff: { after: { electionReminderMonths: [6, 1] } },
    });
    await setRules(COUNTY, DEFAULT_ORG_RULE_SETTINGS);
  });
});

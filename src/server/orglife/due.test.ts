// The frequencies of rules.md §10 as prompts, in SQL over the orgs at once: each rule at the
// edges of its periods, the committee meeting from 7 full members, one group meeting per party
// group, an org asked only for periods it existed from the start of, and configured values.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { dueMeetings } from './due.ts';
import { DEFAULT_ORGLIFE_SETTINGS, type OrglifeSettings } from './settings.ts';

const fx = await fileFixture();

async function org(values: Record<string, unknown> = {}) {
  const e = await makeEnterprise(fx.database, { regionCode: '420502' });
  return (await makeOrg(fx.database, [e.id], { establishedOn: '2020-01-01', ...values })).id;
}

const hold = (orgId: number, kind: string, heldOn: string, groupId: number | null = null) =>
  fx.rows(sql`insert into meetings (org_id, kind, party_group_id, held_on, topic)
    values (${orgId}, ${kind}, ${groupId}, ${heldOn}, '测试')`);

async function due(orgIds: number[], today: string, settings: OrglifeSettings = DEFAULT_ORGLIFE_SETTINGS) {
  const where = sql`o.id = any(${`{${orgIds.join(',')}}`}::int[])`;
  const { total, items } = await inScope(fx.database.db, localOperator(), (tx) =>
    dueMeetings(tx, where, settings, today, 1000),
  );
  expect(total).toBe(items.length);
  return items.map((i) => `${i.kind}${i.partyGroupName ? `:${i.partyGroupName}` : ''} ${i.level} ${i.start}`).sort();
}

let small: number;
let seven: number;
let fresh: number;
let committee: number;

beforeAll(async () => {
  small = await org({ reportedFullCount: 6 });
  seven = await org({ reportedFullCount: 7 });
  fresh = await org({ establishedOn: '2026-03-15', reportedFullCount: 3 });
  committee = await org({ type: 'committee', reportedFullCount: 60 });
});

describe('what is due on the first day of a quarter', () => {
  it('asks every branch for each kind, overdue for the last period and due for this one; no committee meeting below 7 full members', async () => {
    expect(await due([small], '2026-04-01')).toEqual([
      'general_meeting due 2026-04-01',
      'general_meeting overdue 2026-01-01',
      'life_meeting due 2026-01-01',
      'life_meeting overdue 2025-01-01',
      'member_review due 2026-01-01',
      'member_review overdue 2025-01-01',
      'party_lecture due 2026-04-01',
      'party_lecture overdue 2026-01-01',
      'theme_day due 2026-04-01',
      'theme_day overdue 2026-03-01',
    ]);
    const withCommittee = await due([seven], '2026-04-01');
    expect(withCommittee).toContain('committee_meeting overdue 2026-03-01');
    expect(withCommittee).toContain('committee_meeting due 2026-04-01');
    // A primary committee holds no branch general meeting; it always has a committee.
    const primary = await due([committee], '2026-04-01');
    expect(primary.filter((i) => i.startsWith('general_meeting'))).toEqual([]);
    expect(primary).toContain('committee_meeting due 2026-04-01');
  });

  it('counts a meeting on the last day of a period for that period, and on the first day for the next only', async () => {
    await hold(small, 'theme_day', '2026-03-31');
    await hold(small, 'general_meeting', '2026-04-01');
    await hold(small, 'life_meeting', '2025-12-31');
    const items = await due([small], '2026-04-01');
    expect(items).not.toContain('theme_day overdue 2026-03-01');
    expect(items).toContain('theme_day due 2026-04-01');
    expect(items).not.toContain('general_meeting due 2026-04-01');
    expect(items).toContain('general_meeting overdue 2026-01-01');
    expect(items).not.toContain('life_meeting overdue 2025-01-01');
    // On the quarter's last day the general meeting of its first day still counts.
    expect(await due([small], '2026-06-30')).not.toContain('general_meeting due 2026-04-01');
    // A day into the next quarter, the quarter held is no longer asked; the new one is due.
    const july = await due([small], '2026-07-01');
    expect(july).toContain('general_meeting due 2026-07-01');
    expect(july.filter((i) => i.startsWith('general_meeting overdue'))).toEqual([]);
  });

  it('asks an org only for the periods it existed from the start of', async () => {
    const items = await due([fresh], '2026-04-01');
    expect(items).toContain('theme_day due 2026-04-01');
    expect(items.filter((i) => i.includes('overdue'))).toEqual([]);
    expect(items.filter((i) => i.startsWith('life_meeting'))).toEqual([]);
  });

  it('asks each party group for its own group meeting', async () => {
    const [g1] = await fx.rows<{ id: number }>(
      sql`insert into party_groups (org_id, name, created_at) values (${small}, '一组', '2025-01-01') returning id`,
    );
    await fx.rows(sql`insert into party_groups (org_id, name, created_at) values (${small}, '二组', '2025-01-01')`);
    await hold(small, 'group_meeting', '2026-03-10', g1.id);
    const items = (await due([small], '2026-04-01')).filter((i) => i.startsWith('group_meeting'));
    expect(items).toEqual([
      'group_meeting:一组 due 2026-04-01',
      'group_meeting:二组 due 2026-04-01',
      'group_meeting:二组 overdue 2026-03-01',
    ]);
  });
});

describe('a committee judged from the roster in the period, not today', () => {
  it('the 支委会 is asked for a month only when 7 full members were on the roster on its first day', async () => {
    const grown = await org({ reportedFullCount: 0 });
    // Six full all along; the seventh full from 2026-03-01 (the first day of March counts).
    const add = (n: number, fullOn: string, leftOn: string | null) =>
      fx.rows(sql`insert into members (name, id_number, id_number_hash, birth_date, sex, status, joined_on, full_on, left_on, org_id)
        values (${`支委${grown}-${n}`}, 'v1:x', ${`h-cm-${grown}-${n}`}, '1980-01-01', 'male', 'full', '2019-01-01',
          ${fullOn}, ${leftOn}, ${grown})`);
    for (let n = 0; n < 6; n++) await add(n, '2020-01-01', null);
    await add(6, '2026-03-01', null);
    const committeeMonths = async (today: string) =>
      (await due([grown], today)).filter((i) => i.startsWith('committee_meeting'));
    // On 2026-03-02: February (6 full on 1 Feb) is not asked; March (7 on 1 Mar) is.
    expect(await committeeMonths('2026-03-02')).toEqual(['committee_meeting due 2026-03-01']);
    // On 2026-02-02, judged by today's roster it would be asked; by February's it is not.
    expect(await committeeMonths('2026-02-02')).toEqual([]);
  });
});

describe('configured frequencies', () => {
  it('follows the deployment’s values: none asks nothing, monthly general meetings are asked monthly', async () => {
    const settings: OrglifeSettings = {
      ...DEFAULT_ORGLIFE_SETTINGS,
      theme_day: 'none',
      general_meeting: 'month',
      life_meeting: 'half_year',
    };
    const items = await due([seven], '2026-08-15', settings);
    expect(items.filter((i) => i.startsWith('theme_day'))).toEqual([]);
    expect(items).toContain('general_meeting overdue 2026-07-01');
    expect(items).toContain('general_meeting due 2026-08-01');
    expect(items).toContain('life_meeting overdue 2026-01-01');
    expect(items).toContain('life_meeting due 2026-07-01');
  });
});

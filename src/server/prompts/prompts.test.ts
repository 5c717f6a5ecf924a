import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();

type Section = {
  key: string;
  total: number;
  items: { title: string; level: string; link: { type: string; id: number } }[];
  listFilter?: Record<string, string[]>;
};
let committee: Logged;
let sections: Map<string, Section>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  ids.shouldForm = (await makeEnterprise(fx.database, { name: '应建企业', memberCount: 5, fullMemberCount: 4 })).id;
  ids.keyWatch = (await makeEnterprise(fx.database, { name: '大型企业', employees: 300 })).id;
  ids.candidate = (
    await makeEnterprise(fx.database, { name: '两名党员企业', memberCount: 2, fullMemberCount: 2, cluster: '高新园' })
  ).id;
  ids.closed = (
    await makeEnterprise(fx.database, {
      name: '已注销企业',
      memberCount: 5,
      fullMemberCount: 5,
      registrationStatus: 'cancelled',
    })
  ).id;
  const org = await makeOrg(fx.database, [(await makeEnterprise(fx.database, { name: '有支部企业' })).id], {
    name: '逾期换届党支部',
    establishedOn: '2019-01-01',
  });
  ids.org = org.id;
  await committee.client.post(`/api/orgs/${org.id}/elections`, { electedOn: '2022-01-10' });
  await makeOrg(fx.database, [(await makeEnterprise(fx.database, { name: '大支部企业' })).id], {
    name: '六十人党支部',
    reportedFullCount: 60,
  });
  ids.restructured = (await makeEnterprise(fx.database, { name: '改制企业' })).id;
  await committee.client.put(`/api/enterprises/${ids.restructured}/restructuring`, {
    restructuredOn: '2025-01-01',
    plansSubmittedOn: '2024-12-20',
  });
  const res = await committee.client.get('/api/prompts');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  sections = new Map(res.body.sections.map((s: Section) => [s.key, s]));
});

const titles = (key: string) => sections.get(key)!.items.map((i) => i.title);

describe('work prompts', () => {
  it('lists should-form, key-watch and joint candidates in scope, never a closed enterprise', () => {
    expect(titles('should_form')).toEqual(['应建企业']);
    expect(titles('key_watch')).toEqual(['大型企业']);
    expect(titles('joint_candidate')).toEqual(['两名党员企业']);
    expect(JSON.stringify([...sections.values()])).not.toContain('已注销企业');
  });

  it('each enterprise count equals the size of the ledger list it opens', async () => {
    for (const key of ['should_form', 'key_watch', 'joint_candidate']) {
      const s = sections.get(key)!;
      const query = new URLSearchParams();
      for (const [k, values] of Object.entries(s.listFilter!)) for (const v of values) query.append(k, v);
      const list = await committee.client.get(`/api/enterprises?${query}`);
      expect([key, list.body.total]).toEqual([key, s.total]);
    }
  });

  it('an overdue re-election links to the org', () => {
    const item = sections.get('reelection')!.items.find((i) => i.title === '逾期换届党支部')!;
    expect(item).toMatchObject({ level: 'overdue', link: { type: 'org', id: ids.org } });
  });

  it('formation rules: a branch of 60 is over size, may become a general branch, and needs a committee', () => {
    const items = sections.get('org_rules')!.items.filter((i) => i.title === '六十人党支部');
    expect(items.map((i) => i.level).sort()).toEqual(['info', 'warning', 'warning']);
    expect(items.map((i) => (i as { message?: string }).message).join('\n')).toMatch(/可以成立党总支/);
  });

  it('answers in the UI language: English messages to a client asking for en-US, Chinese by default', async () => {
    const res = await committee.client.get('/api/prompts', { lang: 'en-US' });
    const english = new Map<string, Section>(res.body.sections.map((s: Section) => [s.key, s]));
    const messages = (m: Map<string, Section>, key: string) =>
      m.get(key)!.items.map((i) => (i as { message?: string }).message ?? '');
    expect(messages(english, 'org_rules').join('\n')).toMatch(/general branch may be set up/);
    expect(messages(english, 'should_form')[0]).toMatch(/full members: should set up its own party organization/);
    expect(messages(english, 'restructuring')[0]).toMatch(/^More than 30 days since the restructuring/);
    for (const key of ['org_rules', 'should_form', 'reelection', 'restructuring']) {
      for (const m of messages(english, key)) expect(m).not.toMatch(/[\u4e00-\u9fff]{2}/);
    }
    // The items are the same; only their words differ.
    expect(english.get('org_rules')!.items.map((i) => i.title)).toEqual(titles('org_rules'));
    expect(messages(sections, 'should_form')[0]).toMatch(/应单独建立党组织/);
  });

  it('三同步 items missing after 30 days, and only those', () => {
    expect(sections.get('restructuring')!.items.map((i) => i.title)).toEqual(['改制企业', '改制企业']);
  });

  it('another region sees none of it, and asking changes nothing', async () => {
    const wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
    await expectUnchanged(fx.database.db, [wuhan.user.id], async () => {
      const res = await wuhan.client.get('/api/prompts');
      for (const s of res.body.sections) expect([s.key, s.total]).toEqual([s.key, 0]);
    });
  });

  it('a restructuring outside the scope is 404 and nothing is written', async () => {
    const wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
    await expectUnchanged(fx.database.db, [wuhan.user.id], async () => {
      const res = await wuhan.client.put(`/api/enterprises/${ids.keyWatch}/restructuring`, {
        restructuredOn: '2025-01-01',
      });
      expect(res.status).toBe(404);
    });
    const rows = await fx.rows(sql`select * from restructurings where enterprise_id = ${ids.keyWatch}`);
    expect(rows).toEqual([]);
  });
});

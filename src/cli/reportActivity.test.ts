import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_COUNT_KEYS, ORGLIFE_COUNT_KEYS } from '../domain/reports/activityForms.ts';
import { TRAINING_COUNT_KEYS } from '../domain/reports/trainingForm.ts';
import { runCli } from '../server/testing/cli.ts';
import { seededDataDir } from './dataDir.testing.ts';

// Two branches, one in 伍家岗区 and one in 点军区, each with a 2025 支部党员大会 and a proposal.
const dir = seededDataDir(async (db) => {
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count)
    values ('T00000000000000001', '企业甲', 'private', '420503', 10, 0, 0),
           ('T00000000000000002', '企业乙', 'private', '420504', 10, 0, 0)`);
  await db.execute(sql`
    insert into party_orgs (name, region_code, type, formation, established_on)
    select e.name || '党支部', e.region_code, 'branch', 'standalone', '2020-01-01' from enterprises e`);
  await db.execute(sql`
    insert into meetings (org_id, kind, held_on, topic) select id, 'general_meeting', '2025-03-01', '会议' from party_orgs`);
  await db.execute(sql`
    insert into achievements (org_id, enterprise_id, kind, on_date, content, adopted)
    select o.id, e.id, 'proposal', '2025-04-01', '建议', o.region_code = '420503'
    from party_orgs o join enterprises e on e.name || '党支部' = o.name`);
  // A class in each district in 2025; one member present at 伍家岗区's, for 16 hours.
  await db.execute(sql`
    insert into members (org_id, name, id_number, id_number_hash, birth_date, sex, status, joined_on)
    select id, '党员甲', 'placeholder-cli-1', 'cli-training-1', '1990-01-01', 'female', 'probationary', '2018-01-01'
    from party_orgs where region_code = '420503'`);
  await db.execute(sql`
    insert into training_classes (region_code, kind, title, organiser, starts_on, ends_on, hours)
    values ('420503', 'member', '党员集中轮训', '区委组织部', '2025-03-01', '2025-03-02', 16),
           ('420504', 'secretary', '书记培训班', '区委组织部', '2025-04-01', '2025-04-01', 8)`);
  await db.execute(sql`
    insert into training_attendance (class_id, member_id, present)
    select c.id, m.id, true from training_classes c, members m where c.region_code = '420503'`);
});

describe('dangjian report orglife|achievements|training', () => {
  for (const [name, keys, figures] of [
    ['orglife', ORGLIFE_COUNT_KEYS, { orgs: 2, generalMeetings: 2 }],
    ['achievements', ACHIEVEMENT_COUNT_KEYS, { proposals: 2, proposalsAdopted: 1 }],
    [
      'training',
      TRAINING_COUNT_KEYS,
      { classes: 2, attendances: 1, people: 1, hours: 16, assessed: 1, belowRequirement: 1 },
    ],
  ] as const) {
    it(`${name} --json prints region, year, one row per child region and their total`, async () => {
      const res = await runCli(['report', name, '--region', '420500', '--year', '2025', '--json'], dir());
      expect(res.code, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(out).toMatchObject({ region: '420500', year: 2025, total: figures });
      expect(out.rows.map((r: { region: string }) => r.region)).toContain('420503');
      for (const r of out.rows) for (const k of keys) expect(typeof r[k], k).toBe('number');
      for (const k of keys) {
        const sum = out.rows.reduce((s: number, r: Record<string, number>) => s + (r[k] as number), 0);
        expect(sum, k).toBeCloseTo(out.total[k], 6);
      }
    });
  }

  it('refuses an unknown region and asks for --out or --json', async () => {
    const res = await runCli(['report', 'orglife', '--region', '999999', '--year', '2025', '--json'], dir());
    expect(res.code).not.toBe(0);
    const neither = await runCli(['report', 'achievements', '--region', '420500', '--year', '2025'], dir());
    expect(neither.stderr).toContain('--out FILE.xlsx 或 --json');
  });
});

// The demo as a real county (issue #13): `dangjian demo` on a fresh database fills every figure
// of every report, every category of the annual table (which still partitions), every work
// prompt, and the instructors' derived outcomes — so a new user sees every screen with data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { ANNUAL_COUNT_KEYS, QUARTERLY_COUNT_KEYS } from '../../domain/reports/forms.ts';
import { quarterOf } from '../../domain/stats/quarter.ts';
import type { TestClient } from '../testing/client.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { runDemo } from './run.ts';

const REGION = '420506';
let fx: Fixture;
let client: TestClient;
let dataDir: string;
const lines: string[] = [];
const progress: { stage: string; done: number; total: number | null }[] = [];
const today = localDateString(new Date());

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-demo-test-'));
  fx = await makeFixture({ dataDir });
  await runDemo(
    fx,
    (l) => lines.push(l),
    { region: REGION, scale: 'county', seed: 7 },
    (stage, done, total) => progress.push({ stage, done, total }),
  );
  ({ client } = await fx.clientAs({ roles: ['committee'], regionCode: REGION }));
}, 600_000);
afterAll(async () => {
  await fx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const nonZero = (figures: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, (figures[k] as number) > 0]));
const all = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, true]));

describe('the demo county', () => {
  it('fills every column of the annual table, which partitions its enterprises', async () => {
    const res = await client.get(`/api/reports/annual?region=${REGION}&year=${today.slice(0, 4)}`);
    expect(res.status).toBe(200);
    const { total, rows } = res.body;
    expect(nonZero(total, ANNUAL_COUNT_KEYS)).toEqual(all(ANNUAL_COUNT_KEYS));
    for (const r of [total, ...rows]) {
      expect(r.standalone + r.joint + r.shouldForm + r.jointCandidate + r.noMember, r.name).toBe(r.inScope);
      expect(r.orgCovered).toBe(r.standalone + r.joint);
    }
  });

  it('fills every column of this quarter’s report', async () => {
    const res = await client.get(`/api/reports/quarterly?region=${REGION}&quarter=${quarterOf(today)}`);
    expect(res.status).toBe(200);
    expect(nonZero(res.body.total, QUARTERLY_COUNT_KEYS)).toEqual(all(QUARTERLY_COUNT_KEYS));
  });

  it('flags towns for each lagging reason and lists every kind of item to chase', async () => {
    const res = await client.get(`/api/reports/lagging?region=${REGION}`);
    expect(res.status).toBe(200);
    const r = res.body;
    const codes = new Set(r.regions.flatMap((c: { reasons: { code: string }[] }) => c.reasons.map((x) => x.code)));
    expect([...codes].sort()).toEqual(['below_parent', 'fell', 'missed_quarterly', 'overdue_reelection', 'weak_org']);
    for (const list of ['shouldForm', 'keyWatch', 'overdueReelections', 'overdueDevelopments']) {
      expect(r[list].total, list).toBeGreaterThan(0);
    }
  });

  it('has towns that submitted the quarterly report on time, late, not at all, and one returned and resubmitted', async () => {
    const lagging = (await client.get(`/api/reports/lagging?region=${REGION}`)).body;
    const { quarter } = lagging.quarterly;
    const status = (await client.get(`/api/reports/quarterly/submissions?region=${REGION}&quarter=${quarter}`)).body;
    const statuses = status.children.map((c: { status: string }) => c.status);
    expect(new Set(statuses)).toEqual(new Set(['on_time', 'late', 'overdue']));
    expect(status.children.filter((c: { resubmissions: number }) => c.resubmissions > 0)).toHaveLength(1);
    // Exactly the towns late or not at all missed the report; the others are told apart.
    const missed = lagging.children
      .filter((c: { reasons: { code: string }[] }) => c.reasons.some((r) => r.code === 'missed_quarterly'))
      .map((c: { region: string }) => c.region);
    expect(missed).toEqual(
      status.children
        .filter((c: { status: string }) => c.status !== 'on_time')
        .map((c: { region: string }) => c.region),
    );
    expect(lagging.children.some((c: { lagging: boolean }) => !c.lagging)).toBe(true);
  });

  it('has every work prompt', async () => {
    const res = await client.get('/api/prompts');
    expect(res.status).toBe(200);
    const empty = res.body.sections.filter((s: { total: number }) => s.total === 0).map((s: { key: string }) => s.key);
    expect(empty).toEqual([]);
  });

  it('has training classes with attendance, and members below this year’s hour requirement', async () => {
    const year = Number(today.slice(0, 4));
    const last = await client.get(`/api/reports/training?region=${REGION}&year=${year - 1}`);
    expect(last.status).toBe(200);
    expect(nonZero(last.body.total, ['classes', 'attendances', 'people', 'hours'])).toEqual(
      all(['classes', 'attendances', 'people', 'hours']),
    );
    const now = await client.get(`/api/reports/training?region=${REGION}&year=${year}`);
    expect(now.body.total.belowRequirement).toBeGreaterThan(0);
  });

  it('credits instructors with derived outcomes: activists, members developed, problems solved', async () => {
    const res = await client.get(`/api/reports/instructors?region=${REGION}&from=${addDays(today, -365)}&to=${today}`);
    expect(res.status).toBe(200);
    const keys = ['activists', 'members', 'problems', 'requestsResolved'];
    expect(nonZero(res.body.total, keys)).toEqual(all(keys));
  });

  it('has members working away in every case rules.md §7 tells apart', async () => {
    const total = async (filter: string) => {
      const res = await client.get(`/api/members?regionCode=${REGION}&${filter}&pageSize=1`);
      expect(res.status, filter).toBe(200);
      return res.body.total as number;
    };
    // Two members per case of demo/away.ts: five cases still away, one back home.
    expect(await total('away=true')).toBe(10);
    // Away 9 and 10 months; 2 months and exactly 6 months are not yet mobile.
    expect(await total('mobile=true')).toBe(4);
    // 10 months at a fixed place, and a move to a fixed place with no return.
    expect(await total('shouldTransfer=true')).toBe(4);
  });

  it('has an org tree, managing orgs, restructurings, transfers and two snapshots that differ', async () => {
    const [c] = await fx.rows<Record<string, number>>(sql`select
      (select count(*) from party_orgs where parent_id is not null)::int as children,
      (select count(*) from party_orgs where managing_org_id is not null)::int as managed,
      (select count(*) from restructurings)::int as restructurings,
      (select count(*) from member_transfers)::int as transfers,
      (select count(*) from member_transfers where received_on is not null)::int as received,
      (select count(*) from enterprises e where exists (select 1 from members m where m.employer_id = e.id)
         and e.member_count <> (select count(*) from members m where m.employer_id = e.id and m.left_on is null))::int as off`);
    expect(c).toMatchObject({ restructurings: 4, transfers: 4, received: 2, off: 0 });
    expect(c?.children).toBeGreaterThan(5);
    expect(c?.managed).toBeGreaterThan(3);
    const list = (await client.get('/api/snapshots')).body.items;
    expect(list).toHaveLength(2);
    const ids = list.map((s: { id: number }) => s.id).sort((a: number, b: number) => a - b);
    const cmp = await client.get(`/api/snapshots/compare?from=${ids[0]}&to=${ids[1]}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.totals.changed).toBeGreaterThan(0);
  });

  it('writes every new account’s one-time password to a 0600 file in the data directory, and prints none', async () => {
    const file = path.join(dataDir, 'demo-passwords.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const listed = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const accounts = await fx.rows<{ username: string }>(
      sql`select username from users where username ~ '^(gw1|gw2|ld|sj|zd)[0-9]+$' order by username`,
    );
    expect(accounts.length).toBeGreaterThan(3);
    expect(listed.map(([username]) => username).sort()).toEqual(accounts.map((a) => a.username));
    for (const [, password] of listed) {
      expect(password.length).toBeGreaterThan(8);
      expect(lines.join('\n')).not.toContain(password);
    }
    expect(lines).toContain(
      `一次性密码：本次新建的 ${listed.length} 个账户的一次性密码已写入 ${file}（仅文件所有者可读；首次登录须修改密码）`,
    );
  });

  it('names the instructor’s and the secretary’s accounts as their records do', async () => {
    const [zd] = await fx.rows<{ account: string; record: string }>(sql`
      select u.display_name as account, i.name as record from users u join instructors i on i.id = u.instructor_id
      where u.username = ${`zd${REGION}`}`);
    expect(zd?.account).toBe(zd?.record);
    const [sj] = await fx.rows<{ account: string; record: string }>(sql`
      select u.display_name as account, o.person_name as record from users u
      join org_officers o on o.org_id = u.org_id and o.post = 'secretary' and o.end_on is null
      where u.username = ${`sj${REGION}`}`);
    expect(sj?.account).toBe(sj?.record);
  });

  it('reports progress inside its stages: each rises to its total', () => {
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(
      expect.arrayContaining(['演示企业（读取并校验）', '演示党组织', '演示党员名册', '演示指导员']),
    );
    for (const stage of stages) {
      const seen = progress.filter((p) => p.stage === stage);
      const done = seen.map((p) => p.done);
      expect(done, stage).toEqual([...done].sort((a, b) => a - b));
      const last = seen.at(-1);
      expect(last?.total, stage).toBeGreaterThan(0);
      expect(last?.done, stage).toBe(last?.total);
    }
  });

  it('a second run adds nothing', async () => {
    const count = async () =>
      (
        await fx.rows<{ n: number }>(sql`select (select count(*) from party_orgs) + (select count(*) from developments)
        + (select count(*) from restructurings) + (select count(*) from snapshots)
        + (select count(*) from quarterly_submissions) as n`)
      )[0]?.n;
    const before = await count();
    const again: string[] = [];
    await runDemo(fx, (l) => again.push(l), { region: REGION, scale: 'county', seed: 7 });
    expect(await count()).toBe(before);
    // Not even the enterprise file again: its member counts would overwrite the rosters' counts.
    const [off] = await fx.rows<{ n: number }>(sql`select count(*)::int as n from enterprises e
      where exists (select 1 from members m where m.employer_id = e.id)
        and e.member_count <> (select count(*) from members m where m.employer_id = e.id and m.left_on is null)`);
    expect(off?.n).toBe(0);
    expect(again.some((l) => l.includes('演示组织体系：已存在'))).toBe(true);
    expect(again).toContain('一次性密码：本次没有新建账户');
  }, 300_000);
});

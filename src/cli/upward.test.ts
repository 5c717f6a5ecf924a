// Two deployments in one test (issue #17 item 5): a county (伍家岗区 420503) runs its own
// data directory and passes its reports up to its city (宜昌市 420500), by file and over HTTP.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ANNUAL_COUNT_KEYS } from '../domain/reports/forms.ts';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { queryRows } from '../server/db/rows.ts';
import { startServer } from '../server/serve.ts';
import { runCli, withDataDir } from '../server/testing/cli.ts';
import { freePort } from '../server/testing/processes.ts';
import { TEST_PROVINCES } from '../server/testing/template.ts';
import { seededDataDir } from './dataDir.testing.ts';

const serves = (code: string) => async (db: Db) => {
  await db.execute(sql`insert into settings (key, value)
    values ('deployment_region', ${JSON.stringify({ code, source: 'command', chosenBy: null, chosenAt: '2025-01-01T00:00:00Z' })}::jsonb)`);
};

/** `n` enterprises in the county's first town (or the county itself), `covered` of them with their own branch since 2020. */
async function ledger(db: Db, from: number, n: number, covered: number) {
  const [town] = await queryRows<{ code: string }>(
    db,
    sql`select code from regions where parent_code = '420503' order by code limit 1`,
  );
  const region = town?.code ?? '420503';
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count)
    select 'T' || lpad(i::text, 17, '0'), '县企业' || i, 'private', ${region}, 60, 0, 0
    from generate_series(${from}::int, ${from + n - 1}::int) i`);
  await db.execute(sql`
    insert into party_orgs (name, region_code, type, formation, established_on)
    select e.name || '党支部', e.region_code, 'branch', 'standalone', '2020-01-01'
    from enterprises e where e.name like '县企业%' and not exists (select 1 from party_orgs o where o.name = e.name || '党支部')
    order by e.id limit ${covered}::int`);
  await db.execute(sql`
    insert into org_coverages (org_id, enterprise_id, start_on)
    select o.id, e.id, '2020-01-01' from party_orgs o join enterprises e on e.name || '党支部' = o.name
    where not exists (select 1 from org_coverages c where c.org_id = o.id)`);
}

const county = seededDataDir(async (db) => {
  await serves('420503')(db);
  await ledger(db, 1, 40, 12);
});
const city = seededDataDir(serves('420500'));

async function ok(args: string[], dir: string) {
  const res = await runCli(args, dir);
  expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(0);
  return res;
}

async function refused(args: string[], dir: string, message: string) {
  const res = await runCli(args, dir);
  expect(res.code).toBe(1);
  expect(res.stderr).toContain(message);
}

const json = async (args: string[], dir: string) => JSON.parse((await ok(args, dir)).stdout);

async function events(dir: string): Promise<{ action: string; sequence: number | null }[]> {
  return withDataDir(dir, (db) =>
    queryRows<{ action: string; sequence: number | null }>(
      db,
      sql`select action, sequence from upward_package_events order by id`,
    ),
  );
}

/** The envelope with its payload rewritten by `change` (the signature kept). */
function tampered(file: string, out: string, change: (payload: Record<string, any>) => void) {
  const envelope = JSON.parse(fs.readFileSync(file, 'utf8'));
  const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  change(payload);
  envelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
  fs.writeFileSync(out, JSON.stringify(envelope));
}

describe('reports passed up between deployments', () => {
  it('a county submits by file, its city reads it in its annual table and 年报 27/30, refuses tampered and replayed packages, returns, and keeps the resubmission with history', async () => {
    const keyFile = path.join(county(), 'county.pem');
    await ok(['deployments', 'key', '--out', keyFile], county());
    // Not yet registered: refused, nothing kept.
    const first = path.join(county(), 'p1.json');
    await ok(['submit', '--year', '2025', '--out', first], county());
    await refused(['receive', first], city(), '未登记 伍家岗区（420503）下级系统的公钥');
    // Only a child of the city's own region can be registered.
    await refused(
      ['deployments', 'trust', '--region', '420100', '--key', keyFile],
      city(),
      '不是本系统所辖的下一级地区',
    );
    await ok(['deployments', 'trust', '--region', '420503', '--key', keyFile], city());
    const listed = await json(['deployments', 'list', '--period', '2025', '--json'], city());
    expect(listed.children).toMatchObject([{ region: '420503', status: 'none' }]);
    // 未报: the county's row is there with zeros.
    const before = await json(['report', 'annual', '--region', '420500', '--year', '2025', '--json'], city());
    expect(before.rows.find((r: { region: string }) => r.region === '420503')).toMatchObject({
      inScope: 0,
      remote: { status: 'none' },
    });

    await ok(['receive', first], city());
    const own = await json(['report', 'annual', '--region', '420503', '--year', '2025', '--json'], county());
    const ownNb27 = await json(['report', 'nb27', '--region', '420503', '--year', '2025', '--json'], county());
    const ownNb30 = await json(['report', 'nb30', '--region', '420503', '--year', '2025', '--json'], county());
    expect(own.total).toMatchObject({ inScope: 40, orgCovered: 12 });
    const annual = await json(['report', 'annual', '--region', '420500', '--year', '2025', '--json'], city());
    const row = annual.rows.find((r: { region: string }) => r.region === '420503');
    expect(row.remote).toMatchObject({ status: 'received', reason: null });
    for (const k of ANNUAL_COUNT_KEYS) {
      expect(row[k], k).toBe(own.total[k]);
      expect(annual.total[k], k).toBe(annual.rows.reduce((s: number, r: Record<string, number>) => s + r[k], 0));
    }
    const nb27 = await json(['report', 'nb27', '--region', '420500', '--year', '2025', '--json'], city());
    expect(nb27.rows.find((r: { region: string }) => r.region === '420503')).toEqual({
      region: '420503',
      ...ownNb27.total,
    });
    expect(nb27.total.A1).toBe(40);
    const nb30 = await json(['report', 'nb30', '--region', '420500', '--year', '2025', '--json'], city());
    expect(nb30.rows.find((r: { region: string }) => r.region === '420503')).toEqual({
      region: '420503',
      ...ownNb30.total,
    });
    // Drill-down: the county's own rows (its towns), as the county sees them.
    const drill = await json(['report', 'annual', '--region', '420503', '--year', '2025', '--json'], city());
    expect(drill.remote.status).toBe('received');
    expect(drill.rows.map((r: { region: string; inScope: number }) => [r.region, r.inScope])).toEqual(
      own.rows.map((r: { region: string; inScope: number }) => [r.region, r.inScope]),
    );

    // Hostile input: each refused in Chinese, nothing written.
    const kept = await events(city());
    const forged = path.join(county(), 'forged.json');
    tampered(first, forged, (p) => {
      p.reports.annual.total.inScope = 999;
    });
    await refused(['receive', forged], city(), '签名校验失败');
    const renamed = path.join(county(), 'renamed.json');
    tampered(first, renamed, (p) => {
      p.region = { code: '420504', name: '点军区' };
    });
    await refused(['receive', renamed], city(), '未登记 点军区（420504）');
    await refused(['receive', first], city(), '报送包已过时：序号 1 不大于已接收的 1');
    const junk = path.join(county(), 'junk.json');
    fs.writeFileSync(junk, '{"format": "dangjian-upward-package", ');
    await refused(['receive', junk], city(), '报送包不是有效的 JSON');
    fs.writeFileSync(junk, JSON.stringify({ ...JSON.parse(fs.readFileSync(first, 'utf8')), version: 9 }));
    await refused(['receive', junk], city(), '报送包版本不受支持');
    fs.writeFileSync(junk, 'x'.repeat(1024 * 1024 + 1));
    await refused(['receive', junk], city(), '报送包过大');
    expect(await events(city())).toEqual(kept);

    // A return, told to the county at its next exchange, then a resubmission with new figures.
    await ok(
      ['deployments', 'return', '--region', '420503', '--period', '2025', '--reason', '在岗职工数待核实'],
      city(),
    );
    await refused(
      ['deployments', 'return', '--region', '420503', '--period', '2025', '--reason', '再退'],
      city(),
      '已退回',
    );
    const returned = await json(['report', 'nb27', '--region', '420500', '--year', '2025', '--json'], city());
    expect(returned.total.A1).toBe(40);
    const status = await json(['deployments', 'list', '--period', '2025', '--json'], city());
    expect(status.children[0]).toMatchObject({ status: 'returned', returnReason: '在岗职工数待核实' });
    await withDataDir(county(), (db) => ledger(db, 41, 5, 0));
    const second = path.join(county(), 'p2.json');
    await ok(['submit', '--year', '2025', '--out', second], county());
    const got = await ok(['receive', second], city());
    expect(got.stdout).toContain('退回：在岗职工数待核实');
    const after = await json(['report', 'annual', '--region', '420500', '--year', '2025', '--json'], city());
    expect(after.rows.find((r: { region: string }) => r.region === '420503')).toMatchObject({
      inScope: 45,
      remote: { status: 'received' },
    });
    // The first package stays on record beside the second.
    expect((await events(city())).map((e) => [e.action, e.sequence])).toEqual([
      ['receive', 1],
      ['return', null],
      ['receive', 2],
    ]);
  }, 600_000);

  it('a county submits its quarterly report over HTTP to the city served in the test; a malformed body over HTTP is refused', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DANGJIAN_DATA_DIR: city(),
      DANGJIAN_PROVINCES: TEST_PROVINCES.join(','),
    };
    delete env.DATABASE_URL;
    const server = await startServer({ ...loadConfig(env), port }, () => {});
    try {
      await refused(['submit', '--quarter', '2026Q3', '--to', `http://example.org:${port}`], county(), '须为 https://');
      const res = await ok(['submit', '--quarter', '2026Q3', '--to', `http://127.0.0.1:${port}`], county());
      expect(res.stdout).toContain('上级系统已接收 伍家岗区 2026Q3 的报送包');
      // A forged body over HTTP: 403 with the reason, nothing kept.
      const forged = await fetch(`http://127.0.0.1:${port}/api/deployments/packages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': 't', cookie: 'dj_csrf=t' },
        body: '{"format":"dangjian-upward-package","version":1,"payload":"e30=","signature":"AA=="}',
      });
      expect(forged.status).toBe(400);
      expect((await forged.json()).error.message).toContain('报送包内容格式不符');
    } finally {
      await server.stop();
    }
    const q = await json(['report', 'quarterly', '--region', '420500', '--quarter', '2026Q3', '--json'], city());
    const own = await json(['report', 'quarterly', '--region', '420503', '--quarter', '2026Q3', '--json'], county());
    const row = q.rows.find((r: { region: string }) => r.region === '420503');
    expect(row).toMatchObject({
      inScope: own.total.inScope,
      orgCovered: own.total.orgCovered,
      remote: { status: 'received' },
    });
  }, 600_000);
});

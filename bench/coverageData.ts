/**
 * The records behind the coverage figures, for the dashboard and annual benchmarks: the
 * ledger of loadLedger (whose statement-level triggers keep enterprise_states and
 * ledger_counts during the one big insert), then party organizations and coverages that
 * agree with the ledger's org_coverage, and instructors with assignments that agree with
 * its has_instructor — in SQL, as a bulk load would write them. Each step is checked against
 * the base tables before anything is measured.
 */
import type pg from 'pg';
import { localDateString } from '../src/domain/calendarDate.ts';
import { emptyLedger } from './db.ts';
import { loadLedger } from './ledgerData.ts';
import { timed } from './stats.ts';

export interface CoverageData {
  rows: number;
  /** The insert of the ledger (with its triggers), the index rebuild and vacuum. */
  loadMs: number;
  /** Orgs, coverages, instructors and assignments. */
  recordsMs: number;
  orgs: number;
  coverages: number;
  assignments: number;
  /** Rows of the trigger-kept tables after the load. */
  ledgerCountsRows: number;
  enterpriseStatesRows: number;
}

/** The keys ledger_counts is kept by, and its sums, as migration 0013's backfill computes them. */
const COUNTS_FROM_ENTERPRISES = `
  select region_code, in_scope, category, coalesce(org_coverage, 'none') as org_coverage, has_instructor,
         dangjian_band(employees) as band, kind, above_scale, missing_since_batch_id is not null as missing,
         count(*)::bigint as n, sum(employees)::bigint as employees, sum(member_count)::bigint as members,
         sum(full_member_count)::bigint as full_members, count(*) filter (where member_count > 0)::bigint as with_members
  from enterprises group by 1, 2, 3, 4, 5, 6, 7, 8, 9`;

const COUNTS_KEPT = `
  select region_code, in_scope, category, org_coverage, has_instructor, band, kind, above_scale, missing,
         n, employees, members, full_members, with_members
  from ledger_counts where n <> 0`;

/**
 * Throws unless the trigger-kept tables agree with the ledger: ledger_counts equals the
 * GROUP BY of enterprises key for key, and every enterprise has exactly one open state
 * holding its current facts.
 */
export async function checkKeptTables(client: pg.Client, when: string): Promise<void> {
  const { rows: diff } = await client.query(
    `select count(*)::int as n from ((${COUNTS_FROM_ENTERPRISES} except all ${COUNTS_KEPT})
                                union all (${COUNTS_KEPT} except all ${COUNTS_FROM_ENTERPRISES})) d`,
  );
  if (diff[0].n !== 0) throw new Error(`${when}: ledger_counts differs from GROUP BY enterprises in ${diff[0].n} keys`);
  const { rows: states } = await client.query(`
    select count(*)::int as n from enterprises e
    where (select count(*) from enterprise_states s where s.enterprise_id = e.id and s.valid_to = 'infinity') <> 1
       or not exists (select 1 from enterprise_states s where s.enterprise_id = e.id and s.valid_to = 'infinity'
                        and (s.region_code, s.kind, s.employees, s.member_count, s.full_member_count, s.above_scale, s.in_scope)
                            is not distinct from
                            (e.region_code, e.kind, e.employees, e.member_count, e.full_member_count, e.above_scale, e.in_scope))`);
  if (states[0].n !== 0) throw new Error(`${when}: ${states[0].n} enterprises without one current state`);
}

/** Throws unless enterprises.org_coverage and has_instructor are what the orgs and assignments say today. */
export async function checkCoverageColumns(client: pg.Client, today: string): Promise<void> {
  const { rows } = await client.query(
    `with cov as (
       select c.enterprise_id, case when bool_or(o.formation = 'standalone') then 'standalone' else 'joint' end as coverage
       from org_coverages c join party_orgs o on o.id = c.org_id
       where c.start_on <= $1::date and (c.end_on is null or c.end_on > $1::date)
         and o.established_on <= $1::date and (o.dissolved_on is null or o.dissolved_on > $1::date)
       group by 1
     ), asg as (
       select distinct enterprise_id from assignments
       where start_on <= $1::date and (end_on is null or end_on > $1::date)
     )
     select count(*) filter (where e.org_coverage is distinct from cov.coverage)::int as org,
            count(*) filter (where e.has_instructor <> (asg.enterprise_id is not null))::int as instructor
     from enterprises e left join cov on cov.enterprise_id = e.id left join asg on asg.enterprise_id = e.id`,
    [today],
  );
  if (rows[0].org !== 0 || rows[0].instructor !== 0)
    throw new Error(`coverage columns disagree with the records: org ${rows[0].org}, instructor ${rows[0].instructor}`);
}

/**
 * Orgs for the covered enterprises: one standalone branch per enterprise the ledger says is
 * covered standalone, one joint branch per 8 jointly covered enterprises of a town; an
 * instructor department, 200 instructors across the counties and an assignment for every
 * enterprise marked has_instructor. All begin in the past, so today's coverage is theirs.
 */
async function insertRecords(client: pg.Client) {
  await client.query(`
    insert into party_orgs (name, org_code, region_code, type, formation, established_on)
    select name || '党支部（' || id || '）', 'E' || id, region_code, 'branch', 'standalone',
           date '2018-01-01' + (id % 2000)
    from enterprises where org_coverage = 'standalone'`);
  await client.query(`
    insert into org_coverages (org_id, enterprise_id, start_on)
    select o.id, e.id, o.established_on from party_orgs o join enterprises e on o.org_code = 'E' || e.id
    where o.formation = 'standalone'`);
  await client.query(`
    create temporary table joint_groups on commit drop as
    select id, region_code, (row_number() over (partition by region_code order by id) - 1) / 8 as grp
    from enterprises where org_coverage = 'joint'`);
  await client.query(`
    insert into party_orgs (name, org_code, region_code, type, formation, joint_basis, established_on)
    select '联合党支部第' || grp || '号', 'J' || region_code || '-' || grp, region_code, 'joint_branch', 'joint', 'area',
           date '2019-01-01' + (grp::int % 1500)
    from (select distinct region_code, grp from joint_groups) g`);
  await client.query(`
    insert into org_coverages (org_id, enterprise_id, start_on)
    select o.id, j.id, o.established_on from joint_groups j join party_orgs o on o.org_code = 'J' || j.region_code || '-' || j.grp`);
  await client.query(`insert into departments (name) values ('组织部') on conflict do nothing`);
  await client.query(`
    insert into instructors (kind, name, source_department_id, full_time, region_code)
    select case when i % 4 = 0 then 'liaison' else 'instructor' end, '指导员' || i,
           (select min(id) from departments), i % 3 = 0, counties[1 + i % array_length(counties, 1)]
    from generate_series(0, 199) i,
         (select array_agg(code order by code) as counties from regions where code like '4205%' and level = 3) c`);
  await client.query(`
    insert into assignments (instructor_id, enterprise_id, start_on)
    select ids[1 + e.id % array_length(ids, 1)], e.id, date '2025-01-01' + (e.id % 300)
    from enterprises e, (select array_agg(id order by id) as ids from instructors) i
    where e.has_instructor`);
  const count = async (table: string) =>
    Number((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n);
  return {
    orgs: await count('party_orgs'),
    coverages: await count('org_coverages'),
    assignments: await count('assignments'),
  };
}

/** An empty ledger filled with `rows` enterprises and the records that cover them, checked. */
export async function loadCoverageData(
  client: pg.Client,
  rows: number,
  log: (s: string) => void,
): Promise<CoverageData> {
  await emptyLedger(client);
  const load = await timed(() => loadLedger(client, rows, log));
  log('checking the trigger-kept tables against the ledger…');
  await checkKeptTables(client, 'after the bulk load');
  log('orgs, coverages, instructors, assignments…');
  await client.query('begin');
  const records = await timed(() => insertRecords(client));
  await client.query('commit');
  const today = localDateString(new Date());
  await checkCoverageColumns(client, today);
  // The records were written as coverage the ledger already shows: the day's roll has nothing
  // left to do (checked just above), so it is marked done, as it would be on a running system.
  await client.query(
    `insert into settings (key, value) values ('coverage.rolledOn', to_jsonb($1::text))
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [today],
  );
  await client.query(
    'vacuum analyze party_orgs, org_coverages, instructors, assignments, ledger_counts, enterprise_states',
  );
  const count = async (table: string) =>
    Number((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n);
  return {
    rows,
    loadMs: load.ms,
    recordsMs: records.ms,
    ...records.value,
    ledgerCountsRows: await count('ledger_counts'),
    enterpriseStatesRows: await count('enterprise_states'),
  };
}

import { type SQL, sql } from 'drizzle-orm';
import { compareDates } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { HttpError } from '../errors.ts';
import { regionInScope } from '../regions/scope.ts';
import { keyWatchSql } from '../stats/engine.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import type { SnapshotState } from './states.ts';

export interface Snapshot {
  id: number;
  takenOn: string;
  regionCode: string;
  regionName: string;
  label: string;
  enterpriseCount: number;
  actorName: string;
  createdAt: string;
}

const SNAPSHOT_COLUMNS = sql`s.id, to_char(s.taken_on, 'YYYY-MM-DD') as "takenOn", s.region_code as "regionCode",
  r.name as "regionName", s.label, s.enterprise_count as "enterpriseCount", s.actor_name as "actorName",
  s.created_at as "createdAt"`;

function presentSnapshot(s: Snapshot): Snapshot {
  return { ...s, createdAt: new Date(s.createdAt).toISOString() };
}

/** The snapshots of the actor's region subtree, newest first. */
export async function listSnapshots(tx: Tx, actor: Actor): Promise<Snapshot[]> {
  const rows = await queryRows<Snapshot>(
    tx,
    sql`select ${SNAPSHOT_COLUMNS} from snapshots s join regions r on r.code = s.region_code
        where s.region_code like ${`${actor.scopePrefix}%`} order by s.taken_on desc, s.id desc`,
  );
  return rows.map(presentSnapshot);
}

/** A snapshot the actor may see; 404 otherwise (its existence is not disclosed). */
export async function snapshotInScope(tx: Tx, actor: Actor, id: number): Promise<Snapshot> {
  const [s] = await queryRows<Snapshot>(
    tx,
    sql`select ${SNAPSHOT_COLUMNS} from snapshots s join regions r on r.code = s.region_code
        where s.id = ${id} and s.region_code like ${`${actor.scopePrefix}%`}`,
  );
  if (!s) throw new HttpError(404, 'not_found', `快照 ${id} 不存在或不在您的范围内`);
  return presentSnapshot(s);
}

/**
 * Freezes the ledger of a region as of a date (rules.md §9): every enterprise of the
 * subtree with its facts, category, coverage and flags, as the coverage engine's
 * dangjian_enterprise_facts has them on that date. The rows are written in one statement;
 * if the ledger changed between counting and copying (a snapshot of today while someone
 * edits), the whole snapshot is refused rather than kept inconsistent.
 */
export async function createSnapshot(
  tx: Tx,
  actor: Actor,
  input: { date: string; region: string; label?: string | undefined },
  today: string,
): Promise<Snapshot> {
  if (compareDates(input.date, today) > 0) {
    const message = `快照日期（${input.date}）不能晚于今天（${today}）`;
    throw new HttpError(400, 'validation', message, [{ field: 'date', message }]);
  }
  const region = await regionInScope(tx, actor, input.region);
  const facts = sql`dangjian_enterprise_facts(${region.prefix}, ${input.date}::date)`;
  // The snapshot freezes 重点盯住 under the threshold in force when it is taken.
  const settings = await getCoverageSettings(tx);
  const label = input.label?.trim() || `${region.name} ${input.date}`;
  const [created] = await queryRows<{ id: number; n: number }>(
    tx,
    sql`insert into snapshots (taken_on, region_code, label, enterprise_count, actor_id, actor_name)
        select ${input.date}::date, ${region.code}, ${label}, count(*), ${actor.actorId}, ${actor.username} from ${facts}
        returning id, enterprise_count as n`,
  );
  const { id, n } = created as { id: number; n: number };
  const [copied] = await queryRows<{ n: number }>(
    tx,
    sql`with copied as (
          insert into snapshot_rows (snapshot_id, enterprise_id, region_code, in_scope, category, org_coverage,
                                     work_covered, key_watch, employees, member_count, full_member_count)
          select ${id}, f.enterprise_id, f.region_code, f.in_scope, f.category, f.org_coverage, f.work_covered,
                 ${keyWatchSql('f', settings)},
                 f.employees, f.member_count, f.full_member_count
          from ${facts} f
          returning 1)
        select count(*)::int as n from copied`,
  );
  if (copied?.n !== n) throw new HttpError(409, 'ledger_changed', '生成快照期间台账发生了变化，请重试');
  await writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action: 'snapshot.create',
    entity: 'snapshot',
    entityId: id,
    result: 'success',
    diff: { region: region.code, date: input.date, label, enterpriseCount: n },
  });
  return snapshotInScope(tx, actor, id);
}

/** An enterprise's state in a snapshot row `r` (null: not in the snapshot). */
const stateOf = (r: string) =>
  sql.raw(`case when ${r}.enterprise_id is null then 'absent' when ${r}.in_scope then ${r}.category else 'closed' end`);

/** Both snapshots' rows side by side, enterprise by enterprise. */
function pairsSql(from: number, to: number): SQL {
  return sql`select coalesce(a.enterprise_id, b.enterprise_id) as enterprise_id, ${stateOf('a')} as from_state,
                    ${stateOf('b')} as to_state, a.enterprise_id as a_id, b.enterprise_id as b_id
             from (select * from snapshot_rows where snapshot_id = ${from}) a
             full join (select * from snapshot_rows where snapshot_id = ${to}) b on b.enterprise_id = a.enterprise_id`;
}

export interface Transition {
  from: SnapshotState;
  to: SnapshotState;
  n: number;
}

/**
 * Two snapshots compared enterprise by enterprise: how many went from each state to each
 * other (the transition matrix, its diagonal included), and how many entered or left the ledger.
 */
export async function compareSnapshots(tx: Tx, actor: Actor, fromId: number, toId: number) {
  const from = await snapshotInScope(tx, actor, fromId);
  const to = await snapshotInScope(tx, actor, toId);
  const transitions = await queryRows<Transition>(
    tx,
    sql`select from_state as "from", to_state as "to", count(*)::int as n
        from (${pairsSql(fromId, toId)}) p group by 1, 2 order by 1, 2`,
  );
  const sum = (keep: (t: Transition) => boolean) => transitions.filter(keep).reduce((s, t) => s + t.n, 0);
  return {
    from,
    to,
    transitions,
    totals: {
      entered: sum((t) => t.from === 'absent'),
      left: sum((t) => t.to === 'absent'),
      changed: sum((t) => t.from !== t.to && t.from !== 'absent' && t.to !== 'absent'),
      unchanged: sum((t) => t.from === t.to),
    },
  };
}

export interface SideFacts {
  regionCode: string;
  inScope: boolean;
  category: string;
  orgCoverage: string | null;
  workCovered: boolean;
  keyWatch: boolean;
  employees: number;
  memberCount: number;
  fullMemberCount: number;
}

export interface TransitionRow {
  enterpriseId: number;
  /** Today's name and credit code (null once the enterprise has left the actor's scope). */
  name: string | null;
  uscc: string | null;
  from: SideFacts | null;
  to: SideFacts | null;
}

const side = (r: string) =>
  sql.raw(`case when ${r}.enterprise_id is null then null else json_build_object(
    'regionCode', ${r}.region_code, 'inScope', ${r}.in_scope, 'category', ${r}.category,
    'orgCoverage', ${r}.org_coverage, 'workCovered', ${r}.work_covered, 'keyWatch', ${r}.key_watch,
    'employees', ${r}.employees, 'memberCount', ${r}.member_count, 'fullMemberCount', ${r}.full_member_count) end`);

/** The enterprises of one transition (one cell of the matrix), paged; the total equals the cell. */
export async function transitionEnterprises(
  tx: Tx,
  actor: Actor,
  q: { from: number; to: number; fromState: SnapshotState; toState: SnapshotState; page: number; pageSize: number },
): Promise<{ total: number; rows: TransitionRow[] }> {
  await snapshotInScope(tx, actor, q.from);
  await snapshotInScope(tx, actor, q.to);
  const [count] = await queryRows<{ total: number }>(
    tx,
    sql`select count(*)::int as total from (${pairsSql(q.from, q.to)}) p
        where p.from_state = ${q.fromState} and p.to_state = ${q.toState}`,
  );
  const rows = await queryRows<TransitionRow>(
    tx,
    sql`with p as (${pairsSql(q.from, q.to)})
        select p.enterprise_id as "enterpriseId", e.name, e.uscc, ${side('a')} as "from", ${side('b')} as "to"
        from p
        left join snapshot_rows a on a.snapshot_id = ${q.from} and a.enterprise_id = p.a_id
        left join snapshot_rows b on b.snapshot_id = ${q.to} and b.enterprise_id = p.b_id
        left join enterprises e on e.id = p.enterprise_id
        where p.from_state = ${q.fromState} and p.to_state = ${q.toState}
        order by e.name nulls last, p.enterprise_id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return { total: count?.total ?? 0, rows };
}

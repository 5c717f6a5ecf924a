// Outcomes the system already knows (record once): never typed, always computed here from the
// records they come from.
import { sql } from 'drizzle-orm';
import { OUTCOME_FROM_ACHIEVEMENT } from '../../domain/achievements/codes.ts';
import { derivedRole, type OutcomeKind, type OutcomeRole } from '../../domain/casework/outcomes.ts';
import { REQUEST_VALUES } from '../../domain/casework/requests.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { unsafeAsOwner } from '../db/tx.ts';

/** An assignment's enterprise and dates, as read under the actor's scope. */
export interface Span {
  assignmentId: number;
  enterpriseId: number;
  startOn: string;
  endOn: string | null;
}

export interface Period {
  from: string | null;
  to: string | null;
}

export interface DerivedOutcome {
  /** The record the outcome is counted from. */
  source: 'development' | 'member' | 'request' | 'achievement';
  recordId: number;
  assignmentId: number;
  onDate: string;
  kind: OutcomeKind;
  role: OutcomeRole;
  quantity: number;
  /** An innovation's economic benefit (万元), counted with it. */
  benefit?: number | null;
}

const intArray = (xs: readonly number[]) => `{${xs.join(',')}}`;
const dateArray = (xs: readonly (string | null)[]) => `{${xs.map((x) => x ?? 'NULL').join(',')}}`;

const spansTable = (spans: readonly Span[]) => sql`unnest(
    ${intArray(spans.map((s) => s.assignmentId))}::int[], ${intArray(spans.map((s) => s.enterpriseId))}::int[],
    ${dateArray(spans.map((s) => s.startOn))}::date[], ${dateArray(spans.map((s) => s.endOn))}::date[]
  ) as s(assignment_id, enterprise_id, start_on, end_on)`;

/** `col` within the assignment s (end exclusive) and within the period (inclusive). */
const within = (col: ReturnType<typeof sql.raw>, p: Period) => sql`${col} >= s.start_on
  and (s.end_on is null or ${col} < s.end_on)
  and ${col} >= coalesce(${p.from}::date, '-infinity'::date) and ${col} <= coalesce(${p.to}::date, 'infinity'::date)`;

/**
 * Activists cultivated and members developed at the assigned enterprises during the
 * assignments: development records by the date the person became an activist and the date
 * they were admitted (by employer), and members who joined at the enterprise without a
 * development record (rosters loaded from elsewhere).
 *
 * Unsafe (read as the owner, outside row-level security), deliberately: development records
 * and members are hidden from instructors (orgs and members are not their business) and from a
 * county when the org sits above it, yet the outcome at an assigned enterprise is the
 * instructor's all the same. It reads exactly the enterprises and dates of assignments the
 * caller has already read under the actor's scope, and returns record ids and dates — no names.
 * It runs in the caller's transaction, so the request stays one transaction and reads one
 * snapshot.
 */
export async function unsafeDerivedFromPeople(tx: Tx, spans: readonly Span[], p: Period): Promise<DerivedOutcome[]> {
  if (spans.length === 0) return [];
  const rows = await unsafeAsOwner(tx, () =>
    queryRows<Omit<DerivedOutcome, 'role' | 'quantity'>>(
      tx,
      sql`select 'development' as source, d.id as "recordId", s.assignment_id as "assignmentId",
                 d.activist_on::text as "onDate", 'activists' as kind
          from developments d join ${spansTable(spans)} on d.employer_id = s.enterprise_id
          where ${within(sql.raw('d.activist_on'), p)}
          union all
          select 'development', d.id, s.assignment_id, d.admitted_on::text, 'members'
          from developments d join ${spansTable(spans)} on d.employer_id = s.enterprise_id
          where ${within(sql.raw('d.admitted_on'), p)}
          union all
          select 'member', m.id, s.assignment_id, m.joined_on::text, 'members'
          from members m join ${spansTable(spans)} on m.employer_id = s.enterprise_id
          where ${within(sql.raw('m.joined_on'), p)}
            and not exists (select 1 from developments d where d.member_id = m.id)
          order by 4, 2`,
    ),
  );
  return rows.map((r) => ({ ...r, role: derivedRole('development'), quantity: 1 }));
}

interface ResolvedRow {
  id: number;
  assignmentId: number;
  closedOn: string;
  category: string;
  grants: number | null;
  loans: number | null;
  hires: number | null;
  trainees: number | null;
  feesReduced: number | null;
}

/**
 * Problems solved and the values obtained: each request resolved within the period counts one
 * problem solved, and its values, on the day it was resolved. Read under the actor's scope.
 */
export async function derivedFromRequests(tx: Tx, spans: readonly Span[], p: Period): Promise<DerivedOutcome[]> {
  if (spans.length === 0) return [];
  const rows = await queryRows<ResolvedRow>(
    tx,
    sql`select r.id, r.assignment_id as "assignmentId", r.closed_on::text as "closedOn", r.category,
               r.grants::float8 as grants, r.loans::float8 as loans, r.hires, r.trainees,
               r.fees_reduced::float8 as "feesReduced"
        from requests r
        where r.status = 'resolved' and r.assignment_id = any(${intArray(spans.map((s) => s.assignmentId))}::int[])
          and r.closed_on >= coalesce(${p.from}::date, '-infinity'::date)
          and r.closed_on <= coalesce(${p.to}::date, 'infinity'::date)
        order by r.closed_on, r.id`,
  );
  return rows.flatMap((r) => {
    const base = {
      source: 'request' as const,
      recordId: r.id,
      assignmentId: r.assignmentId,
      onDate: r.closedOn,
      role: derivedRole('request', r.category),
    };
    const values = REQUEST_VALUES.filter((v) => (r[v.code] ?? 0) > 0).map((v) => ({
      ...base,
      kind: v.code as OutcomeKind,
      quantity: r[v.code] as number,
    }));
    return [{ ...base, kind: 'problems' as const, quantity: 1 }, ...values];
  });
}

/** The outcome kinds an org's achievements give, with the achievement kind each is counted from. */
const FROM_ACHIEVEMENT = Object.entries(OUTCOME_FROM_ACHIEVEMENT) as [OutcomeKind, string][];

/** An assignment's outcomes counted from achievements, and the kinds those records now give. */
export interface FromAchievements {
  /** Those dated within the period. */
  outcomes: DerivedOutcome[];
  /** Whether a record of `kind` exists for the assignment at all: its typed figures then no longer count. */
  gives: (assignmentId: number, kind: OutcomeKind) => boolean;
  /** The latest record of `kind` for the assignment, whatever the period. */
  latest: (assignmentId: number, kind: OutcomeKind) => DerivedOutcome | undefined;
}

/**
 * Pledges, proposals, problems solved and innovations (with their benefit) the orgs recorded at
 * the assigned enterprises during the assignments (rules.md §11): each record one, on its date.
 *
 * Unsafe (read as the owner, outside row-level security) for the reason unsafeDerivedFromPeople
 * gives: an org registered above the actor's region, or hidden from instructors, achieved at
 * the assigned enterprise all the same. It reads exactly the enterprises and dates of
 * assignments the caller has already read under the actor's scope, and returns record ids,
 * dates and figures — no names.
 */
export async function unsafeDerivedFromAchievements(
  tx: Tx,
  spans: readonly Span[],
  p: Period,
): Promise<FromAchievements> {
  const all: DerivedOutcome[] = [];
  if (spans.length > 0) {
    const kinds = FROM_ACHIEVEMENT.map(([, k]) => k);
    const rows = await unsafeAsOwner(tx, () =>
      queryRows<{ recordId: number; assignmentId: number; onDate: string; kind: string; benefit: number | null }>(
        tx,
        sql`select a.id as "recordId", s.assignment_id as "assignmentId", a.on_date::text as "onDate", a.kind,
                   a.benefit::float8 as benefit
            from achievements a join ${spansTable(spans)} on a.enterprise_id = s.enterprise_id
            where a.kind = any(${`{${kinds.join(',')}}`}::text[])
              and ${within(sql.raw('a.on_date'), { from: null, to: null })}
            order by 3, 1`,
      ),
    );
    for (const r of rows) {
      const kind = FROM_ACHIEVEMENT.find(([, k]) => k === r.kind)![0];
      all.push({
        source: 'achievement',
        recordId: r.recordId,
        assignmentId: r.assignmentId,
        onDate: r.onDate,
        kind,
        role: derivedRole('achievement', kind),
        quantity: 1,
        benefit: kind === 'innovations' ? r.benefit : null,
      });
    }
  }
  const given = new Set(all.map((d) => `${d.assignmentId}:${d.kind}`));
  return {
    outcomes: all.filter((d) => d.onDate >= (p.from ?? '') && d.onDate <= (p.to ?? '9999-12-31')),
    gives: (assignmentId, kind) => given.has(`${assignmentId}:${kind}`),
    latest: (assignmentId, kind) => all.filter((d) => d.assignmentId === assignmentId && d.kind === kind).at(-1),
  };
}

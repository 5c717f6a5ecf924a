import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import type { ContactKind } from '../../domain/casework/contacts.ts';
import { OUTCOME_KINDS, type OutcomeKind } from '../../domain/casework/outcomes.ts';
import type { RequestCategory, RequestStatus } from '../../domain/casework/requests.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { notFound } from '../errors.ts';
import {
  derivedFromRequests,
  type Period,
  type Span,
  unsafeDerivedFromAchievements,
  unsafeDerivedFromPeople,
} from './derived.ts';
import type { OutcomeInput } from './outcomes.ts';
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_FROM, type AssignmentRow, assignmentInScope } from './scope.ts';
import type { CaseworkSettings } from './settings.ts';
import { type WeekState, weekStates } from './weeks.ts';

const and = (conds: (SQL | null | false | undefined | '')[]) =>
  sql.join(
    conds.filter((c): c is SQL => !!c),
    sql` and `,
  );

export interface AssignmentFilter {
  id?: number;
  instructorId?: number;
  enterpriseId?: number;
  q?: string;
  /** Only assignments with a missed week. */
  missed?: boolean;
}

export type AssignmentState = AssignmentRow &
  WeekState & { openRequests: number; silentRequests: number; orgs: { id: number; name: string }[] };

/**
 * The assignments in force today in the actor's scope (an instructor: their own), each with
 * this week's contact state and its missed weeks.
 */
export async function listAssignments(
  tx: Tx,
  actor: Actor,
  filter: AssignmentFilter,
  settings: CaseworkSettings,
  today: string,
): Promise<{ contactsPerWeek: number; requestSilentDays: number; items: AssignmentState[] }> {
  // Open requests without an update for the configured days: the same rule as the work prompts.
  const silentSince = addDays(today, -settings.requestSilentDays);
  const rows = await queryRows<
    AssignmentRow & { openRequests: number; silentRequests: number; orgs: { id: number; name: string }[] }
  >(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS},
          -- The orgs covering the enterprise today that the actor sees (an instructor: these, migration 0037).
          coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.id)
             from org_coverages c join party_orgs o on o.id = c.org_id
             where c.enterprise_id = a.enterprise_id and c.start_on <= ${today}::date
               and (c.end_on is null or c.end_on > ${today}::date)), '[]'::json) as orgs,
          (select count(*)::int from requests r where r.assignment_id = a.id and r.closed_on is null) as "openRequests",
          (select count(*)::int from requests r where r.assignment_id = a.id and r.closed_on is null
             and r.last_update_on <= ${silentSince}::date) as "silentRequests"
        from ${ASSIGNMENT_FROM}
        where ${and([
          assignmentInScope(actor, today),
          sql`a.start_on <= ${today}::date and (a.end_on is null or a.end_on > ${today}::date)`,
          filter.id !== undefined && sql`a.id = ${filter.id}`,
          filter.instructorId !== undefined && sql`a.instructor_id = ${filter.instructorId}`,
          filter.enterpriseId !== undefined && sql`a.enterprise_id = ${filter.enterpriseId}`,
          filter.q && sql`(e.name like ${`%${filter.q}%`} or i.name like ${`%${filter.q}%`})`,
        ])}
        order by e.name, i.name, a.id`,
  );
  const states = await weekStates(tx, rows, settings.contactsPerWeek, today);
  const items = rows.map((r) => ({ ...r, ...states.get(r.id)! }));
  return {
    contactsPerWeek: settings.contactsPerWeek,
    requestSilentDays: settings.requestSilentDays,
    items: filter.missed ? items.filter((i) => i.missedWeeks.length > 0) : items,
  };
}

export interface ContactFilter {
  assignmentId?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface ContactRow {
  id: number;
  assignmentId: number;
  onDate: string;
  kind: ContactKind;
  withWhom: string;
  notes: string | null;
  enterpriseId: number;
  enterpriseName: string;
  instructorName: string;
  requestIds: number[];
}

export async function listContacts(tx: Tx, actor: Actor, filter: ContactFilter, today: string) {
  const where = and([
    assignmentInScope(actor, today),
    filter.assignmentId !== undefined && sql`c.assignment_id = ${filter.assignmentId}`,
    filter.from && sql`c.on_date >= ${filter.from}::date`,
    filter.to && sql`c.on_date <= ${filter.to}::date`,
  ]);
  const from = sql`contacts c join assignments a on a.id = c.assignment_id join enterprises e on e.id = a.enterprise_id
    join instructors i on i.id = a.instructor_id`;
  const [{ total }] = await queryRows<{ total: number }>(
    tx,
    sql`select count(*)::int as total from ${from} where ${where}`,
  );
  const items = await queryRows<ContactRow>(
    tx,
    sql`select c.id, c.assignment_id as "assignmentId", c.on_date::text as "onDate", c.kind, c.with_whom as "withWhom",
          c.notes, e.id as "enterpriseId", e.name as "enterpriseName", i.name as "instructorName",
          coalesce((select array_agg(r.id order by r.id) from requests r where r.contact_id = c.id), '{}') as "requestIds"
        from ${from} where ${where}
        order by c.on_date desc, c.id desc limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  );
  return { total, items };
}

export interface RequestFilter {
  assignmentId?: number;
  status?: string;
  /** Only requests not yet closed. */
  open?: boolean;
  category?: string;
  /** Only open requests without an update for the configured number of days. */
  silent?: boolean;
  page: number;
  pageSize: number;
}

/** A request as listed and shown (REQUEST_COLUMNS), and whether it has gone silent. */
export interface RequestRow {
  id: number;
  assignmentId: number;
  contactId: number | null;
  category: RequestCategory;
  description: string;
  departmentIds: number[];
  departmentNames: string[];
  status: RequestStatus;
  receivedOn: string;
  closedOn: string | null;
  lastUpdateOn: string;
  grants: number | null;
  loans: number | null;
  hires: number | null;
  trainees: number | null;
  feesReduced: number | null;
  enterpriseId: number;
  enterpriseName: string;
  instructorId: number;
  instructorName: string;
  silent: boolean;
}

const REQUEST_COLUMNS = sql`r.id, r.assignment_id as "assignmentId", r.contact_id as "contactId", r.category,
  r.description, r.department_ids as "departmentIds",
  coalesce((select array_agg(d.name order by array_position(r.department_ids, d.id)) from departments d
            where d.id = any(r.department_ids)), '{}') as "departmentNames",
  r.status, r.received_on::text as "receivedOn", r.closed_on::text as "closedOn",
  r.last_update_on::text as "lastUpdateOn", r.grants::float8 as grants, r.loans::float8 as loans, r.hires,
  r.trainees, r.fees_reduced::float8 as "feesReduced", e.id as "enterpriseId", e.name as "enterpriseName",
  i.id as "instructorId", i.name as "instructorName"`;
const REQUEST_FROM = sql`requests r join assignments a on a.id = r.assignment_id
  join enterprises e on e.id = a.enterprise_id join instructors i on i.id = a.instructor_id`;

/** Silent: open, and the last update is at least `days` days old. */
const silentSince = (settings: CaseworkSettings, today: string) => addDays(today, -settings.requestSilentDays);

export async function listRequests(
  tx: Tx,
  actor: Actor,
  filter: RequestFilter,
  settings: CaseworkSettings,
  today: string,
) {
  const since = silentSince(settings, today);
  const where = and([
    assignmentInScope(actor, today),
    filter.assignmentId !== undefined && sql`r.assignment_id = ${filter.assignmentId}`,
    filter.status && sql`r.status = ${filter.status}`,
    filter.open && sql`r.closed_on is null`,
    filter.category && sql`r.category = ${filter.category}`,
    filter.silent && sql`r.closed_on is null and r.last_update_on <= ${since}::date`,
  ]);
  const [{ total }] = await queryRows<{ total: number }>(
    tx,
    sql`select count(*)::int as total from ${REQUEST_FROM} where ${where}`,
  );
  const items = await queryRows<RequestRow>(
    tx,
    sql`select ${REQUEST_COLUMNS}, (r.closed_on is null and r.last_update_on <= ${since}::date) as silent
        from ${REQUEST_FROM} where ${where}
        order by (r.closed_on is null) desc, r.last_update_on, r.id
        limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  );
  return { total, silentDays: settings.requestSilentDays, items };
}

export async function requestDetail(tx: Tx, actor: Actor, id: number, settings: CaseworkSettings, today: string) {
  const since = silentSince(settings, today);
  const [request] = await queryRows<RequestRow>(
    tx,
    sql`select ${REQUEST_COLUMNS}, (r.closed_on is null and r.last_update_on <= ${since}::date) as silent
        from ${REQUEST_FROM} where r.id = ${id} and ${assignmentInScope(actor, today)}`,
  );
  if (!request) throw notFound('诉求');
  const updates = await queryRows<{ id: number; onDate: string; status: RequestStatus; note: string | null }>(
    tx,
    sql`select id, on_date::text as "onDate", status, note from request_updates where request_id = ${id}
        order by on_date, id`,
  );
  return { request, updates };
}

/** An outcome as listed: what is typed in for one, with where it stands and where it comes from. */
export interface OutcomeRow extends OutcomeInput {
  /** 'typed' for an outcome typed in (its id is the outcome's); otherwise the record it is counted from. */
  source: 'typed' | 'development' | 'member' | 'request' | 'achievement';
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  instructorId: number;
  instructorName: string;
}

export interface OutcomeFilter {
  assignmentId?: number;
  instructorId?: number;
  from?: string;
  to?: string;
}

/**
 * Typed and derived outcomes of the assignments in the actor's scope, newest first: the
 * assignments, typed outcomes and resolved requests read under the actor's scope; the derived
 * people only at those assignments' enterprises and dates (see derived.ts).
 */
export async function listOutcomes(tx: Tx, actor: Actor, filter: OutcomeFilter, today: string): Promise<OutcomeRow[]> {
  const period: Period = { from: filter.from ?? null, to: filter.to ?? null };
  const assignments = await queryRows<AssignmentRow>(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENT_FROM}
          where ${and([
            assignmentInScope(actor, today),
            filter.assignmentId !== undefined && sql`a.id = ${filter.assignmentId}`,
            filter.instructorId !== undefined && sql`a.instructor_id = ${filter.instructorId}`,
            period.from && sql`(a.end_on is null or a.end_on > ${period.from}::date)`,
            period.to && sql`a.start_on <= ${period.to}::date`,
          ])}`,
  );
  const ids = `{${assignments.map((a) => a.id).join(',')}}`;
  const typed = await queryRows<OutcomeInput & { id: number }>(
    tx,
    sql`select o.id, o.assignment_id as "assignmentId", o.on_date::text as "onDate", o.role, o.kind,
            o.quantity::float8 as quantity, o.benefit::float8 as benefit, o.note
          from outcomes o where o.assignment_id = any(${ids}::int[])
            and o.on_date >= coalesce(${period.from}::date, '-infinity'::date)
            and o.on_date <= coalesce(${period.to}::date, 'infinity'::date)`,
  );
  const fromRequests = await derivedFromRequests(tx, spansOf(assignments), period);
  const fromPeople = await unsafeDerivedFromPeople(tx, spansOf(assignments), period);
  const fromAchievements = await unsafeDerivedFromAchievements(tx, spansOf(assignments), period);
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const about = (assignmentId: number) => {
    const a = byId.get(assignmentId)!;
    return {
      assignmentId,
      enterpriseId: a.enterpriseId,
      enterpriseName: a.enterpriseName,
      instructorId: a.instructorId,
      instructorName: a.instructorName,
    };
  };
  const rows: OutcomeRow[] = [
    // A kind the org's records give replaces what was typed for it (rules.md §11).
    ...typed
      .filter((t) => !fromAchievements.gives(t.assignmentId, t.kind))
      .map((t) => ({ ...t, ...about(t.assignmentId), source: 'typed' as const })),
    ...[...fromRequests, ...fromPeople, ...fromAchievements.outcomes].map((d) => ({
      ...about(d.assignmentId),
      source: d.source,
      id: d.recordId,
      onDate: d.onDate,
      role: d.role,
      kind: d.kind,
      quantity: d.quantity,
      benefit: d.benefit ?? null,
      note: null,
    })),
  ];
  const order = (k: OutcomeKind) => OUTCOME_ORDER.indexOf(k);
  return rows.sort((a, b) => b.onDate.localeCompare(a.onDate) || order(a.kind) - order(b.kind) || a.id - b.id);
}

const OUTCOME_ORDER: OutcomeKind[] = OUTCOME_KINDS.map((k) => k.code);

export const spansOf = (assignments: readonly AssignmentRow[]): Span[] =>
  assignments.map((a) => ({ assignmentId: a.id, enterpriseId: a.enterpriseId, startOn: a.startOn, endOn: a.endOn }));

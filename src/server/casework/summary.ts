// The instructor work summary (指导员工作情况汇总, reports.md §3): one row per source
// department, 合计 first, and the list of instructors beside it.
import { sql } from 'drizzle-orm';
import { halfYearOf } from '../../domain/assessment/period.ts';
import type { OutcomeKind } from '../../domain/casework/outcomes.ts';
import { missedWeeks } from '../../domain/casework/weeks.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import { assessmentResults } from '../assessments/results.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { derivedFromRequests, unsafeDerivedFromAchievements, unsafeDerivedFromPeople } from './derived.ts';
import { spansOf } from './queries.ts';
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_FROM, type AssignmentRow, assignmentInScope } from './scope.ts';
import { getCaseworkSettings } from './settings.ts';
import { weekCounts } from './weeks.ts';

/** The figures of a row, in the order of the form's columns. */
export const SUMMARY_FIGURES = [
  'instructors',
  'liaisons',
  'enterprises',
  'contacts',
  'weeksMissed',
  'requestsReceived',
  'requestsResolved',
  'activists',
  'members',
  'systems',
  'venues',
  'funds',
  'pledges',
  'proposals',
  'problems',
  'innovations',
  'benefit',
  'grants',
  'loans',
  'hires',
  'trainees',
  'feesReduced',
] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];
export type Figures = Record<SummaryFigure, number>;

export interface InstructorLine {
  id: number;
  name: string;
  kind: 'instructor' | 'liaison';
  department: string;
  enterprises: number;
  contacts: number;
  weeksMissed: number;
  requestsReceived: number;
  requestsResolved: number;
  /** From the assessment of the half year holding `to` (src/server/assessments); null when incomplete or none. */
  score: number | null;
  grade: string | null;
  gradeLabel: string | null;
}

export interface InstructorSummary {
  region: string;
  regionName: string;
  from: string;
  to: string;
  /** The half year whose assessment the instructors' scores and grades come from. */
  assessmentPeriod: string;
  rows: ({ department: string } & Figures)[];
  total: Figures;
  instructors: InstructorLine[];
}

const zero = (): Figures => Object.fromEntries(SUMMARY_FIGURES.map((f) => [f, 0])) as Figures;

/** Sums of 万元 amounts kept to the cent, so 0.1 + 0.2 adds up to 0.3 as on paper. */
const add = (a: number, b: number) => Math.round((a + b) * 100) / 100;

/** What the summary reads under the actor's scope: rules, departments, assignments and their figures. */
async function readScoped(
  tx: Tx,
  actor: Actor,
  region: string,
  period: { from: string; to: string },
  assessmentPeriod: string,
  today: string,
) {
  const { from, to } = period;
  const settings = await getCaseworkSettings(tx, actor.regionCode);
  const [named] = await queryRows<{ name: string }>(tx, sql`select name from regions where code = ${region}`);
  const departments = await queryRows<{ id: number; name: string }>(
    tx,
    sql`select id, name from departments order by sort_order, name, id`,
  );
  const assignments = await queryRows<AssignmentRow>(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENT_FROM}
          where ${assignmentInScope(actor, today)} and e.region_code like ${`${regionPrefix(region)}%`}
            and a.start_on <= ${to}::date and (a.end_on is null or a.end_on > ${from}::date)
          order by a.id`,
  );
  const ids = `{${assignments.map((a) => a.id).join(',')}}`;
  const perAssignment = await queryRows<{ id: number; contacts: number; received: number; resolved: number }>(
    tx,
    sql`select a.id,
            (select count(*)::int from contacts c where c.assignment_id = a.id and c.on_date between ${from}::date and ${to}::date) as contacts,
            (select count(*)::int from requests r where r.assignment_id = a.id and r.received_on between ${from}::date and ${to}::date) as received,
            (select count(*)::int from requests r where r.assignment_id = a.id and r.status = 'resolved'
               and r.closed_on between ${from}::date and ${to}::date) as resolved
          from assignments a where a.id = any(${ids}::int[])`,
  );
  const typed = await queryRows<{ assignmentId: number; kind: OutcomeKind; quantity: number; benefit: number }>(
    tx,
    sql`select assignment_id as "assignmentId", kind, sum(quantity)::float8 as quantity,
            coalesce(sum(benefit), 0)::float8 as benefit
          from outcomes where assignment_id = any(${ids}::int[]) and on_date between ${from}::date and ${to}::date
          group by 1, 2`,
  );
  // Weeks ending in the period start up to six days before it.
  const weeks = await weekCounts(
    tx,
    assignments.map((a) => a.id),
    from,
    to,
  );
  const fromRequests = await derivedFromRequests(tx, spansOf(assignments), period);
  const assessed = await assessmentResults(tx, actor, assessmentPeriod);
  return {
    settings,
    regionName: named?.name ?? region,
    departments,
    assignments,
    perAssignment,
    typed,
    weeks,
    fromRequests,
    assessed,
  };
}

/**
 * The summary over the assignments at enterprises of `region` (within the actor's scope) in
 * force at any time from `from` to `to` (inclusive):
 * - instructors / liaisons: distinct people with such an assignment, by kind, in their department;
 * - enterprises: distinct enterprises assigned to the department's people;
 * - contacts: contacts dated in the period; weeks missed: missed weeks (domain/casework/weeks.ts)
 *   ending in the period and over by `today`;
 * - requests received in the period, and resolved in it;
 * - outcomes: typed ones dated in the period (but for a kind the org's achievement records give
 *   for the assignment), and derived ones (derived.ts) in the period and during the assignment.
 * An enterprise shared by two departments' instructors is counted in both rows: the row is the
 * department's work. 合计 is the sum of the rows, as on every form (reports.md).
 */
export async function instructorSummary(
  tx: Tx,
  actor: Actor,
  params: { region: string; from: string; to: string },
  today: string,
): Promise<InstructorSummary> {
  const { region, from, to } = params;
  const period = { from, to };
  const assessmentPeriod = halfYearOf(to);
  const scoped = await readScoped(tx, actor, region, period, assessmentPeriod, today);
  const fromPeople = await unsafeDerivedFromPeople(tx, spansOf(scoped.assignments), period);
  const fromAchievements = await unsafeDerivedFromAchievements(tx, spansOf(scoped.assignments), period);

  // Figures per assignment first, then summed per person and per department.
  const byAssignment = new Map<number, Figures>(scoped.assignments.map((a) => [a.id, zero()]));
  for (const a of scoped.assignments) {
    const f = byAssignment.get(a.id)!;
    const counts = scoped.weeks.get(a.id) ?? new Map();
    f.weeksMissed = missedWeeks(a, counts, scoped.settings.contactsPerWeek, today, period).length;
  }
  for (const p of scoped.perAssignment) {
    const f = byAssignment.get(p.id)!;
    f.contacts = p.contacts;
    f.requestsReceived = p.received;
    f.requestsResolved = p.resolved;
  }
  for (const t of scoped.typed) {
    // A kind the org's records give replaces what was typed for it (rules.md §11).
    if (fromAchievements.gives(t.assignmentId, t.kind)) continue;
    const f = byAssignment.get(t.assignmentId)!;
    f[t.kind] = add(f[t.kind], t.quantity);
    if (t.kind === 'innovations') f.benefit = add(f.benefit, t.benefit);
  }
  for (const d of [...scoped.fromRequests, ...fromPeople, ...fromAchievements.outcomes]) {
    const f = byAssignment.get(d.assignmentId)!;
    f[d.kind] = add(f[d.kind], d.quantity);
    if (d.kind === 'innovations' && d.benefit) f.benefit = add(f.benefit, d.benefit);
  }

  const rows = scoped.departments.map((d) => {
    const mine = scoped.assignments.filter((a) => a.sourceDepartmentId === d.id);
    const f = zero();
    const people = new Map(mine.map((a) => [a.instructorId, a.instructorKind]));
    f.instructors = [...people.values()].filter((k) => k === 'instructor').length;
    f.liaisons = [...people.values()].filter((k) => k === 'liaison').length;
    f.enterprises = new Set(mine.map((a) => a.enterpriseId)).size;
    for (const a of mine) {
      const af = byAssignment.get(a.id)!;
      for (const key of SUMMARY_FIGURES.slice(3)) f[key] = add(f[key], af[key]);
    }
    return { department: d.name, ...f };
  });
  const total = zero();
  for (const r of rows) for (const key of SUMMARY_FIGURES) total[key] = add(total[key], r[key]);

  const instructors = new Map<number, InstructorLine & { enterpriseIds: Set<number> }>();
  for (const a of scoped.assignments) {
    const line = instructors.get(a.instructorId) ?? {
      id: a.instructorId,
      name: a.instructorName,
      kind: a.instructorKind as 'instructor' | 'liaison',
      department: a.sourceDepartmentName,
      enterprises: 0,
      contacts: 0,
      weeksMissed: 0,
      requestsReceived: 0,
      requestsResolved: 0,
      score: null,
      grade: null,
      gradeLabel: null,
      enterpriseIds: new Set<number>(),
    };
    const assessed = scoped.assessed.find((r) => r.instructorId === a.instructorId);
    if (assessed)
      Object.assign(line, { score: assessed.final, grade: assessed.grade, gradeLabel: assessed.gradeLabel });
    const af = byAssignment.get(a.id)!;
    line.enterpriseIds.add(a.enterpriseId);
    line.enterprises = line.enterpriseIds.size;
    line.contacts += af.contacts;
    line.weeksMissed += af.weeksMissed;
    line.requestsReceived += af.requestsReceived;
    line.requestsResolved += af.requestsResolved;
    instructors.set(a.instructorId, line);
  }
  const order = new Map(scoped.departments.map((d, i) => [d.name, i]));
  return {
    region,
    regionName: scoped.regionName,
    from,
    to,
    assessmentPeriod,
    rows,
    total,
    instructors: [...instructors.values()]
      .map(({ enterpriseIds: _, ...line }) => line)
      .sort(
        (a, b) =>
          (order.get(a.department) ?? 0) - (order.get(b.department) ?? 0) ||
          a.name.localeCompare(b.name, 'zh-CN') ||
          a.id - b.id,
      ),
  };
}

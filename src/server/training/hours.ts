// Each person's training hours in a year (rules.md §12): the classes they were present at that
// ended in the year, and the online courses marked done in the year — nothing else, and never
// time on a page. Listed in roster order with the requirement that applies to them; the lists
// are prompts for the org and its managers, never a ranking, so nothing is sorted by hours.
import { type SQL, sql } from 'drizzle-orm';
import { formatDate } from '../../domain/calendarDate.ts';
import { HOUR_GROUPS, type HourGroup, standing } from '../../domain/training/hours.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { notFound } from '../errors.ts';
import { loadOrg } from '../orgs/load.ts';
import { trainingSettingsResolver } from './settings.ts';

const GROUP_LABEL = Object.fromEntries(HOUR_GROUPS.map((g) => [g.code, g.label])) as Record<HourGroup, string>;

export interface PersonHours {
  kind: 'member' | 'instructor';
  id: number;
  name: string;
  orgId: number | null;
  orgName: string | null;
  regionCode: string;
  group: HourGroup;
  classHours: number;
  courseHours: number;
}

const yearBounds = (year: number) => ({ from: formatDate(year, 1, 1), to: formatDate(year, 12, 31) });

/**
 * Members on the roster (their org matching `orgs`, a condition on `o`) with their hours. An
 * officer is a member holding a post in their org on `asOf` (secretary or committee member).
 */
export function memberHoursSql(orgs: SQL, year: number, asOf: string): SQL {
  const { from, to } = yearBounds(year);
  return sql`select 'member' as kind, m.id, m.name, o.id as "orgId", o.name as "orgName", o.region_code as "regionCode",
      case when exists (select 1 from org_officers f where f.member_id = m.id and f.org_id = m.org_id
          and (f.start_on is null or f.start_on <= ${asOf}::date) and (f.end_on is null or f.end_on > ${asOf}::date))
        then 'officer' else 'member' end as "group",
      coalesce((select sum(c.hours) from training_attendance a join training_classes c on c.id = a.class_id
        where a.member_id = m.id and a.present and c.ends_on between ${from}::date and ${to}::date), 0)::float8 as "classHours",
      coalesce((select sum(k.hours) from course_completions cc join courses k on k.id = cc.course_id
        where cc.member_id = m.id and cc.completed_on between ${from}::date and ${to}::date), 0)::float8 as "courseHours"
    from members m join party_orgs o on o.id = m.org_id
    where m.left_on is null and ${orgs}`;
}

/** Instructors and liaisons serving (matching `who`, a condition on `i`) with their hours. */
export function instructorHoursSql(who: SQL, year: number): SQL {
  const { from, to } = yearBounds(year);
  return sql`select 'instructor' as kind, i.id, i.name, null::integer as "orgId", null::text as "orgName",
      i.region_code as "regionCode", 'instructor' as "group",
      coalesce((select sum(c.hours) from training_attendance a join training_classes c on c.id = a.class_id
        where a.instructor_id = i.id and a.present and c.ends_on between ${from}::date and ${to}::date), 0)::float8 as "classHours",
      coalesce((select sum(k.hours) from course_completions cc join courses k on k.id = cc.course_id
        where cc.instructor_id = i.id and cc.completed_on between ${from}::date and ${to}::date), 0)::float8 as "courseHours"
    from instructors i
    where i.left_on is null and ${who}`;
}

/** Each person's standing against the requirement of their region (their org's, or the instructor's). */
export async function withStanding(tx: Tx, people: PersonHours[]) {
  const requirement = await trainingSettingsResolver(tx);
  return people.map((p) => ({
    ...p,
    groupLabel: GROUP_LABEL[p.group],
    ...standing(p.classHours + p.courseHours, requirement(p.regionCode)[p.group]),
  }));
}

/** An org's members with their hours in the year, in roster order (by name, never by hours). */
export async function orgHours(tx: Tx, actor: Actor, orgId: number, year: number, asOf: string) {
  const org = await loadOrg(tx, actor, orgId);
  const people = await queryRows<PersonHours>(
    tx,
    sql`${memberHoursSql(sql`o.id = ${org.id}`, year, asOf)} order by m.name, m.id`,
  );
  const rows = await withStanding(tx, people);
  return { org: { id: org.id, name: org.name }, year, rows, below: rows.filter((r) => r.below).length };
}

/** An instructor account's own hours, with the classes and courses behind them. */
export async function ownHours(tx: Tx, actor: Actor, year: number) {
  if (actor.instructorId === null) throw notFound('指导员档案');
  const [me] = await queryRows<PersonHours>(tx, instructorHoursSql(sql`i.id = ${actor.instructorId}`, year));
  if (!me) throw notFound('指导员档案');
  const [row] = await withStanding(tx, [me]);
  const { from, to } = yearBounds(year);
  const items = await queryRows<{ source: 'class' | 'course'; title: string; on: string; hours: number }>(
    tx,
    sql`select 'class' as source, c.title, c.ends_on::text as "on", c.hours::float8 as hours
        from training_attendance a join training_classes c on c.id = a.class_id
        where a.instructor_id = ${me.id} and a.present and c.ends_on between ${from}::date and ${to}::date
        union all
        select 'course', k.title, cc.completed_on::text, k.hours::float8
        from course_completions cc join courses k on k.id = cc.course_id
        where cc.instructor_id = ${me.id} and cc.completed_on between ${from}::date and ${to}::date
        order by 3, 2`,
  );
  return { year, ...row, items };
}

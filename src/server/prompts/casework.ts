// The instructors' work prompts: requests left without an update for the configured number
// of days, and assignments whose last finished week went without the contacts it needed.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, daysBetween } from '../../domain/calendarDate.ts';
import { REQUEST_CATEGORIES } from '../../domain/casework/requests.ts';
import { weekMonday } from '../../domain/casework/weeks.ts';
import type { Actor } from '../actor.ts';
import { assignmentInScope } from '../casework/scope.ts';
import { getCaseworkSettings } from '../casework/settings.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { PromptItem, PromptSection } from './types.ts';

const categoryLabel = (code: string) => REQUEST_CATEGORIES.find((c) => c.code === code)?.label ?? code;

export async function caseworkSections(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection[]> {
  const settings = await getCaseworkSettings(tx, actor.regionCode);
  const since = addDays(today, -settings.requestSilentDays);
  const silent = await queryRows<{
    id: number;
    category: string;
    lastUpdateOn: string;
    enterpriseName: string;
    instructorName: string;
  }>(
    tx,
    sql`select r.id, r.category, r.last_update_on::text as "lastUpdateOn", e.name as "enterpriseName",
          i.name as "instructorName"
        from requests r join assignments a on a.id = r.assignment_id join enterprises e on e.id = a.enterprise_id
          join instructors i on i.id = a.instructor_id
        where ${assignmentInScope(actor, today)} and r.closed_on is null and r.last_update_on <= ${since}::date
        order by r.last_update_on, r.id`,
  );
  const requestItems: PromptItem[] = silent.map((r) => ({
    level: 'overdue',
    title: r.enterpriseName,
    message: `${categoryLabel(r.category)}诉求已 ${daysBetween(r.lastUpdateOn, today)} 天未更新（指导员 ${r.instructorName}，上次更新 ${r.lastUpdateOn}）`,
    en: `Request not updated for ${daysBetween(r.lastUpdateOn, today)} days (instructor ${r.instructorName}, last update ${r.lastUpdateOn})`,
    dueOn: addDays(r.lastUpdateOn, settings.requestSilentDays),
    link: { type: 'request', id: r.id },
  }));

  // Last week: the most recent week that is over. Earlier misses stay listed on the assignment.
  // A week is required when it lies wholly within the assignment and missed with fewer than
  // the set contacts (src/domain/casework/weeks.ts); the rule is applied here in SQL, so only
  // the assignments that missed last week are read, and only the shown ones' weeks counted.
  const lastWeek = addDays(weekMonday(today), -7);
  const perWeek = settings.contactsPerWeek;
  const weekContacts = (assignment: SQL, monday: SQL) =>
    sql`(select count(*) from contacts c where c.assignment_id = ${assignment}
          and c.on_date >= ${monday} and c.on_date < ${monday} + 7)`;
  // The assignments that missed are gathered first, whole (MATERIALIZED), and only then sorted
  // for the page: with the limit beside the count over all of them, the planner walked every
  // enterprise of the region in name order (a sort of the whole region's names, on disk at a
  // city) to probe its assignments, a cost that grew with the enterprises, not the assignments.
  const missed = await queryRows<{
    id: number;
    enterpriseName: string;
    instructorName: string;
    missedWeeks: number;
    total: number;
  }>(
    tx,
    sql`with missed as materialized (
          -- first: the Monday of the first week wholly within the assignment.
          select a.id, a.start_on + (8 - extract(isodow from a.start_on)::int) % 7 as first, e.name as "enterpriseName", i.name as "instructorName"
          from assignments a join enterprises e on e.id = a.enterprise_id join instructors i on i.id = a.instructor_id
          where ${assignmentInScope(actor, today)} and a.start_on <= ${lastWeek}::date
            and (a.end_on is null or a.end_on > ${today}::date)
            and ${weekContacts(sql`a.id`, sql`${lastWeek}::date`)} < ${perWeek}
        )
        select m.id, m."enterpriseName", m."instructorName", (select count(*)::int from missed) as total,
          (select count(*)::int from generate_series(0, (${lastWeek}::date - m.first) / 7) k
           where ${weekContacts(sql`m.id`, sql`(m.first + 7 * k)`)} < ${perWeek}) as "missedWeeks"
        from (select * from missed order by "enterpriseName", "instructorName", id limit ${limit}) m
        order by m."enterpriseName", m."instructorName", m.id`,
  );
  const contactItems: PromptItem[] = missed.map((a) => ({
    level: 'overdue',
    title: a.enterpriseName,
    message: `指导员 ${a.instructorName} 上周（${lastWeek} 起）未按每周 ${perWeek} 次联系企业；选派以来共 ${a.missedWeeks} 周未联系`,
    en: `Instructor ${a.instructorName} did not make ${perWeek} contact(s) last week (from ${lastWeek}); ${a.missedWeeks} week(s) missed since assigned`,
    link: { type: 'assignment', id: a.id },
  }));
  return [
    { key: 'request_silent', total: requestItems.length, items: requestItems.slice(0, limit) },
    { key: 'contact_missed', total: missed[0]?.total ?? 0, items: contactItems },
  ];
}

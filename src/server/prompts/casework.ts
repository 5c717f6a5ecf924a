// The instructors' work prompts: requests left without an update for the configured number
// of days, and assignments whose last finished week went without the contacts it needed.
import { sql } from 'drizzle-orm';
import { addDays, daysBetween } from '../../domain/calendarDate.ts';
import { REQUEST_CATEGORIES } from '../../domain/casework/requests.ts';
import { weekMonday } from '../../domain/casework/weeks.ts';
import type { Actor } from '../actor.ts';
import { assignmentInScope } from '../casework/scope.ts';
import { getCaseworkSettings } from '../casework/settings.ts';
import type { Tx } from '../db/client.ts';
import { withoutJit } from '../db/jit.ts';
import { queryRows } from '../db/rows.ts';
import type { PromptItem, PromptSection } from './types.ts';

const categoryLabel = (code: string) => REQUEST_CATEGORIES.find((c) => c.code === code)?.label ?? code;

export async function caseworkSections(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection[]> {
  await withoutJit(tx);
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
  // the set contacts (src/domain/casework/weeks.ts). The rule is applied in SQL by
  // dangjian_contact_missed (migration 0034), which finds the assignments that missed last week
  // from the assignments and the region index as the owner, with the actor's scope applied
  // inside: under row-level security the same query read every enterprise of the scope and
  // went through contacts' policy for each count, a cost that followed the enterprises, not
  // the assignments. It counts the missed weeks of the shown ones only, and returns the total.
  // The shown ids go back through the policies here (a key probe each), as the name search's do.
  const lastWeek = addDays(weekMonday(today), -7);
  const perWeek = settings.contactsPerWeek;
  const missed = await queryRows<{
    id: number;
    enterpriseName: string;
    instructorName: string;
    missedWeeks: number;
    total: number;
  }>(
    tx,
    sql`select m.id, m.enterprise_name as "enterpriseName", m.instructor_name as "instructorName",
          m.missed_weeks as "missedWeeks", m.total
        from dangjian_contact_missed(${lastWeek}::date, ${today}::date, ${perWeek}::int, ${limit}::int) m
        where exists (select 1 from assignments a where a.id = m.id)
        order by m.enterprise_name, m.instructor_name, m.id`,
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

// The instructors' work prompts: requests left without an update for the configured number
// of days, and assignments whose last finished week went without the contacts it needed.
import { sql } from 'drizzle-orm';
import { addDays, daysBetween } from '../../domain/calendarDate.ts';
import { REQUEST_CATEGORIES } from '../../domain/casework/requests.ts';
import { weekMonday } from '../../domain/casework/weeks.ts';
import type { Actor } from '../actor.ts';
import { listAssignments } from '../casework/queries.ts';
import { assignmentInScope } from '../casework/scope.ts';
import { getCaseworkSettings } from '../casework/settings.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { PromptItem, PromptSection } from './types.ts';

const categoryLabel = (code: string) => REQUEST_CATEGORIES.find((c) => c.code === code)?.label ?? code;

export async function caseworkSections(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection[]> {
  const settings = await getCaseworkSettings(tx);
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
    dueOn: addDays(r.lastUpdateOn, settings.requestSilentDays),
    link: { type: 'request', id: r.id },
  }));

  // Last week: the most recent week that is over. Earlier misses stay listed on the assignment.
  const lastWeek = addDays(weekMonday(today), -7);
  const { items } = await listAssignments(tx, actor, { missed: true }, settings, today);
  const contactItems: PromptItem[] = items
    .filter((a) => a.missedWeeks.at(-1) === lastWeek)
    .map((a) => ({
      level: 'overdue',
      title: a.enterpriseName,
      message: `指导员 ${a.instructorName} 上周（${lastWeek} 起）未按每周 ${settings.contactsPerWeek} 次联系企业；选派以来共 ${a.missedWeeks.length} 周未联系`,
      link: { type: 'assignment', id: a.id },
    }));
  return [
    { key: 'request_silent', total: requestItems.length, items: requestItems.slice(0, limit) },
    { key: 'contact_missed', total: contactItems.length, items: contactItems.slice(0, limit) },
  ];
}

// Which meetings are due (rules.md §10), in SQL over every org in scope at once: for each org
// (or party group) and each kind of meeting the deployment requires, the current period with
// none held yet (due until its end) and the last finished period with none held (overdue).
// Compliance is held or not held: nothing here counts or ranks how many were held.
import { type SQL, sql } from 'drizzle-orm';
import { DEFAULT_FORMATION_RULES } from '../../domain/org/formation.ts';
import {
  FREQUENCIES,
  type Frequency,
  MEETING_KIND_EN,
  MEETING_KINDS,
  type MeetingKind,
  type Period,
  periodName,
  periodOf,
  previousPeriod,
} from '../../domain/orglife/meetings.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { OrglifeSettings } from './settings.ts';

export interface DueMeeting {
  orgId: number;
  orgName: string;
  kind: MeetingKind;
  partyGroupId: number | null;
  partyGroupName: string | null;
  frequency: Exclude<Frequency, 'none'>;
  start: string;
  end: string;
  level: 'overdue' | 'due';
}

/** The kinds the settings require, each with its current and previous period on `today`. */
function periods(settings: OrglifeSettings, today: string) {
  return MEETING_KINDS.flatMap(({ code }) => {
    const f = settings[code];
    if (f === 'none') return [];
    return [{ kind: code, frequency: f, current: periodOf(f, today), previous: previousPeriod(f, today) }];
  });
}

/**
 * The periods (rows of `values`: kind, frequency, level, p_start, p_end) in which an org matching
 * `orgWhere` (a condition on `o`, party_orgs) in force on `on`, or one of its party groups, held
 * no meeting of the kind it is asked for: the rules of rules.md §10 in one place, for the
 * prompts here and for the year's 组织生活情况 report (reports/orglifeReport.ts).
 */
export function missedMeetingsSql(orgWhere: SQL, values: SQL, on: string): SQL {
  return sql`with k(kind, frequency, level, p_start, p_end) as (values ${values}),
      o as materialized (
        select o.id, o.name, o.type, o.established_on, o.reported_full_count
        from party_orgs o
        where ${orgWhere} and (o.dissolved_on is null or o.dissolved_on > ${on}::date)
      ),
      targets as (
        select o.id as org_id, o.name as org_name, o.established_on as since, null::int as group_id,
          null::text as group_name, k.*
        from o cross join k
        where k.kind <> 'group_meeting'
          and (k.kind <> 'general_meeting' or o.type <> 'committee')
          -- A 支委会 is asked of an org with a committee in the period: a 党委 or 总支, or a branch
          -- with 7 or more full members on its roster on the period's first day (the reported
          -- count where it has no roster then), not today's roster.
          and (k.kind <> 'committee_meeting' or o.type in ('committee', 'general_branch')
            or (select case when count(*) > 0
                  then count(*) filter (where m.full_on <= k.p_start and m.relation_org_name is null)
                  else coalesce(o.reported_full_count, 0) end
                from members m where m.org_id = o.id and m.joined_on <= k.p_start
                  and (m.left_on is null or m.left_on > k.p_start)) >= ${DEFAULT_FORMATION_RULES.committeeMinFull})
        union all
        select o.id, o.name, greatest(o.established_on, g.created_at::date), g.id, g.name, k.*
        from o join party_groups g on g.org_id = o.id join k on k.kind = 'group_meeting'
      )
      select t.* from targets t
      -- An org (or group) is asked for the meetings of a period it existed from the start of.
      where t.since <= t.p_start
        and not exists (select 1 from meetings m where m.org_id = t.org_id and m.kind = t.kind
          and (t.group_id is null or m.party_group_id = t.group_id)
          and m.held_on between t.p_start and t.p_end)`;
}

/**
 * The meetings not held in the current or last period, for the orgs matching `orgWhere` (a
 * condition on `o`, party_orgs), overdue first; with the total of all of them.
 */
export async function dueMeetings(
  tx: Tx,
  orgWhere: SQL,
  settings: OrglifeSettings,
  today: string,
  limit: number,
): Promise<{ total: number; items: DueMeeting[] }> {
  const kinds = periods(settings, today);
  if (kinds.length === 0) return { total: 0, items: [] };
  const values = sql.join(
    kinds.flatMap((k) => [
      sql`(${k.kind}, ${k.frequency}, 'overdue', ${k.previous.start}::date, ${k.previous.end}::date)`,
      sql`(${k.kind}, ${k.frequency}, 'due', ${k.current.start}::date, ${k.current.end}::date)`,
    ]),
    sql`, `,
  );
  const rows = await queryRows<DueMeeting & { total: number }>(
    tx,
    sql`select t.org_id as "orgId", t.org_name as "orgName", t.kind, t.group_id as "partyGroupId",
        t.group_name as "partyGroupName", t.frequency, t.p_start::text as start, t.p_end::text as "end", t.level,
        count(*) over ()::int as total
      from (${missedMeetingsSql(orgWhere, values, today)}) t
      order by t.level desc, t.p_end, t.org_name, t.org_id, t.kind, t.group_name
      limit ${limit}`,
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

const kindLabel = (kind: MeetingKind) => MEETING_KINDS.find((k) => k.code === kind)?.label as string;
const frequencyLabel = (f: Frequency) => FREQUENCIES.find((x) => x.code === f)?.label as string;

/** A due meeting in words, both languages. */
export function dueMessage(d: DueMeeting): { zh: string; en: string } {
  const p: Period = { start: d.start, end: d.end };
  const group = d.partyGroupName ? `“${d.partyGroupName}”` : '';
  const rule = `${frequencyLabel(d.frequency)}至少一次`;
  if (d.level === 'overdue') {
    return {
      zh: `${periodName(d.frequency, p)}未召开${group}${kindLabel(d.kind)}（${rule}）`,
      en: `No ${MEETING_KIND_EN[d.kind]}${d.partyGroupName ? ` of group ${d.partyGroupName}` : ''} held in ${periodName(d.frequency, p, 'en')}`,
    };
  }
  return {
    zh: `${periodName(d.frequency, p)}尚未召开${group}${kindLabel(d.kind)}，应于 ${d.end} 前召开（${rule}）`,
    en: `No ${MEETING_KIND_EN[d.kind]}${d.partyGroupName ? ` of group ${d.partyGroupName}` : ''} held yet in ${periodName(d.frequency, p, 'en')}; due by ${d.end}`,
  };
}

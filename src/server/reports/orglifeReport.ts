// 组织生活情况 (issue #15 item 9): for a year, one row per child region, 合计 first. Everything
// counts by the org's region: meetings, attendance and the due-meeting rules are the org's.
// The figures run from 1 January to 31 December (for the current year: to today).
import { type SQL, sql } from 'drizzle-orm';
import { addDays, compareDates, formatDate } from '../../domain/calendarDate.ts';
import { MEETING_KINDS, type MeetingKind, periodOf } from '../../domain/orglife/meetings.ts';
import { ORGLIFE_COUNT_KEYS, type OrglifeCountKey, type OrglifeRow } from '../../domain/reports/activityForms.ts';
import { type RegionKey, sumFields } from '../../domain/reports/rows.ts';
import { rate } from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { missedMeetingsSql } from '../orglife/due.ts';
import { getOrglifeSettings, type OrglifeSettings } from '../orglife/settings.ts';
import { regionInScope } from '../regions/scope.ts';
import { annualAsOf } from './annual.ts';
import { RegionFrame } from './common.ts';

export interface OrglifeReport {
  report: 'orglife';
  region: string;
  name: string;
  year: number;
  asOf: string;
  partial: boolean;
  total: OrglifeRow;
  rows: OrglifeRow[];
}

const KIND_FIELD: Record<MeetingKind, OrglifeCountKey> = {
  general_meeting: 'generalMeetings',
  committee_meeting: 'committeeMeetings',
  group_meeting: 'groupMeetings',
  party_lecture: 'partyLectures',
  theme_day: 'themeDays',
  life_meeting: 'lifeMeetings',
  member_review: 'memberReviews',
};

/**
 * The periods of the year each required kind was due in: only the periods that have ended by
 * `asOf` (a period still running is not yet missed), as the rows missedMeetingsSql takes.
 */
function yearPeriods(settings: OrglifeSettings, year: number, asOf: string): SQL | null {
  const rows: SQL[] = [];
  for (const { code } of MEETING_KINDS) {
    const f = settings[code];
    if (f === 'none') continue;
    for (
      let p = periodOf(f, formatDate(year, 1, 1));
      compareDates(p.end, asOf) <= 0;
      p = periodOf(f, addDays(p.end, 1))
    )
      rows.push(sql`(${code}, ${f}, 'overdue', ${p.start}::date, ${p.end}::date)`);
  }
  return rows.length ? sql.join(rows, sql`, `) : null;
}

type Counts = Record<OrglifeCountKey, number>;
type Tally = { regionCode: string; field: OrglifeCountKey; n: number };

async function tallies(tx: Tx, prefix: string, year: number, asOf: string, settings: OrglifeSettings) {
  const like = `${prefix}%`;
  const from = formatDate(year, 1, 1);
  const inForce = sql`o.region_code like ${like} and o.established_on <= ${asOf}::date`;
  const values = yearPeriods(settings, year, asOf);
  const missed = values
    ? sql`o.id in (select m.org_id from (${missedMeetingsSql(inForce, values, asOf)}) m)`
    : sql`false`;
  const queries: SQL[] = [
    // Orgs in force on the as-of date, and of those the ones that held every meeting due in the year.
    sql`select o.region_code as "regionCode", x.field, count(*)::int as n
        from party_orgs o cross join lateral (
          select 'orgs' as field union all select 'orgsAllHeld' where not (${missed})
        ) x
        where ${inForce} and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)
        group by 1, 2`,
    sql`select o.region_code as "regionCode", m.kind as field, count(*)::int as n
        from meetings m join party_orgs o on o.id = m.org_id
        where o.region_code like ${like} and m.held_on between ${from}::date and ${asOf}::date
        group by 1, 2`,
    // Attendance: members expected (guests are not) and of them those present, at meetings
    // whose attendance was recorded.
    sql`select o.region_code as "regionCode", x.field, count(*)::int as n
        from meetings m join party_orgs o on o.id = m.org_id
          join meeting_attendance a on a.meeting_id = m.id and not a.guest
          cross join lateral (select 'expected' as field union all select 'present' where a.present) x
        where o.region_code like ${like} and m.attendance_recorded
          and m.held_on between ${from}::date and ${asOf}::date
        group by 1, 2`,
  ];
  const out: Tally[] = [];
  for (const q of queries) out.push(...(await queryRows<Tally>(tx, q)));
  return out;
}

function finish(key: RegionKey, c: Counts): OrglifeRow {
  return { ...key, ...c, attendanceRate: rate(c.present, c.expected) };
}

export async function orglifeReport(
  tx: Tx,
  actor: Actor,
  q: { region: string; year: number },
  today: string,
): Promise<OrglifeReport> {
  const region = await regionInScope(tx, actor, q.region);
  const { asOf, partial } = annualAsOf(q.year, today);
  const frame = await RegionFrame.of(tx, region);
  const counts = new Map<string, Counts>();
  const at = (key: string) => {
    const c = counts.get(key) ?? (Object.fromEntries(ORGLIFE_COUNT_KEYS.map((k) => [k, 0])) as Counts);
    counts.set(key, c);
    return c;
  };
  for (const t of await tallies(tx, region.prefix, q.year, asOf, await getOrglifeSettings(tx))) {
    const field = KIND_FIELD[t.field as MeetingKind] ?? t.field;
    at(frame.keyOf(t.regionCode))[field] += t.n;
  }
  const rows = frame.keys(counts.has(region.code)).map((k) => finish(k, at(k.region)));
  const total = finish({ region: region.code, name: '合计' }, sumFields(rows, ORGLIFE_COUNT_KEYS));
  return { report: 'orglife', region: region.code, name: region.name, year: q.year, asOf, partial, total, rows };
}

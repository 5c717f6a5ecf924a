// An org's year of meetings for its page (rules.md §10): for each kind it must hold (and each
// party group), the periods of the year, each held, due, overdue or still to come.
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import { DEFAULT_FORMATION_RULES } from '../../domain/org/formation.ts';
import {
  FREQUENCIES,
  type Frequency,
  MEETING_KINDS,
  type MeetingKind,
  periodOf,
} from '../../domain/orglife/meetings.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { orgFacts } from '../orgs/facts.ts';
import { loadOrg } from '../orgs/load.ts';
import { getOrglifeSettings } from './settings.ts';

export type PeriodState = 'held' | 'due' | 'overdue' | 'upcoming' | 'before';

export interface StatusRow {
  kind: MeetingKind;
  kindLabel: string;
  partyGroupId: number | null;
  partyGroupName: string | null;
  frequency: Exclude<Frequency, 'none'>;
  frequencyLabel: string;
  periods: { start: string; end: string; state: PeriodState }[];
}

/** The periods of `frequency` in `year`. */
function periodsOfYear(frequency: Exclude<Frequency, 'none'>, year: number) {
  const list = [];
  let day = `${year}-01-01`;
  while (day <= `${year}-12-31`) {
    const p = periodOf(frequency, day);
    list.push(p);
    day = addDays(p.end, 1);
  }
  return list;
}

export async function meetingStatus(tx: Tx, actor: Actor, orgId: number, year: number, today: string) {
  const org = await loadOrg(tx, actor, orgId);
  const settings = await getOrglifeSettings(tx);
  const [facts] = await orgFacts(tx, sql`o.id = ${orgId}`, today);
  const hasCommittee =
    org.type === 'committee' ||
    org.type === 'general_branch' ||
    (facts?.fullMembers ?? 0) >= DEFAULT_FORMATION_RULES.committeeMinFull;
  const groups = await queryRows<{ id: number; name: string; since: string }>(
    tx,
    sql`select id, name, created_at::date::text as since from party_groups where org_id = ${orgId} order by name, id`,
  );
  const held = await queryRows<{ kind: MeetingKind; groupId: number | null; heldOn: string }>(
    tx,
    sql`select kind, party_group_id as "groupId", held_on::text as "heldOn" from meetings
        where org_id = ${orgId} and held_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`,
  );
  const rows: StatusRow[] = [];
  for (const { code: kind, label } of MEETING_KINDS) {
    const frequency = settings[kind];
    if (frequency === 'none') continue;
    if (kind === 'general_meeting' && org.type === 'committee') continue;
    if (kind === 'committee_meeting' && !hasCommittee) continue;
    const targets =
      kind === 'group_meeting'
        ? groups.map((g) => ({ id: g.id as number | null, name: g.name as string | null, since: g.since }))
        : [{ id: null, name: null, since: org.establishedOn }];
    for (const t of targets) {
      rows.push({
        kind,
        kindLabel: label,
        partyGroupId: t.id,
        partyGroupName: t.name,
        frequency,
        frequencyLabel: FREQUENCIES.find((f) => f.code === frequency)?.label as string,
        periods: periodsOfYear(frequency, year).map((p) => {
          const any = held.some(
            (m) => m.kind === kind && (t.id === null || m.groupId === t.id) && m.heldOn >= p.start && m.heldOn <= p.end,
          );
          // As the prompts (due.ts): a period is asked of an org or group that existed from its start.
          const state: PeriodState = any
            ? 'held'
            : p.start < t.since
              ? 'before'
              : p.start > today
                ? 'upcoming'
                : p.end >= today
                  ? 'due'
                  : 'overdue';
          return { ...p, state };
        }),
      });
    }
  }
  return { year, rows };
}

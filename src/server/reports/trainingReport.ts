// 培训情况 (issue #16 item 7): for a year, one row per child region. Classes, attendances (人次),
// people and person-hours count by the region that held the class; the people a requirement
// applies to, and those below it, by the person's own region (rules.md §12). The figures run
// from 1 January to 31 December (for the current year: to today, so "below" is so far).
import { sql } from 'drizzle-orm';
import { formatDate } from '../../domain/calendarDate.ts';
import { type RegionKey, sumFields } from '../../domain/reports/rows.ts';
import { TRAINING_COUNT_KEYS, type TrainingCountKey, type TrainingRow } from '../../domain/reports/trainingForm.ts';
import { roundHours } from '../../domain/training/hours.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import { instructorHoursSql, memberHoursSql, type PersonHours, withStanding } from '../training/hours.ts';
import { annualAsOf } from './annual.ts';
import { RegionFrame } from './common.ts';

export interface TrainingReport {
  report: 'training';
  region: string;
  name: string;
  year: number;
  asOf: string;
  partial: boolean;
  total: TrainingRow;
  rows: TrainingRow[];
}

type Counts = Record<TrainingCountKey, number>;

export async function trainingReport(
  tx: Tx,
  actor: Actor,
  q: { region: string; year: number },
  today: string,
): Promise<TrainingReport> {
  const region = await regionInScope(tx, actor, q.region);
  const { asOf, partial } = annualAsOf(q.year, today);
  const frame = await RegionFrame.of(tx, region);
  const like = `${region.prefix}%`;
  const from = formatDate(q.year, 1, 1);
  const counts = new Map<string, Counts>();
  const at = (key: string) => {
    const c = counts.get(key) ?? (Object.fromEntries(TRAINING_COUNT_KEYS.map((k) => [k, 0])) as Counts);
    counts.set(key, c);
    return c;
  };

  const held = await queryRows<{
    regionCode: string;
    classes: number;
    attendances: number;
    people: number;
    hours: number;
  }>(
    tx,
    sql`select c.region_code as "regionCode", count(distinct c.id)::int as classes,
          count(a.id)::int as attendances,
          count(distinct coalesce('m' || a.member_id, 'i' || a.instructor_id, 'd' || a.development_id))::int as people,
          coalesce(sum(c.hours) filter (where a.id is not null), 0)::float8 as hours
        from training_classes c left join training_attendance a on a.class_id = c.id and a.present
        where c.region_code like ${like} and c.ends_on between ${from}::date and ${asOf}::date
        group by 1`,
  );
  for (const h of held) {
    const c = at(frame.keyOf(h.regionCode));
    c.classes += h.classes;
    c.attendances += h.attendances;
    c.people += h.people;
    c.hours = roundHours(c.hours + h.hours);
  }

  const people = await queryRows<PersonHours>(
    tx,
    sql`${memberHoursSql(sql`o.region_code like ${like} and o.established_on <= ${asOf}::date and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)`, q.year, asOf)}
        union all ${instructorHoursSql(sql`i.region_code like ${like}`, q.year)}`,
  );
  for (const p of await withStanding(tx, people)) {
    const c = at(frame.keyOf(p.regionCode));
    c.assessed += 1;
    if (p.below) c.belowRequirement += 1;
  }

  const rows = frame.keys(counts.has(region.code)).map((k: RegionKey) => ({ ...k, ...at(k.region) }));
  const sums = sumFields(rows, TRAINING_COUNT_KEYS);
  const total = { region: region.code, name: '合计', ...sums, hours: roundHours(sums.hours) };
  return { report: 'training', region: region.code, name: region.name, year: q.year, asOf, partial, total, rows };
}

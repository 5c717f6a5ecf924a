// A candidate's centralised training is the 发展对象 class record (rules.md §6, §12: record once).
// Whenever a class's attendance changes, each development record it touches takes its days and
// hours from the classes it was present at (those ending by its admission), and is marked as
// taken from the classes: the development form then refuses typed figures and points here.
import { sql } from 'drizzle-orm';
import { MIN_TRAINING_DAYS, MIN_TRAINING_HOURS } from '../../domain/org/development.ts';
import { roundHours } from '../../domain/training/hours.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { invalid } from '../orgs/invalid.ts';

interface Totals {
  id: number;
  name: string;
  admittedOn: string | null;
  fromClass: boolean;
  classes: number;
  days: number;
  hours: number;
}

/** The class totals of each development in `ids`: its present attendances at 发展对象 classes. */
async function totals(tx: Tx, ids: number[]): Promise<Totals[]> {
  if (ids.length === 0) return [];
  return queryRows<Totals>(
    tx,
    sql`select d.id, d.name, d.admitted_on::text as "admittedOn", d.training_from_class as "fromClass",
          count(c.id)::int as classes,
          coalesce(sum(c.ends_on - c.starts_on + 1), 0)::int as days,
          coalesce(sum(c.hours), 0)::float8 as hours
        from developments d
          left join training_attendance a on a.development_id = d.id and a.present
          left join training_classes c on c.id = a.class_id and c.kind = 'candidate'
            and (d.admitted_on is null or c.ends_on <= d.admitted_on)
        where d.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        group by d.id`,
  );
}

/**
 * Brings the developments in `ids` in line with their classes. An admitted candidate's
 * training was a condition of the admission, so a change leaving it short is refused.
 */
export async function syncCandidateTraining(tx: Tx, ids: number[]): Promise<void> {
  for (const t of await totals(tx, [...new Set(ids)])) {
    const hours = roundHours(t.hours);
    if (t.fromClass && t.admittedOn && t.days < MIN_TRAINING_DAYS && hours < MIN_TRAINING_HOURS) {
      invalid(
        'attendance',
        `${t.name}已于 ${t.admittedOn} 接收为预备党员，接收前的集中培训不能少于${MIN_TRAINING_DAYS}天或${MIN_TRAINING_HOURS}学时；按此登记只有 ${t.days} 天、${hours} 学时`,
      );
    }
    if (t.classes === 0) {
      if (t.fromClass)
        await tx.execute(
          sql`update developments set training_days = null, training_hours = null, training_from_class = false,
                updated_at = now() where id = ${t.id}`,
        );
      continue;
    }
    await tx.execute(
      sql`update developments set training_days = ${t.days}, training_hours = ${hours}, training_from_class = true,
            updated_at = now() where id = ${t.id}`,
    );
  }
}

/** The 发展对象 classes a development was present at, for the refusal that points to them. */
export async function candidateClasses(tx: Tx, developmentId: number) {
  return queryRows<{ id: number; title: string; startsOn: string; endsOn: string }>(
    tx,
    sql`select c.id, c.title, c.starts_on::text as "startsOn", c.ends_on::text as "endsOn"
        from training_attendance a join training_classes c on c.id = a.class_id
        where a.development_id = ${developmentId} and a.present and c.kind = 'candidate'
        order by c.starts_on, c.id`,
  );
}

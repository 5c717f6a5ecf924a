// The assessment results of a half year: each instructor's three parts, final score and grade.
import { sql } from 'drizzle-orm';
import { periodRange } from '../../domain/assessment/period.ts';
import { assess, type Component, GRADE_LABELS, type Grade } from '../../domain/assessment/score.ts';
import type { AssessmentSettings } from '../../domain/assessment/settings.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { getAssessmentSettings } from './settings.ts';

export interface AssessmentRow {
  instructorId: number;
  name: string;
  department: string;
  regionCode: string;
  daily: number | null;
  dailyEntries: number;
  periodic: number | null;
  democratic: number | null;
  ballots: number;
  final: number | null;
  /** Code of the grade (GRADE_LABELS names it); null when incomplete. */
  grade: Grade | null;
  gradeLabel: string | null;
  incomplete: boolean;
  missing: Component[];
  /** 优秀 by score, 称职 by the excellent-share cap. */
  capped: boolean;
}

/**
 * Every instructor of the actor's region serving at some time in the half year (not left
 * before it began), in name order, with the breakdown. Incomplete results (a component with
 * a weight but no data) have neither final score nor grade and take no part in the cap.
 */
export async function assessmentResults(
  tx: Tx,
  actor: Actor,
  period: string,
  settings?: AssessmentSettings,
): Promise<AssessmentRow[]> {
  const s = settings ?? (await getAssessmentSettings(tx, actor.regionCode));
  const { from, to } = periodRange(period);
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  const rows = await queryRows<{
    id: number;
    name: string;
    department: string;
    regionCode: string;
    daily: number[] | null;
    duties: number | null;
    discipline: number | null;
    effectiveness: number | null;
    democratic: number[] | null;
  }>(
    tx,
    sql`select i.id, i.name, d.name as department, i.region_code as "regionCode",
               (select array_agg(x.score::float8) from daily_assessments x
                 where x.instructor_id = i.id and x.on_date between ${from}::date and ${to}::date) as daily,
               p.duties::float8 as duties, p.discipline::float8 as discipline, p.effectiveness::float8 as effectiveness,
               (select array_agg(a.score::float8) from appraisal_scores a
                 where a.instructor_id = i.id and a.period = ${period}) as democratic
        from instructors i
        join departments d on d.id = i.source_department_id
        left join periodic_assessments p on p.instructor_id = i.id and p.period = ${period}
        where i.region_code like ${`${actor.scopePrefix}%`}
          and (i.left_on is null or i.left_on > ${from}::date)
        order by i.name, i.id`,
  );
  const results = assess(
    rows.map((r) => ({
      instructorId: r.id,
      daily: r.daily ?? [],
      periodic:
        r.duties === null
          ? null
          : { duties: Number(r.duties), discipline: Number(r.discipline), effectiveness: Number(r.effectiveness) },
      democratic: r.democratic ?? [],
    })),
    s,
  );
  return rows.map((r, k) => {
    const { instructorId, ...result } = results[k];
    return {
      instructorId,
      name: r.name,
      department: r.department,
      regionCode: r.regionCode,
      ...result,
      gradeLabel: result.grade ? GRADE_LABELS['zh-CN'][result.grade] : null,
    };
  });
}

// The checked member roster written: new members inserted and changed ones updated in one
// statement each, the columns set being those the file has.
import { sql } from 'drizzle-orm';
import type { MemberColumnKey } from '../../../domain/org/memberColumns.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { refreshEnterpriseMembers } from '../../members/counts.ts';
import type { Batch } from '../batches.ts';

/**
 * A file says only 是 for 是否流动党员: the member has been away more than 6 months today, so
 * since 6 months and a day ago at the latest — the date recorded (as migration 0019 did for the
 * old yes/no); the place stays unrecorded until the org records the period.
 */
const AWAY_SINCE_OF_YES = `(current_date - interval '6 months' - interval '1 day')::date`;

/** The member columns an update writes, for the columns the file has (status and its date always go together). */
const SETS: [MemberColumnKey | null, string][] = [
  ['name', `name = s.v->>'name'`],
  ['ethnicity', `ethnicity = s.v->>'ethnicity'`],
  ['education', `education = s.v->>'education'`],
  [null, `status = s.v->>'status', full_on = (s.v->>'fullOn')::date`],
  ['joinedOn', `joined_on = (s.v->>'joinedOn')::date`],
  ['employerUscc', `employer_id = (s.r->>'employerId')::int`],
  ['position', `position = s.v->>'position'`],
  [
    'phone',
    `phone = case when m.phone_hash is distinct from s.v->>'phoneHash' then s.v->>'phone' else m.phone end, phone_hash = s.v->>'phoneHash'`,
  ],
  [
    'mobile',
    `away_since = case when (s.v->>'mobile')::boolean then coalesce(m.away_since, ${AWAY_SINCE_OF_YES}) else m.away_since end`,
  ],
  ['relationOrg', `relation_org_name = s.v->>'relationOrg'`],
  ['jobCode', `job_code = s.v->>'jobCode'`],
  ['newClass', `new_class_code = s.v->>'newClass'`],
  ['migrantWorker', `migrant_worker = (s.v->>'migrantWorker')::boolean`],
  ['joinType', `join_type = s.v->>'joinType'`],
];

/**
 * Writes the checked batch: new members inserted and changed ones updated, each in one
 * statement, then the member counts of every employer concerned. Returns how many of each.
 */
export async function writeMembers(tx: Tx, actor: Actor, batch: Batch) {
  const b = batch.id;
  const inserted = await queryRows<{ id: number }>(
    tx,
    sql`insert into members (name, id_number, id_number_hash, birth_date, sex, ethnicity, education, status,
          joined_on, full_on, org_id, employer_id, position, phone, phone_hash, away_since, relation_org_name,
          job_code, new_class_code, migrant_worker, join_type)
        select s.v->>'name', s.v->>'idNumber', s.v->>'idHash', (s.v->>'birthDate')::date, s.v->>'sex',
          s.v->>'ethnicity', s.v->>'education', s.v->>'status', (s.v->>'joinedOn')::date, (s.v->>'fullOn')::date,
          (s.r->>'orgId')::int, (s.r->>'employerId')::int, s.v->>'position', s.v->>'phone', s.v->>'phoneHash',
          case when (s.v->>'mobile')::boolean then ${sql.raw(AWAY_SINCE_OF_YES)} end, s.v->>'relationOrg',
          s.v->>'jobCode', s.v->>'newClass', (s.v->>'migrantWorker')::boolean, s.v->>'joinType'
        from (select data->'v' as v, data->'r' as r, row from import_rows
              where batch_id = ${b} and outcome = 'added' order by row) s
        returning id`,
  );
  const columns = new Set(batch.columns);
  const sets = SETS.filter(([key]) => key === null || columns.has(key)).map(([, set]) => set);
  const updated = await queryRows<{ id: number }>(
    tx,
    sql`update members m set ${sql.raw(sets.join(', '))}, updated_at = now()
        from (select data->'v' as v, data->'r' as r from import_rows where batch_id = ${b} and outcome = 'changed') s
        where m.id = (s.r->>'memberId')::int
        returning m.id`,
  );
  const employers = await queryRows<{ id: number }>(
    tx,
    sql`select distinct x.id from import_rows r
        cross join lateral (values ((r.data->'r'->>'employerId')::int), ((r.data->'r'->>'previousEmployerId')::int)) x(id)
        where r.batch_id = ${b} and r.outcome in ('added', 'changed') and x.id is not null`,
  );
  // The employers' member counts follow the roster (before and after a change of employer).
  await refreshEnterpriseMembers(
    tx,
    actor,
    employers.map((e) => e.id),
  );
  return { inserted: inserted.length, updated: updated.length };
}

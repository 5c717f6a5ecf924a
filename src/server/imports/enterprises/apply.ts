import { sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { fieldsOf, LEDGER_FIELDS, stagedValue } from '../../enterprises/fields.ts';
import type { Batch } from '../batches.ts';

/**
 * Writes a checked batch into the ledger, inside the confirmation's transaction: new
 * enterprises, the changed fields of known ones with a history row per field, and the
 * missing flag. Only rows without errors have an outcome that writes anything, so a partial
 * batch writes its valid rows and no others.
 */
export async function writeEnterprises(tx: Tx, actor: Actor, batch: Batch): Promise<void> {
  const b = batch.id;
  const who = sql`${actor.actorId}, ${actor.username}`;
  // A large batch sorts its rows by file order and its history by id: in memory, not on disk.
  await tx.execute(sql`set local work_mem = '64MB'`);
  const fields = fieldsOf(batch.columns);

  // New enterprises, their staged rows linked to them, and a 'created' history row each: one statement.
  const insertCols = LEDGER_FIELDS.map((f) => f.column).join(', ');
  const insertVals = LEDGER_FIELDS.map((f) => stagedValue(f)).join(', ');
  await tx.execute(sql`
    with added as (
      insert into enterprises (uscc, ${sql.raw(insertCols)}, full_member_estimated, phone, phone_hash, last_batch_id)
      select r.uscc, ${sql.raw(insertVals)}, (r.data->>'fullMemberEstimated')::boolean, r.data->>'phone', r.data->>'phoneHash', ${b}
      from import_rows r where r.batch_id = ${b} and r.outcome = 'added' order by r.row
      returning id, uscc
    ), linked as (
      update import_rows r set enterprise_id = a.id from added a
      where r.batch_id = ${b} and r.outcome = 'added' and r.uscc = a.uscc
      returning r.enterprise_id, r.data
    )
    insert into enterprise_history (enterprise_id, field, before, after, batch_id, actor_id, actor_name)
    select l.enterprise_id, 'created', null, l.data - 'phone' - 'phoneHash', ${b}, ${who}
    from linked l order by l.enterprise_id`);

  // Changed fields, and seen in this batch; one write per changed enterprise. Only the fields
  // in the row's diff are written: the member counts of an enterprise with a roster are not in
  // it (outcome.ts), and an estimate never replaces a count.
  const sets = fields.map(
    (f) => `${f.column} = case when r.diff ? '${f.key}' then ${stagedValue(f)} else e.${f.column} end`,
  );
  if (fields.some((f) => f.key === 'fullMemberCount')) {
    sets.push(
      `full_member_estimated = case when r.diff ? 'fullMemberCount' or r.diff ? 'fullMemberEstimated' then (r.data->>'fullMemberEstimated')::boolean else e.full_member_estimated end`,
    );
  }
  if (batch.columns.includes('phone')) sets.push(`phone = r.data->>'phone'`, `phone_hash = r.data->>'phoneHash'`);
  if (sets.length) {
    await tx.execute(
      sql.raw(`
        update enterprises e set ${sets.join(', ')}, updated_at = now(),
          last_batch_id = ${b}, missing_since_batch_id = null
        from import_rows r where r.batch_id = ${b} and r.outcome = 'changed' and e.id = r.enterprise_id`),
    );
  }
  await tx.execute(sql`
    insert into enterprise_history (enterprise_id, field, before, after, batch_id, actor_id, actor_name)
    select r.enterprise_id, d.key, d.value->'before', d.value->'after', ${b}, ${who}
    from import_rows r cross join lateral jsonb_each(r.diff) d
    where r.batch_id = ${b} and r.outcome = 'changed'`);

  // Seen again: no longer missing. Missing now: flagged for review, never deleted.
  await tx.execute(sql`
    update enterprises e set last_batch_id = ${b}, missing_since_batch_id = null
    from import_rows r where r.batch_id = ${b} and r.outcome in ('changed', 'unchanged') and e.id = r.enterprise_id
      and (e.last_batch_id is distinct from ${b} or e.missing_since_batch_id is not null)`);
  await tx.execute(sql`
    update enterprises e set missing_since_batch_id = ${b}
    from import_missing m where m.batch_id = ${b} and e.id = m.enterprise_id and e.missing_since_batch_id is null`);
}

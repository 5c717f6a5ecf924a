import { sql } from 'drizzle-orm';
import { headerOf } from '../../../domain/enterprise/columns.ts';
import {
  duplicateUsccMessage,
  regionNotFoundMessage,
  regionOutOfScopeMessage,
} from '../../../domain/enterprise/messages.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { countBatch, insertIssues } from '../batches.ts';
import { outcomeSql } from './outcome.ts';

export const ELSEWHERE_MESSAGE =
  '该统一社会信用代码已登记在您管辖范围以外的台账中，不能由本辖区导入；如企业已迁入，请联系上级党工委核实';

/**
 * The row checks that need the database, run once after reading: a uscc twice in the file
 * (naming every row), a region that does not exist or lies outside the importer's scope,
 * and a uscc already in another scope's ledger. Marks those rows as errors.
 */
export async function checkAgainstDatabase(tx: Tx, actor: Actor, batchId: number) {
  const b = batchId;
  const issues: { row: number; column: string; message: string; severity: 'error' }[] = [];
  const dups = await queryRows<{ uscc: string; rows: number[] }>(
    tx,
    sql`select uscc, array_agg(row order by row) as rows from import_rows
        where batch_id = ${b} and uscc is not null group by uscc having count(*) > 1`,
  );
  for (const d of dups) {
    for (const row of d.rows) {
      issues.push({ row, column: headerOf('uscc'), message: duplicateUsccMessage(d.uscc, d.rows), severity: 'error' });
    }
  }
  const badRegions = await queryRows<{ row: number; code: string; known: boolean }>(
    tx,
    sql`select r.row, r.data->>'regionCode' as code, g.code is not null as known
        from import_rows r left join regions g on g.code = r.data->>'regionCode'
        where r.batch_id = ${b} and r.data is not null
          and (g.code is null or not (g.code like ${`${actor.scopePrefix}%`}))`,
  );
  for (const r of badRegions) {
    issues.push({
      row: r.row,
      column: headerOf('regionCode'),
      message: r.known ? regionOutOfScopeMessage(r.code) : regionNotFoundMessage(r.code),
      severity: 'error',
    });
  }
  // Row-level security hides enterprises outside the scope; this asks only whether the code
  // is taken there, through a function that reveals nothing else. A code already registered
  // in this scope is unique, so it is not taken elsewhere: only the others need asking.
  const elsewhere = await queryRows<{ row: number }>(
    tx,
    sql`with unknown as materialized (
          select r.row, r.uscc from import_rows r where r.batch_id = ${b} and r.uscc is not null
            and not exists (select 1 from enterprises e
                            where e.uscc = r.uscc and e.region_code like ${`${actor.scopePrefix}%`}))
        select row from unknown where dangjian_uscc_outside_scope(uscc)`,
  );
  for (const r of elsewhere)
    issues.push({ row: r.row, column: headerOf('uscc'), message: ELSEWHERE_MESSAGE, severity: 'error' });
  if (issues.length) {
    await insertIssues(tx, b, issues);
    await tx.execute(
      sql`update import_rows set has_errors = true where batch_id = ${b} and row = any(${`{${issues.map((i) => i.row).join(',')}}`}::int[])`,
    );
  }
}

/**
 * What the batch would do: each row added, changed (with the fields' before and after) or
 * unchanged; the enterprises the same source had last time and this file lacks; and the
 * reported party-organization fields that disagree with the records. Pure SQL over the
 * staged rows, in the caller's transaction; run again at apply time, so what is written is
 * what the ledger is then, not what it was at the preview.
 */
export async function reconcile(tx: Tx, actor: Actor, batch: { id: number; source: string; columns: string[] }) {
  const b = batch.id;
  await tx.execute(sql`delete from import_missing where batch_id = ${b}`);

  // One pass over the batch: each row's enterprise, diff, outcome and discrepancy, written
  // only where they differ from what the row already says (staging computed them for the
  // ledger as it was then; at apply time they usually equal the preview's).
  const outcome = outcomeSql(batch.columns);
  await tx.execute(
    sql.raw(`
      update import_rows r set
        enterprise_id = x.enterprise_id, diff = x.diff, outcome = x.outcome, discrepancy = x.discrepancy
      from (select s.row, ${outcome.columns} from import_rows s ${outcome.joins} where s.batch_id = ${b}) x
      where r.batch_id = ${b} and r.row = x.row
        and (r.enterprise_id, r.diff, r.outcome, r.discrepancy)
            is distinct from (x.enterprise_id, x.diff, x.outcome, x.discrepancy)`),
  );

  // Missing: what the latest applied batch of the same source covering this scope had (whoever
  // loaded it: the CLI, the city), within this scope, and this file lacks.
  await tx.execute(sql`
    insert into import_missing (batch_id, enterprise_id)
    select ${b}, e.id from enterprises e
    where e.id in (select dangjian_previously_listed('enterprises', ${batch.source}, ${b}))
      and e.region_code like ${`${actor.scopePrefix}%`}
      and not exists (select 1 from import_rows c where c.batch_id = ${b} and c.uscc = e.uscc)`);

  return countBatch(tx, b, {
    missing: sql`(select count(*)::int from import_missing where batch_id = ${b})`,
    discrepancies: sql`(count(*) filter (where discrepancy is not null))::int`,
  });
}

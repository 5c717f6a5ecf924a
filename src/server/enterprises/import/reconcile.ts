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
import { fieldsOf, stagedValue } from '../fields.ts';
import { insertIssues } from './stage.ts';

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
  // is taken there, through a function that reveals nothing else.
  const elsewhere = await queryRows<{ row: number }>(
    tx,
    sql`select r.row from import_rows r where r.batch_id = ${b} and r.uscc is not null
          and dangjian_uscc_outside_scope(r.uscc)`,
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

  const fields = fieldsOf(batch.columns);
  const diffParts = fields.map(
    (f) =>
      `case when e.${f.column} is distinct from ${stagedValue(f, 's')} then jsonb_build_object('${f.key}', jsonb_build_object('before', to_jsonb(e.${f.column}), 'after', to_jsonb(${stagedValue(f, 's')}))) else '{}'::jsonb end`,
  );
  if (batch.columns.includes('phone')) {
    // The number itself is never shown in a diff: only that it changed.
    diffParts.push(
      `case when e.phone_hash is distinct from (s.data->>'phoneHash') then jsonb_build_object('phone', jsonb_build_object('before', case when e.phone_hash is null then null else '***' end, 'after', case when s.data->>'phoneHash' is null then null else '***' end)) else '{}'::jsonb end`,
    );
  }
  const diff = diffParts.length ? diffParts.join(' || ') : `'{}'::jsonb`;
  await tx.execute(
    sql.raw(`
      update import_rows r set
        enterprise_id = e.id,
        diff = case when r.has_errors or e.id is null then null else ${diff} end,
        outcome = case when r.has_errors then 'error'
                       when e.id is null then 'added'
                       when (${diff}) = '{}'::jsonb then 'unchanged'
                       else 'changed' end
      from import_rows s left join enterprises e on e.uscc = s.uscc
      where r.batch_id = ${b} and s.batch_id = ${b} and s.row = r.row`),
  );
  await tx.execute(sql`
    update import_rows r set discrepancy = case
      when (r.data->>'reportedHasOrg')::boolean and e.org_coverage is null
        then '填报“已建立党组织”，台账中该企业没有党组织覆盖'
      when not (r.data->>'reportedHasOrg')::boolean and e.org_coverage is not null
        then '填报“未建立党组织”，台账中该企业已有党组织覆盖'
      when r.data->>'reportedFormation' is not null and e.org_coverage is not null
           and r.data->>'reportedFormation' <> e.org_coverage
        then '填报组建形式为“' || case r.data->>'reportedFormation' when 'standalone' then '单独组建' else '联合组建' end
             || '”，台账为“' || case e.org_coverage when 'standalone' then '单独组建' else '联合组建' end || '”'
      end
    from import_rows s left join enterprises e on e.id = s.enterprise_id
    where r.batch_id = ${b} and s.batch_id = ${b} and s.row = r.row and r.outcome <> 'error'`);

  // Missing: what the latest applied batch of the same source had, within this scope, and this file lacks.
  await tx.execute(sql`
    insert into import_missing (batch_id, enterprise_id)
    select ${b}, e.id from enterprises e
    where e.id in (
        select p.enterprise_id from import_rows p
        where p.batch_id = (select max(id) from import_batches
                            where kind = 'enterprises' and source = ${batch.source} and status = 'applied' and id <> ${b})
          and p.outcome in ('added', 'changed', 'unchanged'))
      and e.region_code like ${`${actor.scopePrefix}%`}
      and not exists (select 1 from import_rows c where c.batch_id = ${b} and c.uscc = e.uscc)`);

  const [counts] = await queryRows<Counts>(
    tx,
    sql`select
          (select count(*)::int from import_rows where batch_id = ${b}) as rows,
          (select count(*)::int from import_rows where batch_id = ${b} and outcome = 'added') as added,
          (select count(*)::int from import_rows where batch_id = ${b} and outcome = 'changed') as changed,
          (select count(*)::int from import_rows where batch_id = ${b} and outcome = 'unchanged') as unchanged,
          (select count(*)::int from import_missing where batch_id = ${b}) as missing,
          (select count(*)::int from import_rows where batch_id = ${b} and discrepancy is not null) as discrepancies,
          (select count(*)::int from import_rows where batch_id = ${b} and outcome = 'error') as "errorRows",
          (select count(*)::int from import_issues where batch_id = ${b} and severity = 'error') as errors,
          (select count(*)::int from import_issues where batch_id = ${b} and severity = 'warning') as warnings`,
  );
  return counts;
}

export interface Counts {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  discrepancies: number;
  errorRows: number;
  errors: number;
  warnings: number;
}

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
  // is taken there, through a function that reveals nothing else. A code already registered
  // in this scope is unique, so it is not taken elsewhere: only the others need asking.
  const elsewhere = await queryRows<{ row: number }>(
    tx,
    sql`select r.row from import_rows r where r.batch_id = ${b} and r.uscc is not null
          and not exists (select 1 from enterprises e
                          where e.uscc = r.uscc and e.region_code like ${`${actor.scopePrefix}%`})
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
  if (batch.columns.includes('fullMemberCount')) {
    // A count now given replaces an estimate of the same number (an estimate never replaces a count).
    diffParts.push(
      `case when e.full_member_estimated and not (s.data->>'fullMemberEstimated')::boolean then jsonb_build_object('fullMemberEstimated', jsonb_build_object('before', true, 'after', false)) else '{}'::jsonb end`,
    );
  }
  const diff = diffParts.length ? diffParts.join(' || ') : `'{}'::jsonb`;
  // One pass over the batch: each row's enterprise, diff, outcome and discrepancy, computed
  // together, and written only where they differ from what the row already says (at apply
  // time they usually equal the preview's, and an unwritten row costs nothing).
  await tx.execute(
    sql.raw(`
      update import_rows r set
        enterprise_id = x.enterprise_id, diff = x.diff, outcome = x.outcome, discrepancy = x.discrepancy
      from (
        select s.row, e.id as enterprise_id, d.diff,
          case when s.has_errors then 'error'
               when e.id is null then 'added'
               when d.diff = '{}'::jsonb then 'unchanged'
               else 'changed' end as outcome,
          case when s.has_errors then s.discrepancy else ${DISCREPANCY} end as discrepancy
        from import_rows s
          left join enterprises e on e.uscc = s.uscc
          cross join lateral (select case when s.has_errors or e.id is null then null else ${diff} end as diff) d
        where s.batch_id = ${b}
      ) x
      where r.batch_id = ${b} and r.row = x.row
        and (r.enterprise_id, r.diff, r.outcome, r.discrepancy)
            is distinct from (x.enterprise_id, x.diff, x.outcome, x.discrepancy)`),
  );

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
          count(*)::int as rows,
          (count(*) filter (where outcome = 'added'))::int as added,
          (count(*) filter (where outcome = 'changed'))::int as changed,
          (count(*) filter (where outcome = 'unchanged'))::int as unchanged,
          (select count(*)::int from import_missing where batch_id = ${b}) as missing,
          (count(*) filter (where discrepancy is not null))::int as discrepancies,
          (count(*) filter (where outcome = 'error'))::int as "errorRows",
          (select count(*)::int from import_issues where batch_id = ${b} and severity = 'error') as errors,
          (select count(*)::int from import_issues where batch_id = ${b} and severity = 'warning') as warnings
        from import_rows where batch_id = ${b}`,
  );
  return counts;
}

/** The reported party-organization fields of staged row `s` against the record `e`, when they disagree. */
const DISCREPANCY = `case
  when (s.data->>'reportedHasOrg')::boolean and e.org_coverage is null
    then '填报“已建立党组织”，台账中该企业没有党组织覆盖'
  when not (s.data->>'reportedHasOrg')::boolean and e.org_coverage is not null
    then '填报“未建立党组织”，台账中该企业已有党组织覆盖'
  when s.data->>'reportedFormation' is not null and e.org_coverage is not null
       and s.data->>'reportedFormation' <> e.org_coverage
    then '填报组建形式为“' || case s.data->>'reportedFormation' when 'standalone' then '单独组建' else '联合组建' end
         || '”，台账为“' || case e.org_coverage when 'standalone' then '单独组建' else '联合组建' end || '”'
  end`;

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

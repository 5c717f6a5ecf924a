import { fieldsOf, stagedValue } from '../../enterprises/fields.ts';

/**
 * What a staged row does to the ledger, as SQL over a staged row `s` (row, uscc, data,
 * has_errors, discrepancy) and the enterprise `e` with its uscc: the enterprise, the diff
 * of the fields the file speaks for, the outcome and the discrepancy between the reported
 * party-organization fields and the records. The reconciliation computes it for the whole
 * batch; staging computes it for each chunk as it is written, so that the reconciliation
 * after reading finds most rows already right and writes only the others.
 */
export function outcomeSql(columns: readonly string[]): { joins: string; columns: string } {
  const diff = diffSql(columns);
  const counts = columns.includes('memberCount');
  return {
    // `roster`: whether the enterprise's member counts follow its roster (asked only when the
    // file has counts, and only of a known enterprise).
    joins: `left join enterprises e on e.uscc = s.uscc
      cross join lateral (select ${counts ? 'e.id is not null and dangjian_enterprise_has_roster(e.id)' : 'false'} as roster) o
      cross join lateral (select case when s.has_errors or e.id is null then null else ${diff} end as diff) d`,
    columns: `e.id as enterprise_id, d.diff,
      case when s.has_errors then 'error'
           when e.id is null then 'added'
           when d.diff = '{}'::jsonb then 'unchanged'
           else 'changed' end as outcome,
      case when s.has_errors then s.discrepancy
           else nullif(concat_ws('；', ${DISCREPANCY}, ${ROSTER_DISCREPANCY}), '') end as discrepancy`,
  };
}

/** field → { before, after } for each field of `e` the staged row `s` would change. */
function diffSql(columns: readonly string[]): string {
  const parts = fieldsOf(columns)
    .filter((f) => !ROSTER_FIELDS.has(f.key))
    .map(
      (f) =>
        `case when e.${f.column} is distinct from ${stagedValue(f, 's')} then jsonb_build_object('${f.key}', jsonb_build_object('before', to_jsonb(e.${f.column}), 'after', to_jsonb(${stagedValue(f, 's')}))) else '{}'::jsonb end`,
    );
  // The counts of an enterprise with a roster are the roster's: the file's numbers change nothing.
  for (const f of fieldsOf(columns).filter((f) => ROSTER_FIELDS.has(f.key))) {
    parts.push(
      `case when not o.roster and e.${f.column} is distinct from ${stagedValue(f, 's')} then jsonb_build_object('${f.key}', jsonb_build_object('before', to_jsonb(e.${f.column}), 'after', to_jsonb(${stagedValue(f, 's')}))) else '{}'::jsonb end`,
    );
  }
  if (columns.includes('phone')) {
    // The number itself is never shown in a diff: only that it changed.
    parts.push(
      `case when e.phone_hash is distinct from (s.data->>'phoneHash') then jsonb_build_object('phone', jsonb_build_object('before', case when e.phone_hash is null then null else '***' end, 'after', case when s.data->>'phoneHash' is null then null else '***' end)) else '{}'::jsonb end`,
    );
  }
  if (columns.includes('fullMemberCount')) {
    // A count now given replaces an estimate of the same number (an estimate never replaces a count).
    parts.push(
      `case when not o.roster and e.full_member_estimated and not (s.data->>'fullMemberEstimated')::boolean then jsonb_build_object('fullMemberEstimated', jsonb_build_object('before', true, 'after', false)) else '{}'::jsonb end`,
    );
  }
  return parts.length ? parts.join(' || ') : `'{}'::jsonb`;
}

/** The member counts the roster keeps. */
const ROSTER_FIELDS = new Set(['memberCount', 'fullMemberCount']);

/** The file's member count against the roster's, when the roster keeps the counts and they differ. */
const ROSTER_DISCREPANCY = `case
  when o.roster and (s.data->>'memberCount')::integer is distinct from e.member_count
    then '填报党员 ' || (s.data->>'memberCount') || ' 名，党员名册记录 ' || e.member_count || ' 名：以党员名册为准'
  end`;

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

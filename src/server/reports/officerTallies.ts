// The annual table's figures beyond the coverage engine that documents 000, 001 and 004 ask
// for: enterprises with no org but a trade union or Youth League organization (群团组织先行),
// and the officers' cross-holding in the enterprise (双向进入、交叉兼职; table 27 of the
// official forms: 法定代表人兼任党组织书记). Same tally shape as annual.ts's own queries.
import { type SQL, sql } from 'drizzle-orm';
import type { AnnualCountKey } from '../../domain/reports/forms.ts';
import type { CoverageScope, CoverageSettings } from '../../domain/stats/coverage.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { scopeCondition } from './common.ts';

type Tally = { regionCode: string; field: AnnualCountKey; n: number };

export async function massOrgAndCrossHoldingTallies(
  tx: Tx,
  prefix: string,
  asOf: string,
  scope: CoverageScope,
  s: CoverageSettings,
): Promise<Tally[]> {
  const like = `${prefix}%`;
  // Whether an enterprise has a union or league is kept as it is today, without history: the
  // figure for a past year counts today's answer for the enterprises not covered then.
  const queries: SQL[] = [
    sql`select f.region_code as "regionCode", 'massOrgOnly' as field, count(*)::int as n
        from dangjian_enterprise_facts(${prefix}, ${asOf}::date) f
        join enterprises e on e.id = f.enterprise_id
        where f.in_scope and f.org_coverage is null and ${scopeCondition(scope, s)}
          and (e.has_union or e.has_league)
        group by 1`,
    // Officers in post at the date, of orgs in force then, by their org's region.
    sql`select o.region_code as "regionCode", x.field, count(*)::int as n
        from org_officers p join party_orgs o on o.id = p.org_id
        cross join lateral (
          select 'officersInManagement' as field where p.enterprise_post is not null or p.legal_representative
          union all
          select 'secretaryLegalRepresentative' where p.post = 'secretary' and p.legal_representative
          union all
          select 'secretaryUnionChair' where p.post = 'secretary' and p.union_chair
        ) x
        where o.region_code like ${like}
          and o.established_on <= ${asOf}::date and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)
          and (p.start_on is null or p.start_on <= ${asOf}::date) and (p.end_on is null or p.end_on > ${asOf}::date)
        group by 1, 2`,
  ];
  const out: Tally[] = [];
  for (const q of queries) out.push(...(await queryRows<Tally>(tx, q)));
  return out;
}

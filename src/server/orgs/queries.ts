import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { crossHolding } from '../../domain/org/crossHolding.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { containing } from '../db/like.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises, orgCoverages, orgElections, orgOfficers, partyOrgs } from '../db/schema.ts';
import { regionPath } from '../regions/path.ts';
import { inRegionScope } from '../regions/scope.ts';
import { orgFindingsUnder, orgRulesResolver } from '../settings/orgRules.ts';
import { orgFacts } from './facts.ts';
import { loadOrg } from './load.ts';

export interface OrgListFilter {
  regionCode?: string;
  type?: string;
  formation?: string;
  q?: string;
  status?: 'active' | 'dissolved';
}

function listWhere(actor: Actor, f: OrgListFilter, today: string): SQL {
  const conds: SQL[] = [sql`o.region_code like ${`${actor.scopePrefix}%`}`];
  if (actor.orgId !== null) conds.push(sql`o.id = ${actor.orgId}`);
  if (f.regionCode) conds.push(sql`o.region_code like ${`${regionPrefix(f.regionCode)}%`}`);
  if (f.type) conds.push(sql`o.type = ${f.type}`);
  if (f.formation) conds.push(sql`o.formation = ${f.formation}`);
  if (f.q) conds.push(sql`o.name ilike ${containing(f.q)}`);
  if (f.status === 'active') conds.push(sql`(o.dissolved_on is null or o.dissolved_on > ${today}::date)`);
  if (f.status === 'dissolved') conds.push(sql`o.dissolved_on <= ${today}::date`);
  return sql.join(conds, sql` and `);
}

/** A page of orgs with their facts and what the rules say about each. */
export async function listOrgs(
  tx: Tx,
  actor: Actor,
  filter: OrgListFilter,
  paging: { page: number; pageSize: number },
  today: string,
) {
  const where = listWhere(actor, filter, today);
  const [{ total }] = await queryRows<{ total: number }>(
    tx,
    sql`select count(*)::int as total from party_orgs o where ${where}`,
  );
  const offset = (paging.page - 1) * paging.pageSize;
  const rows = await orgFacts(
    tx,
    where,
    today,
    sql`order by o.name_key, o.id limit ${paging.pageSize} offset ${offset}`,
  );
  const rulesOf = await orgRulesResolver(tx);
  return { total, items: rows.map((r) => ({ ...r, findings: orgFindingsUnder(rulesOf(r.regionCode), r, today) })) };
}

/** An org's page: profile, place in the tree, coverage over time, officers, terms and what is due. */
export async function orgDetail(tx: Tx, actor: Actor, id: number, today: string) {
  const org = await loadOrg(tx, actor, id);
  const [facts] = await orgFacts(tx, sql`o.id = ${id}`, today);
  const named = async (orgId: number | null) => {
    if (orgId === null) return null;
    const [row] = await tx
      .select({ id: partyOrgs.id, name: partyOrgs.name })
      .from(partyOrgs)
      .where(eq(partyOrgs.id, orgId));
    // An org above the actor's scope is named by nothing but its existence.
    return row ?? { id: orgId, name: null };
  };
  const coverages = await tx
    .select({
      id: orgCoverages.id,
      enterpriseId: orgCoverages.enterpriseId,
      startOn: orgCoverages.startOn,
      endOn: orgCoverages.endOn,
      uscc: enterprises.uscc,
      enterpriseName: enterprises.name,
      category: enterprises.category,
      memberCount: enterprises.memberCount,
      fullMemberCount: enterprises.fullMemberCount,
    })
    .from(orgCoverages)
    .leftJoin(
      enterprises,
      and(eq(enterprises.id, orgCoverages.enterpriseId), inRegionScope(enterprises.regionCode, actor)),
    )
    .where(eq(orgCoverages.orgId, id))
    .orderBy(sql`${orgCoverages.endOn} is not null`, asc(orgCoverages.startOn), asc(orgCoverages.id));
  const officers = await tx
    .select()
    .from(orgOfficers)
    .where(eq(orgOfficers.orgId, id))
    .orderBy(sql`${orgOfficers.endOn} is not null`, asc(orgOfficers.id));
  const elections = await tx
    .select()
    .from(orgElections)
    .where(eq(orgElections.orgId, id))
    .orderBy(desc(orgElections.electedOn), desc(orgElections.id));
  const children = await tx
    .select({ id: partyOrgs.id, name: partyOrgs.name, type: partyOrgs.type, dissolvedOn: partyOrgs.dissolvedOn })
    .from(partyOrgs)
    .where(eq(partyOrgs.parentId, id))
    .orderBy(asc(partyOrgs.name));
  const path = await regionPath(tx, org.regionCode, actor);
  return {
    org: {
      ...org,
      regionName: path.at(-1)?.name ?? null,
      createdAt: org.createdAt.toISOString(),
      updatedAt: org.updatedAt.toISOString(),
    },
    regionPath: path,
    parent: await named(org.parentId),
    managingOrg: await named(org.managingOrgId),
    facts,
    findings: orgFindingsUnder((await orgRulesResolver(tx))(org.regionCode), facts, today),
    coverages,
    officers: officers.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    crossHolding: crossHolding(officers, today),
    elections: elections.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    children,
  };
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import {
  enterprises as e,
  enterpriseHistory,
  importBatches,
  industries,
  members,
  orgCoverages,
  partyOrgs,
} from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import type { Keys } from '../../keys.ts';
import { regionPath } from '../../regions/path.ts';
import { inRegionScope } from '../../regions/scope.ts';
import { presentEnterprise } from './presenter.ts';

/** An enterprise page: the profile, where it sits, its industry, and every change with its source. */
export async function enterpriseDetail(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const [row] = await tx
    .select()
    .from(e)
    .where(and(eq(e.id, id), inRegionScope(e.regionCode, actor)));
  if (!row) throw notFound('企业');
  const [industry] = row.industryCode
    ? await tx.select().from(industries).where(eq(industries.code, row.industryCode))
    : [];
  const history = await tx
    .select({
      id: enterpriseHistory.id,
      at: enterpriseHistory.at,
      field: enterpriseHistory.field,
      before: enterpriseHistory.before,
      after: enterpriseHistory.after,
      batchId: enterpriseHistory.batchId,
      actorName: enterpriseHistory.actorName,
      period: importBatches.period,
      source: importBatches.source,
    })
    .from(enterpriseHistory)
    .leftJoin(importBatches, eq(importBatches.id, enterpriseHistory.batchId))
    .where(eq(enterpriseHistory.enterpriseId, id))
    .orderBy(desc(enterpriseHistory.id))
    .limit(500);
  const path = await regionPath(tx, row.regionCode, actor);
  // The orgs that cover or covered it; one registered above the actor's scope is shown without its name.
  const orgs = await tx
    .select({
      coverageId: orgCoverages.id,
      orgId: orgCoverages.orgId,
      name: partyOrgs.name,
      type: partyOrgs.type,
      formation: partyOrgs.formation,
      startOn: orgCoverages.startOn,
      endOn: orgCoverages.endOn,
    })
    .from(orgCoverages)
    .leftJoin(partyOrgs, eq(partyOrgs.id, orgCoverages.orgId))
    .where(eq(orgCoverages.enterpriseId, id))
    .orderBy(sql`${orgCoverages.endOn} is not null`, desc(orgCoverages.startOn));
  const [roster] = await tx
    .select({
      recorded: sql<number>`count(*)::int`,
      full: sql<number>`(count(*) filter (where ${members.status} = 'full'))::int`,
    })
    .from(members)
    .where(and(eq(members.employerId, id), isNull(members.leftOn)));
  return {
    enterprise: presentEnterprise({ ...row, regionName: path.at(-1)?.name ?? null }, keys),
    regionPath: path,
    industry: industry ? { code: industry.code, section: industry.section, name: industry.name } : null,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    orgs,
    roster,
  };
}

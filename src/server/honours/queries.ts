import { and, count, desc, eq, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { RECOGNITION_LEVELS, type RecognitionLevel } from '../../domain/recognition/codes.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { containing } from '../db/like.ts';
import { demonstrationSites, enterprises, honours, members, orgCoverages, partyOrgs, regions } from '../db/schema.ts';
import { loadMember } from '../members/load.ts';
import { label } from '../members/presenter.ts';
import { loadOrg } from '../orgs/load.ts';
import { honourInScope, siteInScope, siteRegionSql } from './scope.ts';

export interface HonourFilter {
  recipient?: 'org' | 'member';
  year?: number;
  level?: RecognitionLevel;
  regionCode?: string;
  q?: string;
}

const honourColumns = {
  id: honours.id,
  orgId: honours.orgId,
  orgName: partyOrgs.name,
  memberId: honours.memberId,
  memberName: members.name,
  regionCode: partyOrgs.regionCode,
  regionName: regions.name,
  title: honours.title,
  awardingBody: honours.awardingBody,
  level: honours.level,
  awardedOn: honours.awardedOn,
  note: honours.note,
};

function honoursQuery(tx: Tx, where: SQL) {
  return tx
    .select(honourColumns)
    .from(honours)
    .innerJoin(partyOrgs, eq(partyOrgs.id, honours.orgId))
    .leftJoin(members, eq(members.id, honours.memberId))
    .leftJoin(regions, eq(regions.code, partyOrgs.regionCode))
    .where(where);
}

/** A honour or a site with its level as the code type and in words. */
const withLevelLabel = <R extends { level: string }>(r: R) => ({
  ...r,
  level: r.level as RecognitionLevel,
  levelLabel: label(RECOGNITION_LEVELS, r.level),
});

export async function listHonours(tx: Tx, actor: Actor, f: HonourFilter, page: { page: number; pageSize: number }) {
  const where: SQL[] = [honourInScope(actor)];
  if (f.recipient === 'org') where.push(isNull(honours.memberId));
  if (f.recipient === 'member') where.push(isNotNull(honours.memberId));
  if (f.year) where.push(sql`extract(year from ${honours.awardedOn}) = ${f.year}`);
  if (f.level) where.push(eq(honours.level, f.level));
  if (f.regionCode) {
    where.push(
      sql`${honours.orgId} in (select id from party_orgs where region_code like ${`${regionPrefix(f.regionCode)}%`})`,
    );
  }
  if (f.q) {
    const pattern = containing(f.q);
    where.push(
      or(
        like(honours.title, pattern),
        sql`${honours.orgId} in (select id from party_orgs where name like ${pattern})`,
        sql`${honours.memberId} in (select id from members where name like ${pattern})`,
      ) as SQL,
    );
  }
  const condition = and(...where) as SQL;
  const [{ total }] = await tx.select({ total: count() }).from(honours).where(condition);
  const rows = await honoursQuery(tx, condition)
    .orderBy(desc(honours.awardedOn), desc(honours.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total, items: rows.map(withLevelLabel) };
}

export interface SiteFilter {
  year?: number;
  level?: RecognitionLevel;
  regionCode?: string;
}

const siteColumns = {
  id: demonstrationSites.id,
  orgId: demonstrationSites.orgId,
  orgName: partyOrgs.name,
  enterpriseId: demonstrationSites.enterpriseId,
  enterpriseName: enterprises.name,
  regionCode: siteRegionSql,
  name: demonstrationSites.name,
  level: demonstrationSites.level,
  year: demonstrationSites.year,
  awardingBody: demonstrationSites.awardingBody,
  note: demonstrationSites.note,
};

function sitesQuery(tx: Tx, where: SQL) {
  return tx
    .select(siteColumns)
    .from(demonstrationSites)
    .leftJoin(partyOrgs, eq(partyOrgs.id, demonstrationSites.orgId))
    .leftJoin(enterprises, eq(enterprises.id, demonstrationSites.enterpriseId))
    .where(where);
}

export async function listSites(tx: Tx, actor: Actor, f: SiteFilter, page: { page: number; pageSize: number }) {
  const where: SQL[] = [siteInScope(actor)];
  if (f.year) where.push(eq(demonstrationSites.year, f.year));
  if (f.level) where.push(eq(demonstrationSites.level, f.level));
  if (f.regionCode) where.push(sql`${siteRegionSql} like ${`${regionPrefix(f.regionCode)}%`}`);
  const condition = and(...where) as SQL;
  const [{ total }] = await tx.select({ total: count() }).from(demonstrationSites).where(condition);
  const rows = await sitesQuery(tx, condition)
    .orderBy(desc(demonstrationSites.year), desc(demonstrationSites.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total, items: rows.map(withLevelLabel) };
}

/**
 * An org's honours (its own, and its members' earned while in it) and its demonstration
 * sites, including those of the enterprises it covers today.
 */
export async function orgHonours(tx: Tx, actor: Actor, orgId: number) {
  await loadOrg(tx, actor, orgId);
  const list = await honoursQuery(tx, and(eq(honours.orgId, orgId), honourInScope(actor)) as SQL).orderBy(
    desc(honours.awardedOn),
    desc(honours.id),
  );
  const sites = await sitesQuery(
    tx,
    and(
      siteInScope(actor),
      or(
        eq(demonstrationSites.orgId, orgId),
        sql`${demonstrationSites.enterpriseId} in (select ${orgCoverages.enterpriseId} from ${orgCoverages}
          where ${orgCoverages.orgId} = ${orgId} and ${orgCoverages.endOn} is null)`,
      ),
    ) as SQL,
  ).orderBy(desc(demonstrationSites.year));
  return { honours: list.map(withLevelLabel), demonstrationSites: sites.map(withLevelLabel) };
}

/** A member's honours, wherever they were earned among the orgs the actor sees. */
export async function memberHonours(tx: Tx, actor: Actor, memberId: number) {
  await loadMember(tx, actor, memberId);
  const list = await honoursQuery(tx, and(eq(honours.memberId, memberId), honourInScope(actor)) as SQL).orderBy(
    desc(honours.awardedOn),
  );
  return list.map(withLevelLabel);
}

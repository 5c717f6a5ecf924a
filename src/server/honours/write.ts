import { and, eq } from 'drizzle-orm';
import type { RecognitionLevel } from '../../domain/recognition/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { demonstrationSites, enterprises, honours } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { loadMember } from '../members/load.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { inRegionScope } from '../regions/scope.ts';
import { today } from '../today.ts';
import { honourInScope, siteInScope } from './scope.ts';

export interface HonourInput {
  orgId: number | null;
  memberId: number | null;
  title: string;
  awardingBody: string;
  level: RecognitionLevel;
  awardedOn: string;
  note: string | null;
}

/**
 * Records an honour for an org or for a member. A member's honour is kept under the org they
 * belong to on that day — taken from their record, not typed a second time.
 */
export async function createHonour(tx: Tx, actor: Actor, input: HonourInput) {
  if ((input.orgId === null) === (input.memberId === null)) {
    invalid('orgId', '请选择受表彰的党组织或党员（二者选一）');
  }
  notAfterToday('awardedOn', '表彰日期', input.awardedOn);
  let orgId = input.orgId;
  let memberName: string | null = null;
  if (input.memberId !== null) {
    const member = await loadMember(tx, actor, input.memberId, { write: true });
    if (member.leftOn !== null && member.leftOn <= input.awardedOn) {
      invalid('memberId', `${member.name} 已于 ${member.leftOn} 离开本组织`);
    }
    orgId = member.orgId;
    memberName = member.name;
  }
  const org = await loadOrg(tx, actor, orgId as number);
  if (input.awardedOn < org.establishedOn) {
    invalid('awardedOn', `表彰日期（${input.awardedOn}）早于 ${org.name} 的成立日期（${org.establishedOn}）`);
  }
  const values = {
    orgId: org.id,
    memberId: input.memberId,
    title: input.title.trim(),
    awardingBody: input.awardingBody.trim(),
    level: input.level,
    awardedOn: input.awardedOn,
    note: input.note || null,
  };
  const [row] = await tx.insert(honours).values(values).returning({ id: honours.id });
  await auditChange(tx, actor, {
    action: 'honour.create',
    entity: 'honour',
    entityId: row.id,
    diff: { ...values, orgName: org.name, ...(memberName !== null && { memberName }) },
  });
  return row;
}

/** Withdraws a mistaken entry; the audit trail keeps what it said. */
export async function deleteHonour(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(honours)
    .where(and(eq(honours.id, id), honourInScope(actor)))
    .for('update');
  if (!row) throw notFound('表彰记录');
  await tx.delete(honours).where(eq(honours.id, id));
  await auditChange(tx, actor, {
    action: 'honour.delete',
    entity: 'honour',
    entityId: id,
    diff: { orgId: row.orgId, memberId: row.memberId, title: row.title, awardedOn: row.awardedOn },
  });
}

export interface SiteInput {
  orgId: number | null;
  enterpriseId: number | null;
  name: string;
  level: RecognitionLevel;
  year: number;
  awardingBody: string | null;
  note: string | null;
}

/** Names an org or an enterprise a demonstration site for a year; once per place, year, level and name. */
export async function createSite(tx: Tx, actor: Actor, input: SiteInput) {
  if ((input.orgId === null) === (input.enterpriseId === null)) {
    invalid('orgId', '请选择示范点所在的党组织或企业（二者选一）');
  }
  if (input.year > Number(today().slice(0, 4))) invalid('year', `年度（${input.year}）晚于今年`);
  let placeName: string;
  if (input.orgId !== null) {
    placeName = (await loadOrg(tx, actor, input.orgId)).name;
  } else {
    const [e] = await tx
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId as number), inRegionScope(enterprises.regionCode, actor)));
    if (!e) throw notFound('企业');
    placeName = e.name;
  }
  const name = input.name.trim();
  const same = await tx
    .select({ id: demonstrationSites.id })
    .from(demonstrationSites)
    .where(
      and(
        input.orgId !== null
          ? eq(demonstrationSites.orgId, input.orgId)
          : eq(demonstrationSites.enterpriseId, input.enterpriseId as number),
        eq(demonstrationSites.year, input.year),
        eq(demonstrationSites.level, input.level),
        eq(demonstrationSites.name, name),
      ),
    );
  if (same.length > 0) invalid('name', `${placeName} 已是 ${input.year} 年的“${name}”，不必重复登记`);
  const values = { ...input, name, awardingBody: input.awardingBody?.trim() || null, note: input.note || null };
  const [row] = await tx.insert(demonstrationSites).values(values).returning({ id: demonstrationSites.id });
  await auditChange(tx, actor, {
    action: 'honour.site_create',
    entity: 'demonstration_site',
    entityId: row.id,
    diff: { ...values, placeName },
  });
  return row;
}

export async function deleteSite(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(demonstrationSites)
    .where(and(eq(demonstrationSites.id, id), siteInScope(actor)))
    .for('update');
  if (!row) throw notFound('示范点');
  await tx.delete(demonstrationSites).where(eq(demonstrationSites.id, id));
  await auditChange(tx, actor, {
    action: 'honour.site_delete',
    entity: 'demonstration_site',
    entityId: id,
    diff: { orgId: row.orgId, enterpriseId: row.enterpriseId, name: row.name, year: row.year, level: row.level },
  });
}

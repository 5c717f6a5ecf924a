// Withdrawing a mistaken entry (撤销误登记): an open activity, a pairing with its joint
// activities, one joint activity, an owner-engagement record. As with achievements and org
// appraisals, the row goes and the audit entry, in the same transaction, keeps what it said.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises, openActivities, ownerEngagements, pairingActivities, pairings, partyOrgs } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { orgInScope } from '../orgs/scope.ts';
import { inRegionScope } from '../regions/scope.ts';

/** Withdraws an open activity of an org the actor records for; its participants go with it. */
export async function withdrawOpenActivity(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ a: openActivities, orgName: partyOrgs.name })
    .from(openActivities)
    .innerJoin(partyOrgs, eq(partyOrgs.id, openActivities.orgId))
    .where(and(eq(openActivities.id, id), orgInScope(actor)))
    .for('update', { of: openActivities });
  if (!row) throw notFound('开放式活动');
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from open_activity_participants where activity_id = ${id}`,
  );
  await tx.delete(openActivities).where(eq(openActivities.id, id));
  const { a } = row;
  await auditChange(tx, actor, {
    action: 'engagement.activity_delete',
    entity: 'open_activity',
    entityId: id,
    diff: {
      orgId: a.orgId,
      orgName: row.orgName,
      heldOn: a.heldOn,
      title: a.title,
      members: n,
      nonMemberCount: a.nonMemberCount,
    },
  });
}

/** A pairing of the actor's own org (the partner only reads it), locked; 404 otherwise. */
async function loadOwnPairing(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ p: pairings, orgName: partyOrgs.name })
    .from(pairings)
    .innerJoin(partyOrgs, eq(partyOrgs.id, pairings.orgId))
    .where(and(eq(pairings.id, id), orgInScope(actor)))
    .for('update', { of: pairings });
  if (!row) throw notFound('结对共建');
  return row;
}

/** Withdraws a pairing and the joint activities recorded under it. */
export async function withdrawPairing(tx: Tx, actor: Actor, id: number) {
  const { p, orgName } = await loadOwnPairing(tx, actor, id);
  const joint = await tx
    .select({ id: pairingActivities.id, heldOn: pairingActivities.heldOn, title: pairingActivities.title })
    .from(pairingActivities)
    .where(eq(pairingActivities.pairingId, id));
  await tx.delete(pairings).where(eq(pairings.id, id));
  await auditChange(tx, actor, {
    action: 'engagement.pairing_delete',
    entity: 'pairing',
    entityId: id,
    diff: {
      orgId: p.orgId,
      orgName,
      partnerKind: p.partnerKind,
      partnerOrgId: p.partnerOrgId,
      partnerName: p.partnerName,
      startOn: p.startOn,
      endOn: p.endOn,
      activities: joint,
    },
  });
}

/** Withdraws one joint activity of a pairing of the actor's own org. */
export async function withdrawPairingActivity(tx: Tx, actor: Actor, id: number) {
  const [act] = await tx.select().from(pairingActivities).where(eq(pairingActivities.id, id));
  if (!act) throw notFound('共建活动');
  // The pairing decides the scope: an activity of a pairing the actor may not write is absent.
  const { orgName } = await loadOwnPairing(tx, actor, act.pairingId).catch(() => {
    throw notFound('共建活动');
  });
  await tx.delete(pairingActivities).where(eq(pairingActivities.id, id));
  await auditChange(tx, actor, {
    action: 'engagement.pairing_activity_delete',
    entity: 'pairing',
    entityId: act.pairingId,
    diff: { activityId: id, heldOn: act.heldOn, title: act.title, content: act.content, orgName },
  });
}

/**
 * Withdraws an owner-engagement record of an enterprise in the actor's scope; a secretary only
 * what was recorded with their own org (a request to set up an org is the committee's).
 */
export async function withdrawOwnerEngagement(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ g: ownerEngagements, enterpriseName: enterprises.name })
    .from(ownerEngagements)
    .innerJoin(enterprises, eq(enterprises.id, ownerEngagements.enterpriseId))
    .where(
      and(
        eq(ownerEngagements.id, id),
        inRegionScope(enterprises.regionCode, actor),
        actor.orgId === null ? undefined : eq(ownerEngagements.orgId, actor.orgId),
      ),
    )
    .for('update', { of: ownerEngagements });
  if (!row) throw notFound('企业主参与记录');
  const { g } = row;
  await tx.delete(ownerEngagements).where(eq(ownerEngagements.id, id));
  await auditChange(tx, actor, {
    action: 'engagement.owner_delete',
    entity: 'owner_engagement',
    entityId: id,
    diff: {
      enterpriseId: g.enterpriseId,
      enterpriseName: row.enterpriseName,
      orgId: g.orgId,
      kind: g.kind,
      occurredOn: g.occurredOn,
      ownerName: g.ownerName,
      topics: g.topics,
      outcome: g.outcome,
    },
  });
}

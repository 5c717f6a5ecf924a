import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PartnerKind } from '../../domain/appraisal/codes.ts';
import type { Actor } from '../actor.ts';
import { checkOrgDate } from '../appraisals/orgDates.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import {
  members,
  openActivities,
  openActivityParticipants,
  pairingActivities,
  pairings,
  partyOrgs,
} from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { orgInScope } from '../orgs/scope.ts';

export interface OpenActivityInput {
  heldOn: string;
  title: string;
  place: string | null;
  memberIds: number[];
  nonMemberCount: number;
  note: string | null;
}

/**
 * Records an open activity (开放式活动): the org's members who took part, ticked from its
 * roster on the day, and the number of non-members (党群活动一体化), counted, not named.
 */
export async function createOpenActivity(tx: Tx, actor: Actor, orgId: number, input: OpenActivityInput, today: string) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  checkOrgDate('heldOn', '活动日期', input.heldOn, org, today);
  const ids = [...new Set(input.memberIds)];
  if (ids.length === 0 && input.nonMemberCount === 0) invalid('memberIds', '请勾选参加的党员或填写群众人数');
  if (ids.length > 0) {
    const onRoster = await tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          inArray(members.id, ids),
          eq(members.orgId, org.id),
          sql`${members.joinedOn} <= ${input.heldOn}::date and (${members.leftOn} is null or ${members.leftOn} > ${input.heldOn}::date)`,
        ),
      );
    if (onRoster.length !== ids.length)
      invalid('memberIds', `所选党员中有人在 ${input.heldOn} 不在 ${org.name} 的党员名册中`);
  }
  const values = {
    orgId: org.id,
    heldOn: input.heldOn,
    title: input.title.trim(),
    place: input.place?.trim() || null,
    nonMemberCount: input.nonMemberCount,
    note: input.note?.trim() || null,
  };
  const [row] = await tx.insert(openActivities).values(values).returning({ id: openActivities.id });
  if (ids.length > 0) {
    await tx.insert(openActivityParticipants).values(ids.map((memberId) => ({ activityId: row.id, memberId })));
  }
  await auditChange(tx, actor, {
    action: 'engagement.activity_create',
    entity: 'open_activity',
    entityId: row.id,
    diff: { ...values, orgName: org.name, memberIds: ids },
  });
  return row;
}

export interface PairingInput {
  partnerKind: PartnerKind;
  partnerOrgId: number | null;
  partnerName: string | null;
  startOn: string;
  endOn: string | null;
  note: string | null;
}

/** Records a pairing (结对共建) of the org with another org it may see, or with a named village or community. */
export async function createPairing(tx: Tx, actor: Actor, orgId: number, input: PairingInput, today: string) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  checkOrgDate('startOn', '结对开始日期', input.startOn, org, today);
  if (input.endOn !== null && input.endOn <= input.startOn) {
    invalid('endOn', `结对结束日期（${input.endOn}）应晚于开始日期（${input.startOn}）`);
  }
  let partnerName: string | null = input.partnerName?.trim() || null;
  if (input.partnerKind === 'org') {
    if (input.partnerOrgId === null) invalid('partnerOrgId', '请选择结对的党组织');
    if (input.partnerOrgId === org.id) invalid('partnerOrgId', '不能与本组织结对');
    // A secretary sees only their own org: a pairing of two orgs is recorded by the body above them.
    const [seen] = await tx
      .select({ id: partyOrgs.id })
      .from(partyOrgs)
      .where(and(eq(partyOrgs.id, input.partnerOrgId), orgInScope(actor)));
    if (!seen) invalid('partnerOrgId', '所选党组织不在您的管辖范围内；两个党组织结对请由上级党组织登记');
    partnerName = null;
  } else {
    if (partnerName === null) invalid('partnerName', '请填写结对的村或社区名称');
    if (partnerName.length > 60) invalid('partnerName', '村或社区名称不超过 60 个字');
    if (input.partnerOrgId !== null) invalid('partnerOrgId', '与村或社区结对时不选党组织');
  }
  const values = {
    orgId: org.id,
    partnerKind: input.partnerKind,
    partnerOrgId: input.partnerKind === 'org' ? input.partnerOrgId : null,
    partnerName,
    startOn: input.startOn,
    endOn: input.endOn,
    note: input.note?.trim() || null,
  };
  const [row] = await tx.insert(pairings).values(values).returning({ id: pairings.id });
  await auditChange(tx, actor, {
    action: 'engagement.pairing_create',
    entity: 'pairing',
    entityId: row.id,
    diff: { ...values, orgName: org.name },
  });
  return row;
}

export interface PairingActivityInput {
  heldOn: string;
  title: string;
  content: string | null;
}

/** Records a joint activity under a pairing, within its period; by the pairing's own org. */
export async function createPairingActivity(
  tx: Tx,
  actor: Actor,
  pairingId: number,
  input: PairingActivityInput,
  today: string,
) {
  const [p] = await tx
    .select({ p: pairings, orgName: partyOrgs.name })
    .from(pairings)
    .innerJoin(partyOrgs, eq(partyOrgs.id, pairings.orgId))
    .where(and(eq(pairings.id, pairingId), orgInScope(actor)))
    .for('update', { of: pairings });
  if (!p) throw notFound('结对共建');
  const org = await loadOrg(tx, actor, p.p.orgId);
  checkOrgDate('heldOn', '活动日期', input.heldOn, org, today);
  if (input.heldOn < p.p.startOn) invalid('heldOn', `活动日期（${input.heldOn}）早于结对开始日期（${p.p.startOn}）`);
  if (p.p.endOn !== null && input.heldOn > p.p.endOn) {
    invalid('heldOn', `活动日期（${input.heldOn}）晚于结对结束日期（${p.p.endOn}）`);
  }
  const values = { pairingId, heldOn: input.heldOn, title: input.title.trim(), content: input.content?.trim() || null };
  const [row] = await tx.insert(pairingActivities).values(values).returning({ id: pairingActivities.id });
  await auditChange(tx, actor, {
    action: 'engagement.pairing_activity_create',
    entity: 'pairing',
    entityId: pairingId,
    diff: { ...values, activityId: row.id, orgName: p.orgName },
  });
  return row;
}

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { orgOfficers, partyOrgs, secretaryDispatches } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { loadPoolSecretary } from './load.ts';

export interface DispatchInput {
  orgId: number;
  startOn: string;
  note: string | null;
}

/**
 * Sends a pool secretary to an org as its secretary. Recorded once: the dispatch opens the
 * org's secretary post (the officers list shows them) and marks the org's secretary as 下派,
 * in the same transaction; an org that still has a secretary must record their leaving first.
 */
export async function dispatchSecretary(tx: Tx, actor: Actor, id: number, input: DispatchInput) {
  const person = await loadPoolSecretary(tx, actor, id, { write: true, forUpdate: true });
  if (person.leftOn !== null) invalid('orgId', `该同志已于 ${person.leftOn} 退出书记库，不能下派`);
  notAfterToday('startOn', '下派日期', input.startOn);
  if (input.startOn < person.enteredOn) {
    invalid('startOn', `下派日期（${input.startOn}）早于入库日期（${person.enteredOn}）`);
  }
  const [last] = await tx
    .select({
      endOn: secretaryDispatches.endOn,
      orgId: secretaryDispatches.orgId,
      startOn: secretaryDispatches.startOn,
    })
    .from(secretaryDispatches)
    .where(eq(secretaryDispatches.secretaryId, id))
    .orderBy(desc(secretaryDispatches.startOn))
    .limit(1);
  if (last && last.endOn === null) invalid('orgId', `该同志自 ${last.startOn} 起仍在下派任职，请先登记返回`);
  if (last?.endOn && input.startOn < last.endOn) {
    invalid('startOn', `下派日期（${input.startOn}）早于上一次下派的返回日期（${last.endOn}）`);
  }
  const org = await loadOrg(tx, actor, input.orgId, { forUpdate: true });
  if (org.dissolvedOn !== null) invalid('orgId', `${org.name} 已于 ${org.dissolvedOn} 撤销`);
  if (input.startOn < org.establishedOn) {
    invalid('startOn', `下派日期（${input.startOn}）早于 ${org.name} 的成立日期（${org.establishedOn}）`);
  }
  const [sitting] = await tx
    .select({ personName: orgOfficers.personName })
    .from(orgOfficers)
    .where(and(eq(orgOfficers.orgId, org.id), eq(orgOfficers.post, 'secretary'), isNull(orgOfficers.endOn)));
  if (sitting) invalid('orgId', `${org.name} 现任书记为 ${sitting.personName}，请先在党组织页面登记其离任`);

  const [officer] = await tx
    .insert(orgOfficers)
    .values({ orgId: org.id, post: 'secretary', personName: person.name, memberId: null, startOn: input.startOn })
    .returning({ id: orgOfficers.id });
  const [row] = await tx
    .insert(secretaryDispatches)
    .values({ secretaryId: id, orgId: org.id, officerId: officer.id, startOn: input.startOn, note: input.note || null })
    .returning({ id: secretaryDispatches.id });
  if (org.secretarySource !== 'dispatched') {
    await tx
      .update(partyOrgs)
      .set({ secretarySource: 'dispatched', updatedAt: new Date() })
      .where(eq(partyOrgs.id, org.id));
  }
  const what = { orgId: org.id, orgName: org.name, secretary: person.name, startOn: input.startOn };
  await auditChange(tx, actor, { action: 'pool.dispatch', entity: 'pool_secretary', entityId: id, diff: what });
  await auditChange(tx, actor, {
    action: 'org.officer_add',
    entity: 'party_org',
    entityId: org.id,
    diff: {
      post: 'secretary',
      personName: person.name,
      dispatched: true,
      ...(org.secretarySource !== 'dispatched' && {
        secretarySource: { before: org.secretarySource, after: 'dispatched' },
      }),
    },
  });
  return row;
}

/**
 * Records a dispatched secretary's return: `endOn` is the first day back. The secretary post
 * the dispatch opened ends the same day (unless the org recorded that already), and the
 * person is available again.
 */
export async function returnSecretary(tx: Tx, actor: Actor, id: number, dispatchId: number, endOn: string) {
  await loadPoolSecretary(tx, actor, id, { write: true, forUpdate: true });
  const [d] = await tx
    .select()
    .from(secretaryDispatches)
    .where(and(eq(secretaryDispatches.id, dispatchId), eq(secretaryDispatches.secretaryId, id)))
    .for('update');
  if (!d) throw notFound('下派记录');
  if (d.endOn !== null) invalid('endOn', `该次下派已于 ${d.endOn} 返回`);
  notAfterToday('endOn', '返回日期', endOn);
  if (endOn <= d.startOn) invalid('endOn', `返回日期（${endOn}）应晚于下派日期（${d.startOn}）`);
  const org = await loadOrg(tx, actor, d.orgId, { forUpdate: true });
  await tx.update(secretaryDispatches).set({ endOn }).where(eq(secretaryDispatches.id, dispatchId));
  if (d.officerId !== null) {
    await tx
      .update(orgOfficers)
      .set({ endOn })
      .where(and(eq(orgOfficers.id, d.officerId), isNull(orgOfficers.endOn)));
  }
  // The org's next secretary is recorded with their own source; 下派 would now be wrong.
  if (org.secretarySource === 'dispatched') {
    await tx.update(partyOrgs).set({ secretarySource: null, updatedAt: new Date() }).where(eq(partyOrgs.id, org.id));
  }
  await auditChange(tx, actor, {
    action: 'pool.return',
    entity: 'pool_secretary',
    entityId: id,
    diff: { dispatchId, orgId: org.id, orgName: org.name, endOn },
  });
}

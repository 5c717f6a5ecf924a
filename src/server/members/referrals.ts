import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { memberReferrals, members } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { today } from '../today.ts';
import { memberInScope, memberInWriteScope } from './scope.ts';

/** The open referrals of the members the actor sees: who elsewhere asked to record them. */
export async function listReferrals(tx: Tx, actor: Actor) {
  const rows = await tx
    .select({
      id: memberReferrals.id,
      memberId: memberReferrals.memberId,
      memberName: members.name,
      fromOrgName: memberReferrals.fromOrgName,
      requestedByName: memberReferrals.requestedByName,
      createdAt: memberReferrals.createdAt,
    })
    .from(memberReferrals)
    .innerJoin(members, eq(members.id, memberReferrals.memberId))
    .where(and(isNull(memberReferrals.closedOn), memberInScope(tx, actor)))
    .orderBy(desc(memberReferrals.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Settled by the holding org (a transfer issued, or a mistake explained): off the list. */
export async function closeReferral(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ id: memberReferrals.id, memberId: memberReferrals.memberId })
    .from(memberReferrals)
    .innerJoin(members, eq(members.id, memberReferrals.memberId))
    .where(and(eq(memberReferrals.id, id), isNull(memberReferrals.closedOn), memberInWriteScope(tx, actor)))
    .for('update', { of: memberReferrals });
  if (!row) throw notFound('转交的登记请求');
  await tx.update(memberReferrals).set({ closedOn: today() }).where(eq(memberReferrals.id, id));
  return row;
}

// Organizational relation transfers (rules.md §7): a letter out from the member's org, valid
// 3 months, completed by the return receipt (回执), at which the member leaves the roster; a
// transfer in records the member in the receiving org together with the letter.
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Sex } from '../../domain/idNumber.ts';
import { checkTransferDates, letterValidUntil, transferStatus } from '../../domain/org/transfer.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { members, memberTransfers, partyOrgs } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Keys } from '../keys.ts';
import { invalid } from '../orgs/invalid.ts';
import { orgInScope } from '../orgs/scope.ts';
import { today } from '../today.ts';
import { optionalText, REFERRED_MESSAGE } from './checks.ts';
import { loadMember } from './load.ts';
import { presentTransfer } from './queries.ts';
import { createMemberFromForm, type MemberCreate, removeFromRoster } from './write.ts';

const COUNTERPART_MAX = 100;
const LETTER_NO_MAX = 50;

export interface Letter {
  /** The other side's org, by name (it may be outside the system). */
  counterpart: string;
  letterNo: string | null;
  issuedOn: string;
}

function checkLetter(letter: Letter, receivedOn: string | null, now: string) {
  const counterpart = optionalText(letter.counterpart, 'counterpart', '对方党组织名称', COUNTERPART_MAX);
  if (counterpart === null) invalid('counterpart', '请填写对方党组织名称');
  const letterNo = optionalText(letter.letterNo, 'letterNo', '介绍信编号', LETTER_NO_MAX);
  for (const f of checkTransferDates({ issuedOn: letter.issuedOn, receivedOn, today: now })) {
    invalid(f.message.startsWith('回执') ? 'receivedOn' : 'issuedOn', f.message);
  }
  return { counterpart, letterNo };
}

/**
 * Issues the introduction letter of a transfer out of the member's org. The member stays on
 * the roster until the return receipt; a second letter is refused while one is still valid.
 */
export async function transferOut(tx: Tx, actor: Actor, memberId: number, letter: Letter) {
  const member = await loadMember(tx, actor, memberId, { write: true, forUpdate: true });
  const now = today();
  if (member.leftOn !== null) invalid('id', `该党员已于 ${member.leftOn} 离开党员名册，不能再转出`);
  const { counterpart, letterNo } = checkLetter(letter, null, now);
  if (letter.issuedOn < member.joinedOn) {
    invalid('issuedOn', `介绍信开具日期（${letter.issuedOn}）早于入党日期（${member.joinedOn}）`);
  }
  const open = await tx
    .select()
    .from(memberTransfers)
    .where(
      and(
        eq(memberTransfers.memberId, memberId),
        eq(memberTransfers.direction, 'out'),
        isNull(memberTransfers.receivedOn),
      ),
    );
  const pending = open.find((t) => transferStatus({ issuedOn: t.issuedOn, today: now }).status === 'pending');
  if (pending) {
    invalid(
      'issuedOn',
      `该党员已有尚在有效期内的转出介绍信（开往${pending.counterpart}，有效期至 ${pending.validUntil}），请先登记回执`,
    );
  }
  const validUntil = letterValidUntil(letter.issuedOn);
  const [row] = await tx
    .insert(memberTransfers)
    .values({
      memberId,
      direction: 'out',
      orgId: member.orgId,
      counterpart,
      letterNo,
      issuedOn: letter.issuedOn,
      validUntil,
    })
    .returning();
  await auditChange(tx, actor, {
    action: 'member.transfer_out',
    entity: 'member',
    entityId: memberId,
    diff: {
      transferId: row.id,
      orgId: member.orgId,
      counterpart,
      letterNo,
      issuedOn: letter.issuedOn,
      validUntil,
    },
  });
  return { id: row.id, validUntil };
}

/**
 * Records the return receipt. A transfer out is then complete: the member leaves the roster
 * for transfer_out on the receipt date. A receipt after the letter expired is accepted and
 * marked late, for follow-up.
 */
export async function receiveTransfer(tx: Tx, actor: Actor, transferId: number, receivedOn: string) {
  const [t] = await tx
    .select()
    .from(memberTransfers)
    .where(
      and(
        eq(memberTransfers.id, transferId),
        inArray(memberTransfers.orgId, tx.select({ id: partyOrgs.id }).from(partyOrgs).where(orgInScope(actor))),
      ),
    )
    .for('update');
  if (!t) throw notFound('组织关系转接记录');
  if (t.receivedOn !== null) invalid('receivedOn', `该转接已于 ${t.receivedOn} 登记回执`);
  for (const f of checkTransferDates({ issuedOn: t.issuedOn, receivedOn, today: today() })) {
    invalid('receivedOn', f.message);
  }
  const member = await loadMember(tx, actor, t.memberId, { write: true, forUpdate: true });
  if (t.direction === 'out') await removeFromRoster(tx, actor, member, 'transfer_out', receivedOn);
  await tx.update(memberTransfers).set({ receivedOn }).where(eq(memberTransfers.id, transferId));
  const { late } = transferStatus({ issuedOn: t.issuedOn, receivedOn, today: today() });
  await auditChange(tx, actor, {
    action: 'member.transfer_receive',
    entity: 'member',
    entityId: t.memberId,
    diff: { transferId, receivedOn, late },
  });
  return { status: 'received' as const, late };
}

export interface TransferIn extends Letter {
  member: MemberCreate & { sex?: Sex | null };
  /** The day the relation arrived (the letter received here). */
  receivedOn: string;
}

/** A member whose relation arrives: recorded in the receiving org, with the letter. */
export async function transferIn(tx: Tx, actor: Actor, keys: Keys, input: TransferIn) {
  const now = today();
  const { counterpart, letterNo } = checkLetter(input, input.receivedOn, now);
  if (input.member.relationOrgName) {
    invalid('relationOrgName', '转入后组织关系即在本组织，不再填写组织关系所在党组织');
  }
  const created = await createMemberFromForm(tx, actor, keys, input.member);
  if (created.referred) {
    return { memberId: null, transferId: null, late: false, referred: true, message: REFERRED_MESSAGE };
  }
  const memberId = created.id;
  const validUntil = letterValidUntil(input.issuedOn);
  const [row] = await tx
    .insert(memberTransfers)
    .values({
      memberId,
      direction: 'in',
      orgId: input.member.orgId,
      counterpart,
      letterNo,
      issuedOn: input.issuedOn,
      validUntil,
      receivedOn: input.receivedOn,
    })
    .returning();
  const { late } = transferStatus({ issuedOn: input.issuedOn, receivedOn: input.receivedOn, today: now });
  await auditChange(tx, actor, {
    action: 'member.transfer_in',
    entity: 'member',
    entityId: memberId,
    diff: {
      transferId: row.id,
      orgId: input.member.orgId,
      counterpart,
      letterNo,
      issuedOn: input.issuedOn,
      receivedOn: input.receivedOn,
      late,
    },
  });
  return { memberId, transferId: row.id, late, referred: false, message: null };
}

export interface TransferListFilter {
  orgId?: number;
  /** open = pending and expired (no receipt yet), the default. */
  status?: 'open' | 'pending' | 'expired' | 'received' | 'all';
  direction?: 'in' | 'out';
}

/** Transfers of the orgs in scope, with the member's name and where each stands today. */
export async function listTransfers(
  tx: Tx,
  actor: Actor,
  filter: TransferListFilter,
  paging: { page: number; pageSize: number },
) {
  const now = today();
  const t = memberTransfers;
  const conds: SQL[] = [inArray(t.orgId, tx.select({ id: partyOrgs.id }).from(partyOrgs).where(orgInScope(actor)))];
  if (filter.orgId !== undefined) conds.push(eq(t.orgId, filter.orgId));
  if (filter.direction) conds.push(eq(t.direction, filter.direction));
  const status = filter.status ?? 'open';
  if (status === 'open') conds.push(isNull(t.receivedOn));
  if (status === 'pending') conds.push(sql`${t.receivedOn} is null and ${t.validUntil} >= ${now}::date`);
  if (status === 'expired') conds.push(sql`${t.receivedOn} is null and ${t.validUntil} < ${now}::date`);
  if (status === 'received') conds.push(sql`${t.receivedOn} is not null`);
  const where = and(...conds) as SQL;
  const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(t).where(where);
  const rows = await tx
    .select({ t, memberName: members.name, orgName: partyOrgs.name })
    .from(t)
    .leftJoin(members, eq(members.id, t.memberId))
    .leftJoin(partyOrgs, eq(partyOrgs.id, t.orgId))
    .where(where)
    .orderBy(desc(t.issuedOn), desc(t.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return {
    total,
    items: rows.map((r) => ({ ...presentTransfer(r.t, now), memberName: r.memberName, orgName: r.orgName })),
  };
}

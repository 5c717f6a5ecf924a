import { and, asc, count, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { localDateString } from '../../domain/calendarDate.ts';
import { EDUCATIONS, MEMBER_STATUSES, SEXES } from '../../domain/org/codes.ts';
import { transferStatus } from '../../domain/org/transfer.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { containing } from '../db/like.ts';
import { nameKey } from '../db/nameKey.ts';
import { enterprises, members, memberTransfers, partyOrgs } from '../db/schema.ts';
import { type Keys, openPhone } from '../keys.ts';
import { invalid } from '../orgs/invalid.ts';
import { withinRegionFilter } from '../regions/scope.ts';
import { today } from '../today.ts';
import { mobileSql, shouldTransferSql } from './away.ts';
import { loadMember } from './load.ts';
import { label, maskedBirthDate, maskedIdNumber, maskedPhone, presentMember } from './presenter.ts';
import { memberInScope, memberInWriteScope } from './scope.ts';

export interface MemberListFilter {
  orgId?: number;
  regionCode?: string;
  status?: 'full' | 'probationary';
  /** Away more than 6 months today (流动党员), or not. */
  mobile?: boolean;
  /** Working away (a period recorded and not ended), or not. */
  away?: boolean;
  /** 6 months or more at a fixed place: the relation should be transferred. */
  shouldTransfer?: boolean;
  /** In the mobile view: only 流出 or only 流入. */
  side?: 'out' | 'in';
  relationElsewhere?: boolean;
  employerId?: number;
  q?: string;
  /** On the roster (default), left it, or both. */
  roster?: 'active' | 'left' | 'all';
  /**
   * `mobile`: for one org, its own members working elsewhere (流出) and the members working
   * there whose relation is held elsewhere (流入), each labelled by side.
   */
  view?: 'roster' | 'mobile';
  sort?: 'newest' | 'name';
}

const org = alias(partyOrgs, 'member_org');
const workOrg = alias(partyOrgs, 'member_work_org');

export const SIDE_LABELS = { out: '流出', in: '流入' } as const;

function listWhere(tx: Tx, actor: Actor, f: MemberListFilter): { where: SQL; side: SQL | null } {
  const conds: SQL[] = [memberInScope(tx, actor)];
  const on = today();
  const roster = f.roster ?? 'active';
  if (roster === 'active') conds.push(isNull(members.leftOn));
  if (roster === 'left') conds.push(isNotNull(members.leftOn));
  let side: SQL | null = null;
  if (f.view === 'mobile') {
    const here = f.orgId ?? actor.orgId;
    if (here == null) invalid('orgId', '流动党员视图请选择党组织');
    const out = sql`(${members.orgId} = ${here} and ${members.awaySince} is not null)`;
    const inflow = sql`(${members.workOrgId} = ${here} or (${members.orgId} = ${here} and ${members.relationOrgName} is not null))`;
    conds.push(f.side === 'out' ? out : f.side === 'in' ? inflow : sql`(${out} or ${inflow})`);
    side = sql`case when ${members.workOrgId} = ${here} or ${members.relationOrgName} is not null then 'in' else 'out' end`;
  } else if (f.orgId !== undefined) {
    conds.push(eq(members.orgId, f.orgId));
  }
  if (f.regionCode) conds.push(withinRegionFilter(org.regionCode, f.regionCode));
  if (f.status) conds.push(eq(members.status, f.status));
  if (f.mobile !== undefined) conds.push(f.mobile ? mobileSql(on, 'members.') : sql`not ${mobileSql(on, 'members.')}`);
  if (f.away !== undefined) conds.push(f.away ? isNotNull(members.awaySince) : isNull(members.awaySince));
  if (f.shouldTransfer !== undefined) {
    const should = shouldTransferSql(on, 'members.');
    conds.push(f.shouldTransfer ? should : sql`not ${should}`);
  }
  if (f.relationElsewhere === true) conds.push(isNotNull(members.relationOrgName));
  if (f.relationElsewhere === false) conds.push(isNull(members.relationOrgName));
  if (f.employerId !== undefined) conds.push(eq(members.employerId, f.employerId));
  if (f.q) conds.push(sql`${members.name} ilike ${containing(f.q)}`);
  return { where: and(...conds) as SQL, side };
}

/** A page of members, masked, with their org, work org and employer by name. */
export async function listMembers(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  filter: MemberListFilter,
  paging: { page: number; pageSize: number },
) {
  const { where, side } = listWhere(tx, actor, filter);
  const [{ total }] = await tx
    .select({ total: count() })
    .from(members)
    .leftJoin(org, eq(org.id, members.orgId))
    .where(where);
  const order =
    filter.sort === 'name' ? [asc(nameKey(members)), asc(members.id)] : [desc(members.createdAt), desc(members.id)];
  const rows = await tx
    .select({
      m: members,
      orgName: org.name,
      workOrgName: workOrg.name,
      employerName: enterprises.name,
      side: side ?? sql<null>`null`,
    })
    .from(members)
    .leftJoin(org, eq(org.id, members.orgId))
    .leftJoin(workOrg, eq(workOrg.id, members.workOrgId))
    .leftJoin(enterprises, eq(enterprises.id, members.employerId))
    .where(where)
    // In the mobile view, 流出 before 流入.
    .orderBy(...(side ? [sql`${side} = 'in'`, ...order] : order))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return {
    total,
    items: rows.map((r) => {
      const s = r.side as 'in' | 'out' | null;
      return {
        ...presentMember(r.m, keys),
        orgName: r.orgName,
        workOrgName: r.workOrgName,
        employerName: r.employerName,
        side: s,
        sideLabel: s === null ? null : SIDE_LABELS[s],
      };
    }),
  };
}

/** Names of the member's orgs and employer; null for one the actor cannot see. */
async function namesOf(tx: Tx, m: { orgId: number; workOrgId: number | null; employerId: number | null }) {
  const orgName = await nameOfOrg(tx, m.orgId);
  const workOrgName = m.workOrgId === null ? null : await nameOfOrg(tx, m.workOrgId);
  let employerName: string | null = null;
  if (m.employerId !== null) {
    const [e] = await tx.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, m.employerId));
    employerName = e?.name ?? null;
  }
  return { orgName, workOrgName, employerName };
}

async function nameOfOrg(tx: Tx, id: number): Promise<string | null> {
  const [o] = await tx.select({ name: partyOrgs.name }).from(partyOrgs).where(eq(partyOrgs.id, id));
  return o?.name ?? null;
}

/** The transfers of one member, newest first, each with where it stands today. */
async function transfersOf(tx: Tx, memberId: number, today: string) {
  const rows = await tx
    .select()
    .from(memberTransfers)
    .where(eq(memberTransfers.memberId, memberId))
    .orderBy(desc(memberTransfers.issuedOn), desc(memberTransfers.id));
  return rows.map((t) => presentTransfer(t, today));
}

export function presentTransfer(t: typeof memberTransfers.$inferSelect, today: string) {
  const s = transferStatus({ issuedOn: t.issuedOn, receivedOn: t.receivedOn, today });
  return {
    id: t.id,
    memberId: t.memberId,
    direction: t.direction as 'in' | 'out',
    orgId: t.orgId,
    counterpart: t.counterpart,
    letterNo: t.letterNo,
    issuedOn: t.issuedOn,
    validUntil: t.validUntil,
    receivedOn: t.receivedOn,
    status: s.status,
    late: s.late,
    createdAt: t.createdAt.toISOString(),
  };
}

/** A member's page: the record (masked), names of their orgs and employer, transfers, and the card. */
export async function memberDetail(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const row = await loadMember(tx, actor, id);
  const today = localDateString(new Date());
  const names = await namesOf(tx, row);
  const [own] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, id), memberInWriteScope(tx, actor)));
  return {
    member: { ...presentMember(row, keys), ...names },
    /** Whether the actor's org holds the relation (may change the record); false for the 流入地. */
    writable: own !== undefined,
    transfers: await transfersOf(tx, id, today),
    card: cardOf(row, names, keys),
  };
}

function cardOf(
  row: Awaited<ReturnType<typeof loadMember>>,
  names: { orgName: string | null; employerName: string | null },
  keys: Keys,
) {
  return {
    name: row.name,
    sex: label(SEXES, row.sex),
    birthDate: maskedBirthDate(row.birthDate),
    ethnicity: row.ethnicity,
    education: label(EDUCATIONS, row.education),
    status: label(MEMBER_STATUSES, row.status),
    joinedOn: row.joinedOn,
    fullOn: row.fullOn,
    orgName: names.orgName,
    employerName: names.employerName,
    position: row.position,
    idNumber: maskedIdNumber(keys, row.idNumber),
    phone: maskedPhone(keys, row.phone),
  };
}

/** What a 党员信息卡 prints; numbers masked. A read, not audited (only reveal and export are). */
export async function memberCard(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const row = await loadMember(tx, actor, id);
  return cardOf(row, await namesOf(tx, row), keys);
}

/**
 * The full ID and phone number and birth date, for an actor with member.reveal whose org holds the member's
 * relation; audited in the same transaction. Nothing else returns them.
 */
export async function revealMember(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const row = await loadMember(tx, actor, id, { write: true });
  await auditChange(tx, actor, {
    action: 'member.reveal',
    entity: 'member',
    entityId: id,
    diff: { fields: ['idNumber', 'phone'], orgId: row.orgId },
  });
  return {
    idNumber: keys.decrypt(row.idNumber),
    phone: openPhone(keys, row.phone),
    birthDate: row.birthDate,
  };
}

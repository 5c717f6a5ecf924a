// Recording a lost-contact member, the search for them and the outcome (docs/annual-tables.md §7).
// Each is one transaction that locks the member or the case within the actor's write scope,
// checks, writes and audits (the org holding the relation records; the committee of its region
// too). A disposal takes the member off the roster in the same transaction.
import { and, count, eq, sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import {
  LOST_CONTACT_CIRCUMSTANCES,
  type LostContactCircumstance,
} from '../../domain/national/lostContactCircumstances.ts';
import {
  LOST_CONTACT_OUTCOME_LABEL,
  type LostContactOutcome,
  lostFrom,
  OUTCOME_LEAVE_REASON,
  outcomeRefusal,
  SEARCH_METHOD_LABEL,
  type SearchMethod,
} from '../../domain/org/lostContact.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { lostContactSearches, lostContacts, members, partyOrgs } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { loadMember } from '../members/load.ts';
import { memberInWriteScope } from '../members/scope.ts';
import { removeFromRoster } from '../members/write.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { lastActivityOf } from './activity.ts';

const circumstanceLabel = (code: string) => LOST_CONTACT_CIRCUMSTANCES.find((c) => c.code === code)?.label ?? code;

/** The member's last recorded activity as of `today` (null: none on record). */
export async function lastActivity(tx: Tx, memberId: number, today: string): Promise<string | null> {
  const [row] = await queryRows<{ last: string | null }>(
    tx,
    sql`select ${lastActivityOf(sql`${today}::date`)} as last from members m where m.id = ${memberId}`,
  );
  return row?.last ?? null;
}

export interface RecordInput {
  circumstance: LostContactCircumstance;
  circumstanceNote: string | null;
  /** A contact later than the records show, which the org knows of; null: the records' date. */
  outOfContactSince: string | null;
}

/**
 * Records the member as lost contact today. Refused before 6 calendar months have passed since
 * the last recorded activity (or the later contact stated), for a member who left the roster,
 * and for one with a case still open.
 */
export async function recordLostContact(tx: Tx, actor: Actor, memberId: number, input: RecordInput, today: string) {
  const member = await loadMember(tx, actor, memberId, { write: true, forUpdate: true });
  if (member.leftOn !== null) invalid('memberId', `${member.name} 已于 ${member.leftOn} 离开党员名册`);
  const [open] = await tx
    .select({ id: lostContacts.id, recordedOn: lostContacts.recordedOn })
    .from(lostContacts)
    .where(and(eq(lostContacts.memberId, member.id), sql`${lostContacts.outcome} is null`));
  if (open) throw new HttpError(409, 'conflict', `${member.name} 已于 ${open.recordedOn} 登记为失联党员，尚未处置`);
  const recorded = (await lastActivity(tx, member.id, today)) ?? member.joinedOn;
  let since = recorded;
  if (input.outOfContactSince !== null) {
    notAfterToday('outOfContactSince', '最后联系日期', input.outOfContactSince, { today });
    if (input.outOfContactSince < recorded) {
      invalid(
        'outOfContactSince',
        `最后联系日期（${input.outOfContactSince}）早于系统中该党员最后一次活动记录（${recorded}）：以记录为准，不必填写`,
      );
    }
    since = input.outOfContactSince;
  }
  const from = lostFrom(since);
  if (today < from) {
    invalid(
      'outOfContactSince',
      `${member.name} 自 ${since} 起失去联系未满 6 个月，${from} 起才能登记为失联党员（${addDays(from, -1)} 前仍应继续联系）`,
    );
  }
  const note = input.circumstanceNote?.trim() || null;
  if (input.circumstance === '7' && note === null)
    invalid('circumstanceNote', '失联情形为“其他”的，请在备注中写明具体原因');
  const values = {
    memberId: member.id,
    orgId: member.orgId,
    circumstance: input.circumstance,
    circumstanceNote: note,
    outOfContactSince: since,
    recordedOn: today,
  };
  const [row] = await tx.insert(lostContacts).values(values).returning({ id: lostContacts.id });
  await auditChange(tx, actor, {
    action: 'lost_contact.record',
    entity: 'lost_contact',
    entityId: row.id,
    diff: { ...values, circumstanceLabel: circumstanceLabel(input.circumstance), memberName: member.name },
  });
  return { id: row.id, outOfContactSince: since };
}

/** The open case, locked, if the actor may write its member; 404 otherwise. */
async function loadCase(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ c: lostContacts, memberName: members.name, status: members.status, orgName: partyOrgs.name })
    .from(lostContacts)
    .innerJoin(members, eq(members.id, lostContacts.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, lostContacts.orgId))
    .where(and(eq(lostContacts.id, id), memberInWriteScope(tx, actor)))
    .for('update', { of: lostContacts });
  if (!row) throw notFound('失联党员登记');
  if (row.c.outcome !== null) {
    throw new HttpError(
      409,
      'conflict',
      `${row.memberName} 的失联登记已于 ${row.c.outcomeOn} ${LOST_CONTACT_OUTCOME_LABEL[row.c.outcome as LostContactOutcome]}，已结案`,
    );
  }
  return row;
}

export interface SearchInput {
  searchedOn: string;
  searcher: string;
  method: SearchMethod;
  result: string;
}

/** Adds a search effort to an open case: dated between the out-of-contact date and today. */
export async function addSearch(tx: Tx, actor: Actor, caseId: number, input: SearchInput, today: string) {
  const { c, memberName } = await loadCase(tx, actor, caseId);
  notAfterToday('searchedOn', '查找日期', input.searchedOn, { today });
  if (input.searchedOn < c.outOfContactSince) {
    invalid('searchedOn', `查找日期（${input.searchedOn}）早于失去联系日期（${c.outOfContactSince}）`);
  }
  const values = {
    lostContactId: c.id,
    searchedOn: input.searchedOn,
    searcher: input.searcher.trim(),
    method: input.method,
    result: input.result.trim(),
  };
  const [row] = await tx.insert(lostContactSearches).values(values).returning({ id: lostContactSearches.id });
  await auditChange(tx, actor, {
    action: 'lost_contact.search',
    entity: 'lost_contact',
    entityId: c.id,
    diff: { ...values, methodLabel: SEARCH_METHOD_LABEL[input.method], memberId: c.memberId, memberName },
  });
  return { id: row.id };
}

export interface OutcomeInput {
  outcome: LostContactOutcome;
  outcomeOn: string;
  note: string | null;
}

/**
 * Closes the case: contact restored, or — after at least one search — 停止党籍 (full member)
 * or 取消预备党员资格 (probationary), which takes the member off the roster on that date.
 */
export async function recordOutcome(tx: Tx, actor: Actor, caseId: number, input: OutcomeInput, today: string) {
  const { c, memberName, status } = await loadCase(tx, actor, caseId);
  notAfterToday('outcomeOn', '处置日期', input.outcomeOn, { today });
  if (input.outcomeOn < c.recordedOn) {
    invalid('outcomeOn', `处置日期（${input.outcomeOn}）早于失联登记日期（${c.recordedOn}）`);
  }
  const [{ n }] = (await tx
    .select({ n: count() })
    .from(lostContactSearches)
    .where(eq(lostContactSearches.lostContactId, c.id))) as [{ n: number }];
  const refusal = outcomeRefusal(input.outcome, status as 'full' | 'probationary', n);
  if (refusal) invalid('outcome', `${memberName}：${refusal}`);
  const values = { outcome: input.outcome, outcomeOn: input.outcomeOn, outcomeNote: input.note?.trim() || null };
  await tx
    .update(lostContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(lostContacts.id, c.id));
  if (input.outcome !== 'restored') {
    const member = await loadMember(tx, actor, c.memberId, { write: true, forUpdate: true });
    await removeFromRoster(tx, actor, member, OUTCOME_LEAVE_REASON[input.outcome], input.outcomeOn);
  }
  await auditChange(tx, actor, {
    action: 'lost_contact.outcome',
    entity: 'lost_contact',
    entityId: c.id,
    diff: { ...values, outcomeLabel: LOST_CONTACT_OUTCOME_LABEL[input.outcome], memberId: c.memberId, memberName },
  });
}

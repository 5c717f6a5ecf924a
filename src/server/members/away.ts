// A member working away (外出) and the mobile members derived from it (rules.md §7): the
// period is recorded by the org holding the relation (流出地), seen by the org where the member
// works (流入地), and ended by the member's return. Whether a member is mobile (away more than
// 6 months) and whether the relation should move (6 months or more at a fixed place) follow
// from the dates, by the domain's rules.
import { eq, type SQL, sql } from 'drizzle-orm';
import {
  checkAwayDates,
  DEFAULT_MOBILE_MEMBER_MONTHS,
  DEFAULT_TRANSFER_MIN_MONTHS,
  isMobileMember,
  shouldTransferRelation,
} from '../../domain/org/transfer.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { members } from '../db/schema.ts';
import { invalid } from '../orgs/invalid.ts';
import { saveEdit } from '../saveEdit.ts';
import { today } from '../today.ts';
import { checkWorkOrg, optionalText } from './checks.ts';
import { loadMember, type MemberRow } from './load.ts';

const PLACE_MAX = 100;

/** A member's period away as it leaves the server, with what follows from it today. */
export interface AwayPeriod {
  place: string | null;
  since: string;
  until: string | null;
  fixedPlace: boolean;
  /** Away more than 6 months: a mobile member (流动党员). */
  mobile: boolean;
  /** 6 months or more at a fixed place: the relation should be transferred (应转接组织关系). */
  shouldTransfer: boolean;
}

export function presentAway(row: MemberRow, on: string = today()): AwayPeriod | null {
  if (row.awaySince === null || row.leftOn !== null) return null;
  return {
    place: row.awayPlace,
    since: row.awaySince,
    until: row.awayUntil,
    fixedPlace: row.awayFixedPlace,
    mobile: isMobileMember(row.awaySince, on),
    shouldTransfer: shouldTransferRelation({
      leavesOn: row.awaySince,
      returnsOn: row.awayUntil,
      fixedPlace: row.awayFixedPlace,
      today: on,
    }),
  };
}

/**
 * The same rules in SQL over `members` (a column prefix such as `m.`, or the table's own
 * names): PostgreSQL's date + interval clamps a month end as the domain's addMonths does
 * (2025-08-31 + 6 months = 2026-02-28), which the API tests check at the edges.
 */
export function mobileSql(on: string, prefix = ''): SQL {
  const p = sql.raw(prefix);
  return sql`(${p}away_since is not null and ${p}left_on is null
    and ${p}away_since + make_interval(months => ${DEFAULT_MOBILE_MEMBER_MONTHS}) < ${on}::date)`;
}

export function shouldTransferSql(on: string, prefix = ''): SQL {
  const p = sql.raw(prefix);
  const sixMonths = sql`${p}away_since + make_interval(months => ${DEFAULT_TRANSFER_MIN_MONTHS})`;
  return sql`(${p}away_since is not null and ${p}left_on is null and ${p}away_fixed_place
    and (${sixMonths} <= ${on}::date or ${p}away_until is null or ${p}away_until >= ${sixMonths}))`;
}

export interface AwayInput {
  place: string;
  workOrgId: number | null;
  since: string;
  until: string | null;
  fixedPlace: boolean;
}

function refuseFindings(findings: ReturnType<typeof checkAwayDates>) {
  const [first] = findings;
  if (first) invalid(first.field, first.message);
}

/**
 * Records where and since when a member works away, or corrects the open period. Only the org
 * holding the relation (流出地) may; the 流入地 org, when given, must be another open org.
 */
export async function recordAway(tx: Tx, actor: Actor, memberId: number, input: AwayInput) {
  const now = today();
  const row = await loadMember(tx, actor, memberId, { write: true, forUpdate: true });
  if (row.leftOn !== null) invalid('since', `该党员已于 ${row.leftOn} 离开党员名册，不能再登记外出`);
  const place = optionalText(input.place, 'place', '外出地点', PLACE_MAX);
  if (!place) invalid('place', '请填写外出地点');
  refuseFindings(checkAwayDates({ since: input.since, until: input.until, today: now }));
  if (input.workOrgId !== row.workOrgId)
    await checkWorkOrg(tx, actor, { workOrgId: input.workOrgId, orgId: row.orgId }, now);
  const after = {
    awayPlace: place,
    awaySince: input.since,
    awayUntil: input.until,
    awayFixedPlace: input.fixedPlace,
    workOrgId: input.workOrgId,
  };
  const before = {
    awayPlace: row.awayPlace,
    awaySince: row.awaySince,
    awayUntil: row.awayUntil,
    awayFixedPlace: row.awayFixedPlace,
    workOrgId: row.workOrgId,
  };
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (before[key] !== after[key]) diff[key] = { before: before[key], after: after[key] };
  }
  const member = { table: members, id: memberId, action: 'member.away_record', entity: 'member' } as const;
  return saveEdit(tx, actor, member, after, diff);
}

/**
 * The member is back: the open period ends on `returnedOn`. The period leaves the record and
 * stays, with the return date, in the audit log.
 */
export async function endAway(tx: Tx, actor: Actor, memberId: number, returnedOn: string) {
  const row = await loadMember(tx, actor, memberId, { write: true, forUpdate: true });
  if (row.awaySince === null) invalid('returnedOn', '该党员没有登记外出，无须登记返回');
  refuseFindings(
    checkAwayDates({ since: row.awaySince, returnedOn, today: today() }).filter((f) => f.field === 'returnedOn'),
  );
  await tx
    .update(members)
    .set({
      awayPlace: null,
      awaySince: null,
      awayUntil: null,
      awayFixedPlace: false,
      workOrgId: null,
      updatedAt: new Date(),
    })
    .where(eq(members.id, memberId));
  await auditChange(tx, actor, {
    action: 'member.away_end',
    entity: 'member',
    entityId: memberId,
    diff: {
      place: row.awayPlace,
      workOrgId: row.workOrgId,
      since: row.awaySince,
      until: row.awayUntil,
      fixedPlace: row.awayFixedPlace,
      returnedOn,
    },
  });
  return { ok: true as const };
}

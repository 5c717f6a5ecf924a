import { sql } from 'drizzle-orm';
import { addMonths, compareDates } from '../../domain/calendarDate.ts';
import { checkDevelopment, type DevelopmentRecord, developmentOverdue } from '../../domain/org/development.ts';
import { restructuringPrompts } from '../../domain/org/restructuring.ts';
import { DEFAULT_TRANSFER_MIN_MONTHS, shouldTransferRelation, transferStatus } from '../../domain/org/transfer.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { withoutJit } from '../db/jit.ts';
import { queryRows } from '../db/rows.ts';
import { developmentDatesSelect } from '../developments/record.ts';
import { orgFacts } from '../orgs/facts.ts';
import { orgFindingsUnder, orgRulesResolver } from '../settings/orgRules.ts';
import type { PromptItem, PromptSection } from './types.ts';

/** The actor's scope on `o`, the org a record hangs off (row-level security repeats it). */
function orgScope(actor: Actor) {
  const region = sql`o.region_code like ${`${actor.scopePrefix}%`}`;
  return actor.orgId === null ? region : sql`${region} and o.id = ${actor.orgId}`;
}

const LEVEL_ORDER = { overdue: 0, due: 1, warning: 2, info: 3 } as const;

function section(key: PromptSection['key'], items: PromptItem[], limit: number): PromptSection {
  items.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  return { key, total: items.length, items: items.slice(0, limit) };
}

/**
 * The furthest ahead a re-election can fall due: the reminder months are at most 12
 * (settings/orgRules.ts), and a month more covers the month-end days of `addMonths`.
 */
const DUE_HORIZON_MONTHS = 13;

/**
 * Re-elections due or overdue, and the formation rules an org breaks (rules.md §4–§5). With
 * `dueOnly` (the to-dos: only what falls due), only the orgs whose latest term ends within
 * the horizon are read: every other org's findings are warnings or information, which the
 * to-dos leave out, so the due and overdue items are the same, for a fraction of the orgs.
 */
export async function orgSections(
  tx: Tx,
  actor: Actor,
  today: string,
  limit: number,
  dueOnly = false,
): Promise<PromptSection[]> {
  await withoutJit(tx);
  const where = actor.orgId === null ? sql`true` : sql`o.id = ${actor.orgId}`;
  const termEndsSoon = sql`(select x.ends_on from org_elections x where x.org_id = o.id
    order by x.elected_on desc, x.id desc limit 1) < ${addMonths(today, DUE_HORIZON_MONTHS)}::date`;
  const facts = await orgFacts(
    tx,
    sql`${where} and (o.dissolved_on is null or o.dissolved_on > ${today}::date) ${dueOnly ? sql`and ${termEndsSoon}` : sql``}`,
    today,
  );
  const elections: PromptItem[] = [];
  const rules: PromptItem[] = [];
  const rulesOf = await orgRulesResolver(tx);
  for (const f of facts) {
    for (const finding of orgFindingsUnder(rulesOf(f.regionCode), f, today)) {
      const item: PromptItem = {
        level: finding.level,
        title: f.name,
        message: finding.message,
        en: finding.en,
        link: { type: 'org', id: f.id },
        ...(finding.code.startsWith('reelection') ? { dueOn: f.termEndsOn ?? undefined } : {}),
      };
      (finding.code.startsWith('reelection') || finding.code === 'no_election' ? elections : rules).push(item);
    }
  }
  return [section('reelection', elections, limit), section('org_rules', rules, limit)];
}

interface DevelopmentRow extends DevelopmentRecord {
  id: number;
  name: string;
  orgName: string;
}

/** Development steps overdue, and early steps waiting for review (rules.md §6). */
export async function developmentSections(
  tx: Tx,
  actor: Actor,
  today: string,
  limit: number,
): Promise<PromptSection[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select d.id, d.name, o.name as "orgName", d.contacts, d.introducers, d.extension_months as "extensionMonths",
          d.training_days::float8 as "trainingDays", d.training_hours::float8 as "trainingHours",
          d.early_reasons as "earlyReasons",
          ${developmentDatesSelect}
        from developments d join party_orgs o on o.id = d.org_id
        where ${orgScope(actor)} and d.closed_on is null and d.full_approved_on is null`,
  );
  const overdue: PromptItem[] = [];
  const review: PromptItem[] = [];
  for (const raw of rows) {
    const r = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)) as unknown as DevelopmentRow;
    for (const o of developmentOverdue(r, today)) {
      overdue.push({
        level: 'overdue',
        title: `${r.name}（${r.orgName}）`,
        message: o.message,
        en: o.en,
        dueOn: o.dueOn,
        link: { type: 'development', id: r.id },
      });
    }
    for (const early of checkDevelopment(r, today).early) {
      review.push({
        level: 'info',
        title: `${r.name}（${r.orgName}）`,
        message: `${early.message}；理由：${early.reason}`,
        link: { type: 'development', id: r.id },
      });
    }
  }
  return [section('development', overdue, limit), section('development_review', review, limit)];
}

/** Introduction letters past their validity without a return receipt (rules.md §7). */
export async function transferSection(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection> {
  const rows = await queryRows<{
    id: number;
    memberId: number;
    name: string;
    counterpart: string;
    direction: string;
    issuedOn: string;
  }>(
    tx,
    sql`select t.id, t.member_id as "memberId", m.name, t.counterpart, t.direction, t.issued_on::text as "issuedOn"
        from member_transfers t join members m on m.id = t.member_id join party_orgs o on o.id = t.org_id
        where ${orgScope(actor)} and t.received_on is null`,
  );
  const items: PromptItem[] = [];
  for (const t of rows) {
    const s = transferStatus({ issuedOn: t.issuedOn, today });
    if (s.status !== 'expired') continue;
    items.push({
      level: 'overdue',
      title: t.name,
      message: `${t.direction === 'out' ? '转往' : '转自'}${t.counterpart}的介绍信已于 ${s.validUntil} 过期，尚未收到回执`,
      en: `The transfer letter ${t.direction === 'out' ? 'to' : 'from'} ${t.counterpart} expired on ${s.validUntil} without a receipt`,
      dueOn: s.validUntil,
      link: { type: 'member', id: t.memberId },
    });
  }
  return section('transfer', items, limit);
}

/**
 * Members 6 months or more at a fixed place (rules.md §7): 应转接组织关系, for the org holding
 * the relation. Due from the day the stay reaches 6 months (or at once for a move with no
 * planned return), overdue from the day it has lasted 6 months.
 */
export async function shouldTransferSection(
  tx: Tx,
  actor: Actor,
  today: string,
  limit: number,
): Promise<PromptSection> {
  const rows = await queryRows<{ id: number; name: string; place: string | null; since: string; until: string | null }>(
    tx,
    sql`select m.id, m.name, m.away_place as place, m.away_since::text as since, m.away_until::text as until
        from members m join party_orgs o on o.id = m.org_id
        where ${orgScope(actor)} and m.away_since is not null and m.away_fixed_place and m.left_on is null`,
  );
  const items: PromptItem[] = [];
  for (const r of rows) {
    if (!shouldTransferRelation({ leavesOn: r.since, returnsOn: r.until, fixedPlace: true, today })) continue;
    const sixMonths = addMonths(r.since, DEFAULT_TRANSFER_MIN_MONTHS);
    const stayed = compareDates(today, sixMonths) >= 0;
    items.push({
      level: stayed ? 'overdue' : 'due',
      title: r.name,
      message: `自 ${r.since} 在${r.place ?? '外地'}固定工作${stayed ? '已满 6 个月' : r.until ? `，预计至 ${r.until}` : '，未定返回日期'}，应转接组织关系`,
      en: `Working at a fixed place${r.place ? ` (${r.place})` : ''} since ${r.since}${stayed ? ', 6 months or more' : r.until ? `, expected until ${r.until}` : ', no return date'}: the membership relation should be transferred`,
      dueOn: sixMonths,
      link: { type: 'member', id: r.id },
    });
  }
  return section('should_transfer', items, limit);
}

/** 三同步 items still missing after the grace period (rules.md §3). */
export async function restructuringSection(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection> {
  const rows = await queryRows<{
    id: number;
    name: string;
    regionCode: string;
    restructuredOn: string;
    plansSubmittedOn: string | null;
    headsFixedOn: string | null;
    supervisionOn: string | null;
  }>(
    tx,
    sql`select e.id, e.name, e.region_code as "regionCode", r.restructured_on::text as "restructuredOn", r.plans_submitted_on::text as "plansSubmittedOn",
          r.heads_fixed_on::text as "headsFixedOn", r.supervision_on::text as "supervisionOn"
        from restructurings r join enterprises e on e.id = r.enterprise_id
        where e.region_code like ${`${actor.scopePrefix}%`}`,
  );
  const rulesOf = await orgRulesResolver(tx);
  const items: PromptItem[] = rows.flatMap((r) =>
    restructuringPrompts(r, today, rulesOf(r.regionCode).restructuringGraceDays).map((p) => ({
      level: 'overdue' as const,
      title: r.name,
      message: p.message,
      en: p.en,
      dueOn: p.dueOn,
      link: { type: 'enterprise' as const, id: r.id },
    })),
  );
  return section('restructuring', items, limit);
}

/** The areas whose records raise prompts, in the order the sections are listed. */
export type RecordArea = 'org' | 'member' | 'ledger';

/**
 * The record sections of the areas the caller lets the actor see (the work prompts: whoever
 * reads the area; the to-dos: whoever may also act on it): orgs, then developments and
 * transfers, then 三同步.
 */
export async function recordSections(
  tx: Tx,
  actor: Actor,
  today: string,
  limit: number,
  sees: (area: RecordArea) => boolean,
  /** Only what falls due is wanted (the to-dos): the sections may leave out the rest. */
  dueOnly = false,
): Promise<PromptSection[]> {
  return [
    ...(sees('org') ? await orgSections(tx, actor, today, limit, dueOnly) : []),
    ...(sees('member')
      ? [
          ...(await developmentSections(tx, actor, today, limit)),
          await transferSection(tx, actor, today, limit),
          await shouldTransferSection(tx, actor, today, limit),
        ]
      : []),
    ...(sees('ledger') ? [await restructuringSection(tx, actor, today, limit)] : []),
  ];
}

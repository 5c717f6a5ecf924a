// Training hours below the requirement as work prompts and to-dos (rules.md §12): one item per
// org of the actor's scope (a secretary's own) saying how many of its members are short this
// year — never a list of people ordered by hours. Due in the year's last quarter, when there is
// still time to train; before that a reminder only.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { PromptSection } from '../prompts/types.ts';
import { memberHoursSql, type PersonHours, withStanding } from './hours.ts';

/** `dueOnly` (the to-do centre): nothing before the last quarter, when the items are reminders only. */
export async function trainingSections(
  tx: Tx,
  actor: Actor,
  today: string,
  limit: number,
  dueOnly = false,
): Promise<PromptSection[]> {
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  const level = today.slice(5) >= '10-01' ? ('due' as const) : ('info' as const);
  if (dueOnly && level === 'info') return [];
  const year = Number(today.slice(0, 4));
  const orgs = sql`o.region_code like ${`${actor.scopePrefix}%`} and o.dissolved_on is null
    ${actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`}`;
  const people = await queryRows<PersonHours>(tx, memberHoursSql(orgs, year, today));
  const byOrg = new Map<number, { name: string; below: number; officers: number }>();
  for (const p of await withStanding(tx, people)) {
    if (!p.below || p.orgId === null) continue;
    const o = byOrg.get(p.orgId) ?? { name: p.orgName ?? '', below: 0, officers: 0 };
    o.below += 1;
    if (p.group === 'officer') o.officers += 1;
    byOrg.set(p.orgId, o);
  }
  const dueOn = `${year}-12-31`;
  const items = [...byOrg.entries()]
    .sort((a, b) => a[1].name.localeCompare(b[1].name, 'zh-CN') || a[0] - b[0])
    .map(([orgId, o]) => ({
      level,
      title: o.name,
      message: `${o.below} 名党员本年度培训学时尚未达到要求${o.officers ? `（其中书记、支部委员 ${o.officers} 名）` : ''}`,
      en: `${o.below} member(s) below this year's training-hour requirement${o.officers ? ` (${o.officers} officer(s))` : ''}`,
      dueOn,
      link: { type: 'org' as const, id: orgId },
    }));
  return [{ key: 'training', total: items.length, items: items.slice(0, limit) }];
}

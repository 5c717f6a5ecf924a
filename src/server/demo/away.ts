// Demo members working away (rules.md §7), one pair per case the product tells apart: away a
// short time (not yet mobile), away exactly 6 months (the last day not yet mobile), mobile
// members working in another org of the demo (流入), 6 months or more at a fixed place (应转接),
// leaving with no return to a fixed place (应转接 from the start), and members back home.
import { sql } from 'drizzle-orm';
import { addMonths } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { endAway, recordAway } from '../members/away.ts';

interface Case {
  place: string;
  sinceMonths: number;
  untilMonths: number | null;
  fixedPlace: boolean;
  /** Working in the next roster org (流入地 in this system). */
  inflow?: boolean;
  /** Back this many months ago. */
  returnedMonths?: number;
}

const CASES: Case[] = [
  { place: '杭州市（短期培训）', sinceMonths: -2, untilMonths: 1, fixedPlace: false },
  { place: '宁波市（项目驻场）', sinceMonths: -6, untilMonths: 2, fixedPlace: false },
  { place: '本区另一企业（劳务派遣）', sinceMonths: -9, untilMonths: null, fixedPlace: false, inflow: true },
  { place: '苏州市工业园区（外派常驻）', sinceMonths: -10, untilMonths: 14, fixedPlace: true },
  { place: '上海市浦东新区（调往分公司）', sinceMonths: -1, untilMonths: null, fixedPlace: true },
  { place: '合肥市（季节性施工）', sinceMonths: -11, untilMonths: -3, fixedPlace: false, returnedMonths: -3 },
];

export async function demoAwayMembers(tx: Tx, actor: Actor, prefix: string, today: string) {
  const rows = await queryRows<{ id: number; orgId: number }>(
    tx,
    sql`select m.id, m.org_id as "orgId" from members m join party_orgs o on o.id = m.org_id
        where o.region_code like ${`${prefix}%`} and m.left_on is null
          and m.joined_on < ${addMonths(today, -12)}::date
        order by m.id`,
  );
  const orgs = [...new Set(rows.map((r) => r.orgId))];
  const taken = new Set<number>();
  // Two members of each case, from different orgs where the roster allows.
  for (const [k, c] of CASES.entries()) {
    for (const pick of [0, 1]) {
      const orgId = orgs[(2 * k + pick) % orgs.length];
      const member = rows.find((r) => r.orgId === orgId && !taken.has(r.id));
      if (!member) continue;
      taken.add(member.id);
      const since = addMonths(today, c.sinceMonths);
      const workOrgId = c.inflow ? (orgs.find((o) => o !== orgId) ?? null) : null;
      await recordAway(tx, actor, member.id, {
        place: c.place,
        workOrgId,
        since,
        until: c.untilMonths === null ? null : addMonths(today, c.untilMonths),
        fixedPlace: c.fixedPlace,
      });
      if (c.returnedMonths !== undefined) await endAway(tx, actor, member.id, addMonths(today, c.returnedMonths));
    }
  }
}

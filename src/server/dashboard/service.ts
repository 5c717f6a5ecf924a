import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { can } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { type LedgerFigures, ledgerFigures } from './ledger.ts';

const EMPTY: LedgerFigures = {
  inScope: 0,
  closed: 0,
  orgCovered: 0,
  standalone: 0,
  joint: 0,
  workCovered: 0,
  keyWatch: 0,
  needsInstructor: 0,
  missing: 0,
  categories: { standalone: 0, joint: 0, should_form: 0, joint_candidate: 0, no_member: 0 },
  orgCoverageRate: null,
  standaloneRate: null,
  workCoverageRate: null,
};

export interface DashboardChild {
  code: string;
  name: string;
  level: number;
  subRegions: number;
  users: number;
}

/**
 * The figures of the actor's region subtree. Later areas (ledger, organizations,
 * instructors) add theirs here; every figure is a count over records, never typed in.
 */
export async function dashboard(tx: Tx, actor: Actor) {
  const prefix = `${actor.scopePrefix}%`;
  const [region] = await queryRows<{ code: string; name: string; level: number }>(
    tx,
    sql`select code, name, level from regions where code = ${actor.regionCode}`,
  );
  const levels = await queryRows<{ level: number; n: number }>(
    tx,
    sql`select level, count(*)::int as n from regions
        where code like ${prefix} and code <> ${actor.regionCode} group by level`,
  );
  const [userCounts] = await queryRows<{ total: number; active: number }>(
    tx,
    sql`select count(*)::int as total, count(*) filter (where not disabled)::int as active
        from users where region_code like ${prefix}`,
  );
  const children = await queryRows<DashboardChild>(
    tx,
    sql`select c.code, c.name, c.level,
          (select count(*)::int from regions d where d.code like c.prefix || '%' and d.code <> c.code) as "subRegions",
          (select count(*)::int from users u where u.region_code like c.prefix || '%') as users
        from regions c where c.parent_code = ${actor.regionCode} order by c.code`,
  );
  const byLevel = Object.fromEntries(levels.map((l) => [l.level, l.n]));
  // Business figures only for those who may read the ledger: an administrator sees accounts, not enterprises.
  const ledger = can(actor, 'ledger.read') ? await ledgerFigures(tx, actor) : null;
  return {
    ledger: ledger?.total ?? null,
    region,
    figures: {
      provinces: byLevel[1] ?? 0,
      cities: byLevel[2] ?? 0,
      counties: byLevel[3] ?? 0,
      towns: byLevel[4] ?? 0,
      villages: byLevel[5] ?? 0,
      users: userCounts.total,
      activeUsers: userCounts.active,
    },
    children: children.map((c) => ({ ...c, ledger: ledger ? (ledger.children.get(c.code) ?? EMPTY) : null })),
  };
}

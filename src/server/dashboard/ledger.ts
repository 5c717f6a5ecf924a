import { sql } from 'drizzle-orm';
import { DEFAULT_KEY_WATCH_EMPLOYEES } from '../../domain/enterprise/categories.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

export interface LedgerFigures {
  inScope: number;
  closed: number;
  orgCovered: number;
  standalone: number;
  joint: number;
  workCovered: number;
  keyWatch: number;
  needsInstructor: number;
  missing: number;
  categories: Record<'standalone' | 'joint' | 'should_form' | 'joint_candidate' | 'no_member', number>;
  /** Fractions; null when nothing is in scope (shown as “—”, never 0 % or NaN). */
  orgCoverageRate: number | null;
  standaloneRate: number | null;
  workCoverageRate: number | null;
}

const COUNTS = sql`
  count(*) filter (where in_scope)::int as "inScope",
  count(*) filter (where not in_scope)::int as closed,
  count(*) filter (where in_scope and org_coverage is not null)::int as "orgCovered",
  count(*) filter (where in_scope and org_coverage = 'standalone')::int as standalone,
  count(*) filter (where in_scope and org_coverage = 'joint')::int as joint,
  count(*) filter (where in_scope and (org_coverage is not null or has_instructor))::int as "workCovered",
  count(*) filter (where in_scope and org_coverage is null and employees >= ${DEFAULT_KEY_WATCH_EMPLOYEES})::int as "keyWatch",
  count(*) filter (where in_scope and org_coverage is null and not has_instructor)::int as "needsInstructor",
  count(*) filter (where missing_since_batch_id is not null)::int as missing,
  count(*) filter (where in_scope and category = 'standalone')::int as c_standalone,
  count(*) filter (where in_scope and category = 'joint')::int as c_joint,
  count(*) filter (where in_scope and category = 'should_form')::int as c_should_form,
  count(*) filter (where in_scope and category = 'joint_candidate')::int as c_joint_candidate,
  count(*) filter (where in_scope and category = 'no_member')::int as c_no_member`;

type Row = Omit<LedgerFigures, 'categories' | 'orgCoverageRate' | 'standaloneRate' | 'workCoverageRate'> &
  Record<`c_${keyof LedgerFigures['categories']}`, number>;

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

function figures(r: Row): LedgerFigures {
  return {
    inScope: r.inScope,
    closed: r.closed,
    orgCovered: r.orgCovered,
    standalone: r.standalone,
    joint: r.joint,
    workCovered: r.workCovered,
    keyWatch: r.keyWatch,
    needsInstructor: r.needsInstructor,
    missing: r.missing,
    categories: {
      standalone: r.c_standalone,
      joint: r.c_joint,
      should_form: r.c_should_form,
      joint_candidate: r.c_joint_candidate,
      no_member: r.c_no_member,
    },
    orgCoverageRate: rate(r.orgCovered, r.inScope),
    standaloneRate: rate(r.standalone, r.inScope),
    workCoverageRate: rate(r.workCovered, r.inScope),
  };
}

/** The ledger's headline figures for the actor's subtree and for each child region. */
export async function ledgerFigures(tx: Tx, actor: Actor) {
  const [total] = await queryRows<Row>(
    tx,
    sql`select ${COUNTS} from enterprises where region_code like ${`${actor.scopePrefix}%`}`,
  );
  const children = await queryRows<Row & { code: string }>(
    tx,
    sql`select c.code, ${COUNTS}
        from regions c join enterprises on enterprises.region_code like c.prefix || '%'
        where c.parent_code = ${actor.regionCode}
        group by c.code`,
  );
  return {
    total: figures(total),
    children: new Map(children.map((c) => [c.code, figures(c)])),
  };
}

// Former collective and state enterprises restructured into private ones (rules.md §3 三同步):
// one with every item done together, one partly done and past the grace period, one with
// nothing done and overdue, and one still within the grace period.
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { restructurings } from '../db/schema.ts';

export async function demoRestructurings(tx: Tx, actor: Actor, prefix: string, today: string) {
  const units = await queryRows<{ id: number }>(
    tx,
    sql`select id from enterprises where region_code like ${`${prefix}%`} and in_scope and kind = 'private'
          and employees >= 50
        order by employees desc, id limit 4`,
  );
  const d = (n: number) => addDays(today, -n);
  const cases = [
    { restructuredOn: d(400), plansSubmittedOn: d(420), headsFixedOn: d(400), supervisionOn: d(395) },
    { restructuredOn: d(120), plansSubmittedOn: d(130), headsFixedOn: null, supervisionOn: d(100) },
    { restructuredOn: d(75), plansSubmittedOn: null, headsFixedOn: null, supervisionOn: null },
    { restructuredOn: d(12), plansSubmittedOn: d(20), headsFixedOn: null, supervisionOn: null },
  ];
  let n = 0;
  for (const [i, unit] of units.entries()) {
    const values = cases[i];
    if (!values) break;
    // The same row and audit entry PUT /api/enterprises/{id}/restructuring writes.
    await tx.insert(restructurings).values({ enterpriseId: unit.id, ...values });
    await auditChange(tx, actor, {
      action: 'enterprise.restructuring',
      entity: 'enterprise',
      entityId: unit.id,
      diff: values,
    });
    n++;
  }
  return n;
}

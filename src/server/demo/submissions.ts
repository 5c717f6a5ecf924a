// Demo quarterly submissions (issue #14 item 2): of the demo region's child regions, for the
// report the lagging list checks today, most submitted on time, one late, some not at all, and
// one returned by the region and resubmitted — so the lagging list tells them apart.
import { eq, sql } from 'drizzle-orm';
import { regionPrefix } from '../../domain/regionCode.ts';
import { deadlineOf } from '../../domain/reports/submission.ts';
import { type Actor, actorOf, localOperator } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { users } from '../db/schema.ts';
import { quarterDueBefore } from '../reports/lagging.ts';
import { childRegions } from '../stats/engine.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { returnQuarterly, submitQuarterly } from '../submissions/write.ts';
import { today } from '../today.ts';

type Plan = 'on_time' | 'late' | 'none' | 'returned';

/** The n-th child region's part: every fourth from the third submits nothing; the second is late, the fourth returned. */
function planOf(i: number): Plan {
  if (i === 1) return 'late';
  if (i === 3) return 'returned';
  return i % 4 === 2 ? 'none' : 'on_time';
}

/** The region's committee as the demo has it: its first demo account, else the operator acting for it. */
async function committeeOf(tx: Tx, code: string, name: string): Promise<Actor> {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.username, `gw1${code}`));
  if (user) return actorOf({ ...user, roles: ['committee'] }, null);
  return { ...localOperator(), regionCode: code, scopePrefix: regionPrefix(code), displayName: `${name}党委（演示）` };
}

const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

export async function demoSubmissions(tx: Tx, regionCode: string) {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from quarterly_submissions where region_code like ${`${regionPrefix(regionCode)}%`}`,
  );
  if (n > 0) return null;
  const { quarter, dueOn } = quarterDueBefore(today(), (await getCoverageSettings(tx)).quarterlyDueDays);
  const deadline = deadlineOf(dueOn);
  const now = new Date();
  const parent = await committeeOf(tx, regionCode, '');
  const counts: Record<Plan, number> = { on_time: 0, late: 0, none: 0, returned: 0 };
  const children = await childRegions(tx, regionCode);
  for (const [i, c] of children.entries()) {
    const plan = planOf(i);
    counts[plan]++;
    if (plan === 'none') continue;
    const committee = await committeeOf(tx, c.code, c.name);
    const input = { region: c.code, quarter };
    if (plan === 'late') {
      // Between the deadline and now, however soon after the due date the demo runs.
      const at = new Date(deadline.getTime() + Math.min(4 * 86_400_000, (now.getTime() - deadline.getTime()) / 2));
      await submitQuarterly(tx, committee, input, at);
      continue;
    }
    // On time: a few days before the due date, in office hours.
    const submitted = hoursAfter(deadline, -24 * (2 + (i % 5)) - 14);
    await submitQuarterly(tx, committee, input, submitted);
    if (plan === 'returned') {
      await returnQuarterly(
        tx,
        parent,
        { ...input, reason: '新建党组织名单中缺少批准单位，请补充后重新报送' },
        hoursAfter(submitted, 3),
      );
      await submitQuarterly(tx, committee, { ...input, reason: '已补充批准单位' }, hoursAfter(submitted, 26));
    }
  }
  return { quarter, dueOn, ...counts };
}

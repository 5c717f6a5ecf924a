// This quarter's and last quarter's changes to the org ledger, so the quarterly report, the
// annual 本年 figures and the lagging list have something to show: a new org of each type,
// a joint branch taking in an enterprise with 3 full members (已建 联合, flagged 应单独组建),
// and an old org dissolved this quarter (its town's coverage falls).
import { sql } from 'drizzle-orm';
import { addDays, compareDates } from '../../domain/calendarDate.ts';
import type { OrgType } from '../../domain/org/codes.ts';
import type { Rand } from '../../domain/random.ts';
import { previousQuarter, quarterOf, quarterRange } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { addOfficer } from '../orgs/officers.ts';
import { createOrg, dissolveOrg } from '../orgs/write.ts';
import { chineseName } from './names.ts';

interface Unit {
  id: number;
  name: string;
  regionCode: string;
  full: number;
}

const SUFFIX: Record<OrgType, string> = {
  committee: '委员会',
  general_branch: '总支部委员会',
  branch: '支部委员会',
  joint_branch: '联合支部委员会',
  temporary_branch: '临时支部委员会',
};

/** A day of the quarter up to today. */
function dayIn(rand: Rand, quarter: string, today: string) {
  const { from, to } = quarterRange(quarter);
  const last = compareDates(to, today) < 0 ? to : today;
  const span = Math.max(0, (Date.parse(last) - Date.parse(from)) / 86_400_000);
  return addDays(from, Math.floor(rand() * (span + 1)));
}

export async function demoRecentOrgs(
  tx: Tx,
  actor: Actor,
  rand: Rand,
  prefix: string,
  committeeId: number,
  today: string,
) {
  const free = (cond: ReturnType<typeof sql>) =>
    queryRows<Unit>(
      tx,
      sql`select id, name, region_code as "regionCode", full_member_count as full from enterprises
          where region_code like ${`${prefix}%`} and in_scope and org_coverage is null and ${cond}
          order by id`,
    );
  const shouldForm = await free(sql`full_member_count >= 3`);
  const few = await free(sql`member_count > 0 and full_member_count < 3`);
  const thisQuarter = quarterOf(today);
  const lastQuarter = previousQuarter(thisQuarter);
  let created = 0;
  const make = async (type: OrgType, units: Unit[], quarter: string) => {
    const first = units[0];
    if (!first) return;
    const joint = units.length > 1;
    const org = await createOrg(tx, actor, {
      name: joint
        ? `中共${first.name.slice(0, 3)}非公企业第${created + 1}${SUFFIX[type]}`
        : `中共${first.name}${SUFFIX[type]}`,
      orgCode: null,
      regionCode: first.regionCode,
      type,
      formation: joint ? 'joint' : 'standalone',
      jointBasis: joint ? 'industry' : null,
      parentId: committeeId,
      managingOrgId: joint ? committeeId : null,
      management: 'territorial',
      approvedBy: '中共非公有制经济组织综合委员会',
      secretarySource: joint ? 'dispatched' : 'internal',
      reportedFullCount: null,
      reportedProbationaryCount: null,
      establishedOn: dayIn(rand, quarter, today),
      enterpriseIds: units.map((u) => u.id),
    });
    await addOfficer(tx, actor, org.id, {
      post: 'secretary',
      personName: chineseName(rand),
      memberId: null,
      startOn: null,
    });
    created++;
  };
  // Keep most of the 应建未建 for the work prompts: a few form their own org, one joins a joint branch.
  await make('committee', shouldForm.slice(0, 1), thisQuarter);
  await make('general_branch', shouldForm.slice(1, 2), thisQuarter);
  await make('branch', shouldForm.slice(2, 3), thisQuarter);
  await make('branch', shouldForm.slice(3, 4), lastQuarter);
  const town = shouldForm[4]?.regionCode;
  const neighbours = few.filter((u) => u.regionCode === town).slice(0, 2);
  if (shouldForm[4]) await make('joint_branch', [...neighbours, shouldForm[4]], thisQuarter);
  await make('joint_branch', few.filter((u) => !neighbours.includes(u)).slice(0, 3), lastQuarter);

  // An old single-enterprise org dissolved this quarter (its enterprise closed its branch):
  // the town's coverage falls against the last quarter's end.
  const [old] = await queryRows<{ id: number; establishedOn: string }>(
    tx,
    sql`select id, established_on::text as "establishedOn" from party_orgs
        where region_code like ${`${prefix}%`} and formation = 'standalone' and dissolved_on is null
          and established_on < ${quarterRange(lastQuarter).from}::date
          and not exists (select 1 from members m where m.org_id = party_orgs.id and m.left_on is null)
          and not exists (select 1 from party_orgs c where c.parent_id = party_orgs.id)
        order by id desc limit 1`,
  );
  if (old) await dissolveOrg(tx, actor, old.id, dayIn(rand, thisQuarter, today));
  return { created, dissolved: old ? 1 : 0 };
}

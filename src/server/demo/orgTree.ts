// The county's org tree: a 非公企业综合党委 as the primary committee, a general branch under it
// for each of the first towns, and the orgs of the demo hung under them — the committee also
// being the managing org (管理党组织) of the joint branches, which answer to it, not to one enterprise.
import { sql } from 'drizzle-orm';
import { pick, type Rand } from '../../domain/random.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createOrg, updateOrg } from '../orgs/write.ts';

export interface DemoTree {
  committeeId: number;
  /** The general branches, each with its town. */
  generalBranches: { id: number; regionCode: string }[];
}

/** The name of the demo's primary committee: also how a second run knows the county is done. */
export const committeeName = (regionName: string) => `中共${regionName}非公有制经济组织综合委员会`;

const base = {
  orgCode: null,
  formation: 'joint' as const,
  jointBasis: 'area' as const,
  management: 'territorial' as const,
  secretarySource: 'dispatched' as const,
  reportedFullCount: null,
  reportedProbationaryCount: null,
};

/** Enterprises no org covers yet, with one or two members: what a joint org takes in. */
async function uncovered(tx: Tx, prefix: string, n: number) {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select id from enterprises where region_code like ${`${prefix}%`} and in_scope and org_coverage is null
          and member_count > 0 and full_member_count < 3
        order by id limit ${n}`,
  );
  return rows.map((r) => r.id);
}

export async function demoOrgTree(
  tx: Tx,
  actor: Actor,
  rand: Rand,
  root: { code: string; name: string; prefix: string },
  towns: { code: string; name: string }[],
): Promise<DemoTree> {
  const committee = await createOrg(tx, actor, {
    ...base,
    name: committeeName(root.name),
    regionCode: root.code,
    type: 'committee',
    parentId: null,
    managingOrgId: null,
    approvedBy: `中共${root.name}委员会`,
    establishedOn: '2012-06-28',
    enterpriseIds: await uncovered(tx, root.prefix, 3),
  });
  const generalBranches: DemoTree['generalBranches'] = [];
  for (const town of towns) {
    if (generalBranches.length === 2) break;
    if ((await uncovered(tx, town.code, 2)).length < 2) continue;
    const place = town.name.replace(/(街道|镇|乡|办事处)$/, '');
    const gb = await createOrg(tx, actor, {
      ...base,
      name: `中共${place}非公企业总支部委员会`,
      regionCode: town.code,
      type: 'general_branch',
      parentId: committee.id,
      managingOrgId: committee.id,
      approvedBy: committeeName(root.name),
      establishedOn: '2016-07-01',
      enterpriseIds: await uncovered(tx, town.code, 2),
    });
    generalBranches.push({ id: gb.id, regionCode: town.code });
  }

  // The demo's enterprise orgs: under their town's general branch where it has one, else under
  // the committee; joint branches managed by the committee, which stands for their enterprises.
  const orgs = await queryRows<{ id: number; regionCode: string; type: string }>(
    tx,
    sql`select id, region_code as "regionCode", type from party_orgs
        where region_code like ${`${root.prefix}%`} and id <> ${committee.id}
          and id <> all(${`{${generalBranches.map((g) => g.id).join(',')}}`}::int[])
          and type <> 'committee' and dissolved_on is null
        order by id`,
  );
  for (const o of orgs) {
    const gb = generalBranches.find((g) => g.regionCode === o.regionCode);
    const parentId = o.type === 'general_branch' ? committee.id : (gb?.id ?? committee.id);
    const managed = o.type === 'joint_branch' || rand() < 0.2;
    await updateOrg(tx, actor, o.id, {
      parentId,
      ...(managed ? { managingOrgId: committee.id, management: pick(rand, ['territorial', 'sectoral'] as const) } : {}),
    });
  }
  return { committeeId: committee.id, generalBranches };
}

// The rest of a real county over the demo's orgs and instructors: the org tree with its managing
// committee, this quarter's new and dissolved orgs, terms due and overdue, restructured
// enterprises, people at every stage of development, transfers and two snapshots. Each part
// is its own file; a region whose committee exists already is left as it is.
import { and, eq, like } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import type { Rand } from '../../domain/random.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { partyOrgs, regions } from '../db/schema.ts';
import type { Keys } from '../keys.ts';
import { demoDevelopmentStages } from './developmentStages.ts';
import { demoElections } from './elections.ts';
import { committeeName, demoOrgTree } from './orgTree.ts';
import { demoRecentOrgs } from './recentOrgs.ts';
import { demoRestructurings } from './restructurings.ts';
import { demoSnapshots } from './snapshots.ts';
import { demoTransfers } from './transfers.ts';

export interface DemoCounty {
  tree: number;
  newOrgs: number;
  dissolved: number;
  elections: number;
  restructurings: number;
  developments: number;
  transfers: number;
  snapshots: number;
}

/** Whether the demo county was built in the region already (its committee exists). */
export async function demoCountyBuilt(tx: Tx, regionCode: string): Promise<boolean> {
  const [root] = await tx.select().from(regions).where(eq(regions.code, regionCode));
  if (!root) throw new Error(`行政区划代码 ${regionCode} 不存在`);
  const [done] = await tx
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.regionCode, regionCode), eq(partyOrgs.name, committeeName(root.name))));
  return done !== undefined;
}

export async function demoCounty(tx: Tx, actor: Actor, keys: Keys, rand: Rand, regionCode: string) {
  if (await demoCountyBuilt(tx, regionCode)) return null;
  const [root] = await tx.select().from(regions).where(eq(regions.code, regionCode));
  if (!root) throw new Error(`行政区划代码 ${regionCode} 不存在`);
  const today = localDateString(new Date());
  const towns = await tx
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(like(regions.code, `${root.prefix}%`), eq(regions.level, 4)))
    .orderBy(regions.code);
  const idRegion = regionCode.endsWith('00') ? `${regionCode.slice(0, 4)}02` : regionCode.slice(0, 6);

  const tree = await demoOrgTree(tx, actor, rand, root, towns);
  const recent = await demoRecentOrgs(tx, actor, rand, root.prefix, tree.committeeId, today);
  const out: DemoCounty = {
    tree: 1 + tree.generalBranches.length,
    newOrgs: recent.created,
    dissolved: recent.dissolved,
    elections: await demoElections(tx, actor, tree, today),
    restructurings: await demoRestructurings(tx, actor, root.prefix, today),
    developments: await demoDevelopmentStages(tx, actor, keys, rand, root.prefix, tree.committeeId, idRegion, today),
    transfers: await demoTransfers(tx, actor, rand, root.prefix, today),
    snapshots: 0,
  };
  out.snapshots = await demoSnapshots(tx, actor, regionCode, today);
  return out;
}

// 双向进入、交叉兼职 in the demo (documents 000, 004): some secretaries hold the enterprise's
// management posts, a few are its legal representative or chair its union, and some orgs gain
// a deputy secretary from the management, so the org page and the annual table show each case.
import { sql } from 'drizzle-orm';
import { pick, type Rand } from '../../domain/random.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { addOfficer, updateOfficerPosts } from '../orgs/officers.ts';
import { chineseName } from './names.ts';

const TOP_POSTS = ['董事长', '总经理', '执行董事'] as const;
const OTHER_POSTS = ['副总经理', '人力资源部经理', '办公室主任', '生产部经理', '财务总监'] as const;

/** Sets the enterprise posts of the region's standalone orgs' secretaries; returns how many were set. */
export async function demoCrossHolding(tx: Tx, actor: Actor, rand: Rand, regionCode: string) {
  const secretaries = await queryRows<{ orgId: number; officerId: number }>(
    tx,
    sql`select o.id as "orgId", p.id as "officerId"
        from party_orgs o join org_officers p on p.org_id = o.id and p.post = 'secretary' and p.end_on is null
        where o.region_code like ${`${regionPrefix(regionCode)}%`} and o.formation = 'standalone'
          and o.dissolved_on is null
        order by o.id`,
  );
  let set = 0;
  for (const s of secretaries) {
    const r = rand();
    if (r < 0.5) {
      // Half the secretaries sit in the management: the owner, the manager or a department head.
      const top = r < 0.2;
      await updateOfficerPosts(tx, actor, s.orgId, s.officerId, {
        enterprisePost: top ? pick(rand, TOP_POSTS) : pick(rand, OTHER_POSTS),
        legalRepresentative: top && rand() < 0.7,
        unionChair: !top && rand() < 0.4,
      });
      set++;
    } else if (r < 0.6) {
      await updateOfficerPosts(tx, actor, s.orgId, s.officerId, { unionChair: true });
      set++;
    }
    if (rand() < 0.25) {
      await addOfficer(tx, actor, s.orgId, {
        post: 'deputy_secretary',
        personName: chineseName(rand),
        memberId: null,
        startOn: null,
        enterprisePost: pick(rand, OTHER_POSTS),
      });
      set++;
    }
  }
  return set;
}

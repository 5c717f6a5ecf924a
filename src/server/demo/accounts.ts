import { and, eq, inArray } from 'drizzle-orm';
import type { Rand } from '../../domain/random.ts';
import type { Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { regions, users } from '../db/schema.ts';
import { createUser } from '../users/service.ts';
import { chineseName } from './names.ts';

export type Scale = 'county' | 'city' | 'province';
const LEVEL_OF_SCALE: Record<Scale, number> = { province: 1, city: 2, county: 3 };

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** Present only when this run created the account. */
  oneTimePassword?: string;
}

/**
 * Working-committee staff and a leader for the region and each county under it (for a
 * city or province, also each city): the people a deployment of that scale has.
 * Existing accounts are kept, so running the demo twice adds nothing.
 */
export async function demoAccounts(tx: Tx, actor: Actor, rand: Rand, regionCode: string, scale: Scale) {
  const [root] = await tx.select().from(regions).where(eq(regions.code, regionCode));
  if (!root) throw new Error(`行政区划代码 ${regionCode} 不存在`);
  if (root.level !== LEVEL_OF_SCALE[scale]) {
    throw new Error(
      `--scale ${scale} 需要${{ province: '省级', city: '地市级', county: '县级' }[scale]}区划代码，${regionCode} ${root.name} 不是`,
    );
  }
  const below =
    scale === 'county'
      ? []
      : await tx
          .select()
          .from(regions)
          .where(and(eq(regions.parentCode, regionCode), inArray(regions.level, [2, 3])));
  const counties =
    scale === 'province'
      ? await tx
          .select()
          .from(regions)
          .where(and(inArray(regions.parentCode, below.map((r) => r.code).concat('-')), eq(regions.level, 3)))
      : [];
  const plan: { regionCode: string; role: Role; tag: string }[] = [];
  for (const r of [root, ...below, ...counties]) {
    plan.push(
      { regionCode: r.code, role: 'committee', tag: 'gw1' },
      { regionCode: r.code, role: 'committee', tag: 'gw2' },
    );
    plan.push({ regionCode: r.code, role: 'leader', tag: 'ld' });
  }
  const accounts: DemoAccount[] = [];
  for (const p of plan) {
    // Draw the name before checking for the account, so every run consumes the same randomness.
    const displayName = chineseName(rand);
    const username = `${p.tag}${p.regionCode}`;
    const [existing] = await tx.select().from(users).where(eq(users.username, username));
    if (existing) {
      accounts.push({ username, displayName: existing.displayName, role: p.role, regionCode: p.regionCode });
      continue;
    }
    const created = await createUser(tx, actor, { username, displayName, regionCode: p.regionCode, roles: [p.role] });
    accounts.push({
      username,
      displayName,
      role: p.role,
      regionCode: p.regionCode,
      oneTimePassword: created.oneTimePassword,
    });
  }
  return accounts;
}

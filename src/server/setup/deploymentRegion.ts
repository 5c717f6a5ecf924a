import { eq, inArray, sql } from 'drizzle-orm';
import { ADMIN_ROLES, type Role } from '../../domain/roles.ts';
import type { UserRow } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { regions, settings, users } from '../db/schema.ts';
import { ROOT_REGION } from '../regions/scope.ts';

/**
 * The region this deployment serves (issue #14 item 11). A county's working committee that
 * starts the app without DANGJIAN_REGION would otherwise work in 全国 with no data of its
 * own: until the region is chosen (by DANGJIAN_REGION or `serve --region` at a start, or by
 * the system administrator's first login), the system administrator's login ends with
 * choosing it. Choosing it once moves the administrators (三员) there; it is asked only once.
 */
const KEY = 'deployment_region';

export type RegionSource = 'env' | 'command' | 'prompt';

export interface DeploymentRegion {
  code: string;
  source: RegionSource;
  /** Who chose it at the login step; null when a start set it. */
  chosenBy: string | null;
  chosenAt: string;
}

export async function deploymentRegion(db: Db | Tx): Promise<DeploymentRegion | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  return (row?.value as DeploymentRegion | undefined) ?? null;
}

/**
 * The system administrator still owes the choice of region at the end of logging in. Only
 * from 全国: administrators created in a region (DANGJIAN_REGION at the first start, before
 * the choice was recorded) already serve one.
 */
export async function mustChooseRegion(db: Db | Tx, user: UserRow): Promise<boolean> {
  if (!(user.roles as Role[]).includes('sysadmin') || user.regionCode !== ROOT_REGION) return false;
  return (await deploymentRegion(db)) === null;
}

export class RegionChoiceError extends Error {
  constructor(
    readonly code: 'unknown_region' | 'already_chosen',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Records the deployment's region and moves every account that holds administrator roles
 * only (三员 keep no business data, so their region is the deployment's) to it. Refused when
 * the region was chosen before: after that, an account's region is changed on the users page.
 * Returns the region before, its name now and the usernames moved, for the audit row.
 */
export async function chooseDeploymentRegion(
  tx: Tx,
  code: string,
  source: RegionSource,
  chosenBy: string | null,
): Promise<{ before: string[]; regionName: string; moved: string[] }> {
  // Two administrators answering at once: the second finds the first's choice.
  await tx.execute(sql`select pg_advisory_xact_lock(7146203)`);
  const chosen = await deploymentRegion(tx);
  if (chosen) {
    throw new RegionChoiceError(
      'already_chosen',
      `本系统服务的区划已选定（${chosen.code}），请在用户管理中修改账户的区划`,
    );
  }
  const [region] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  if (!region) throw new RegionChoiceError('unknown_region', `区划代码 ${code} 不存在，请从列表中选择`);
  const admins = (
    await tx
      .select({ id: users.id, username: users.username, roles: users.roles, regionCode: users.regionCode })
      .from(users)
      .for('update')
  ).filter((u) => u.roles.length > 0 && (u.roles as Role[]).every((r) => ADMIN_ROLES.includes(r)));
  const moving = admins.filter((u) => u.regionCode !== code);
  if (moving.length > 0) {
    await tx
      .update(users)
      .set({ regionCode: code, updatedAt: new Date() })
      .where(
        inArray(
          users.id,
          moving.map((u) => u.id),
        ),
      );
  }
  const value: DeploymentRegion = { code, source, chosenBy, chosenAt: new Date().toISOString() };
  await tx.insert(settings).values({ key: KEY, value });
  return {
    before: [...new Set(moving.map((u) => u.regionCode))],
    regionName: region.name,
    moved: moving.map((u) => u.username),
  };
}

/**
 * At a start with DANGJIAN_REGION or `serve --region`: the deployment's region, when none was
 * chosen yet (then nobody is asked), as the local operator. Returns a line for the terminal
 * when the start's region differs from the one chosen before (which stands), else null.
 */
export async function settleDeploymentRegion(
  tx: Tx,
  code: string,
  source: Exclude<RegionSource, 'prompt'>,
  audit: (diff: Record<string, unknown>) => Promise<void>,
): Promise<string | null> {
  const chosen = await deploymentRegion(tx);
  if (chosen) {
    return chosen.code === code
      ? null
      : `本系统服务的区划此前已选定为 ${chosen.code}，本次启动指定的 ${code} 未采用（账户的区划请在用户管理中修改）`;
  }
  const { before, moved } = await chooseDeploymentRegion(tx, code, source, null);
  await audit({ before: { regionCode: before.join('、') || null }, after: { regionCode: code }, moved, source });
  return null;
}

import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/roles.ts';
import { permissionsOfUser } from '../actor.ts';
import type { UserRow } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { regions } from '../db/schema.ts';

export async function regionName(db: Db | Tx, code: string): Promise<string> {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return r?.name ?? code;
}

/** What a user may know of their own account. */
export async function presentSelf(db: Db | Tx, user: UserRow) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    regionCode: user.regionCode,
    regionName: await regionName(db, user.regionCode),
    // Roles are stored only as the domain's codes: the user routes accept nothing else.
    roles: user.roles as Role[],
    orgId: user.orgId,
    instructorId: user.instructorId,
    permissions: [...permissionsOfUser(user)].sort(),
    totpEnabled: user.totpEnabled,
  };
}

/** What administrators see of an account; never its password hash or TOTP secret. */
export function presentUser(user: UserRow & { regionName?: string | null }, now = new Date()) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    regionCode: user.regionCode,
    regionName: user.regionName ?? user.regionCode,
    roles: user.roles as Role[],
    orgId: user.orgId,
    instructorId: user.instructorId,
    disabled: user.disabled,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword,
    resetRequestedAt: user.resetRequestedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

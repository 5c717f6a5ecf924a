import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { AuditAction } from '../../domain/auditActions.ts';
import { ADMIN_ROLES, checkRoles } from '../../domain/roles.ts';
import { type Actor, can } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import { hashPassword, oneTimePassword } from '../auth/passwords.ts';
import { endUserSessions } from '../auth/sessions.ts';
import type { Tx } from '../db/client.ts';
import { containing } from '../db/like.ts';
import { loginThrottles, partyOrgs, regions, users } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { assertInstructorForUser } from '../instructors/accounts.ts';
import { codeInScope, inRegionScope, scopePrefixOf } from '../regions/scope.ts';
import { type PresentedUser, presentUser } from './presenter.ts';

const USERNAME = /^[a-z0-9_.-]{3,32}$/;

const audit = (tx: Tx, actor: Actor, action: AuditAction, entityId: number, diff?: Record<string, unknown>) =>
  auditChange(tx, actor, { action, entity: 'user', entityId, diff });

/** Before/after of the fields that changed; the password hash and TOTP secret never appear. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) diff[k] = { before: before[k], after: after[k] };
  }
  return diff;
}

async function assertRegionInScope(tx: Tx, actor: Actor, regionCode: string) {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!region)
    throw new HttpError(400, 'unknown_region', `行政区划代码 ${regionCode} 不存在`, [
      { field: 'regionCode', message: '行政区划代码不存在' },
    ]);
  if (!codeInScope(regionCode, actor)) {
    throw new HttpError(403, 'out_of_scope', `行政区划 ${regionCode} 不在您的管辖范围内`, [
      { field: 'regionCode', message: '不在管辖范围内' },
    ]);
  }
}

/** A user in the actor's scope, locked for the rest of the transaction; 404 otherwise. */
export async function userInScope(tx: Tx, actor: Actor, id: number) {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), inRegionScope(users.regionCode, actor)))
    .for('update');
  if (!user) throw notFound('用户');
  return user;
}

export async function listUsers(
  tx: Tx,
  actor: Actor,
  q: { search?: string; page: number; pageSize: number },
): Promise<{ total: number; items: PresentedUser[] }> {
  const conds = [inRegionScope(users.regionCode, actor)];
  if (q.search) {
    const like = containing(q.search);
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  const where = and(...conds);
  const [{ total }] = await tx.select({ total: count() }).from(users).where(where);
  // A name blocked from some address shows as locked until the latest block ends, so the
  // security administrator sees whom to unlock.
  const blockedUntil = sql<string | null>`(select max(${loginThrottles.blockedUntil}) from ${loginThrottles}
    where ${loginThrottles.username} = ${users.username} and ${loginThrottles.blockedUntil} > now())`;
  const rows = await tx
    .select({ user: users, regionName: regions.name, blockedUntil })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(where)
    .orderBy(asc(users.username))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total,
    items: rows.map((r) => {
      const blocked = r.blockedUntil ? new Date(r.blockedUntil) : null;
      const locked = r.user.lockedUntil;
      const lockedUntil = blocked && (!locked || blocked > locked) ? blocked : locked;
      return presentUser({ ...r.user, lockedUntil, regionName: r.regionName });
    }),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  regionCode: string;
  /** Only an actor who may assign roles can give them at creation. */
  roles?: string[];
  /** A secretary's own party org, which must lie within the user's region. */
  orgId?: number | null;
  /** An instructor account's own instructor record, which must lie within the user's region. */
  instructorId?: number | null;
}

/** The org a secretary account is tied to: visible to the actor and inside the account's region. */
async function assertOrgForUser(tx: Tx, orgId: number, regionCode: string) {
  const [org] = await tx.select({ regionCode: partyOrgs.regionCode }).from(partyOrgs).where(eq(partyOrgs.id, orgId));
  if (!org)
    throw new HttpError(400, 'unknown_org', '党组织不存在或不在您的管辖范围内', [
      { field: 'orgId', message: '党组织不存在' },
    ]);
  if (!org.regionCode.startsWith(scopePrefixOf(regionCode))) {
    throw new HttpError(400, 'org_outside_region', '所选党组织不在该用户的所属区划内', [
      { field: 'orgId', message: '不在所属区划内' },
    ]);
  }
}

/** Refuses (400, each problem beside the roles field) a set of roles the role rules forbid. */
function refuseBadRoles(roles: string[]) {
  const problems = checkRoles(roles);
  if (problems.length)
    throw new HttpError(
      400,
      'bad_roles',
      problems.join('；'),
      problems.map((message) => ({ field: 'roles', message })),
    );
}

/** Creates an account with a one-time password that must be changed at first login. */
export async function createUser(tx: Tx, actor: Actor, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new HttpError(400, 'bad_username', '用户名须为 3–32 位小写字母、数字或 _ . -', [
      { field: 'username', message: '格式不符' },
    ]);
  }
  const roles = input.roles ?? [];
  if (roles.length > 0 && !can(actor, 'role.assign')) {
    throw new HttpError(403, 'forbidden', '分配角色须由安全管理员进行');
  }
  refuseBadRoles(roles);
  await assertRegionInScope(tx, actor, input.regionCode);
  if (input.orgId) await assertOrgForUser(tx, input.orgId, input.regionCode);
  if (input.instructorId) await assertInstructorForUser(tx, input.instructorId, input.regionCode);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken)
    throw new HttpError(409, 'username_taken', `用户名 ${username} 已被使用`, [
      { field: 'username', message: '已被使用' },
    ]);
  const password = oneTimePassword();
  const [user] = await tx
    .insert(users)
    .values({
      username,
      displayName: input.displayName.trim(),
      regionCode: input.regionCode,
      roles,
      orgId: input.orgId ?? null,
      instructorId: input.instructorId ?? null,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    })
    .returning();
  await audit(tx, actor, 'user.create', user.id, {
    after: {
      username,
      displayName: user.displayName,
      regionCode: user.regionCode,
      roles,
      orgId: user.orgId,
      instructorId: user.instructorId,
    },
  });
  return { user: presentUser(user), oneTimePassword: password };
}

/**
 * 三员分立: the system administrator manages accounts, but not the accounts of the
 * administrators who watch them; otherwise a sysadmin could disable the auditor or reset
 * the security administrator's password. Those are reset on the server by the local operator.
 */
function assertNotAnotherAdministrator(actor: Actor, target: { id: number; roles: string[] }) {
  if (actor.actorId === null || target.id === actor.actorId) return;
  if (target.roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r))) {
    throw new HttpError(
      403,
      'separation_of_duties',
      '三员分立：系统管理员、安全管理员和审计员的账户不能在此修改、停用或重置密码；请在服务器上由本机操作员执行 dangjian user reset-password',
    );
  }
}

export async function updateUser(
  tx: Tx,
  actor: Actor,
  id: number,
  input: {
    displayName?: string;
    regionCode?: string;
    disabled?: boolean;
    orgId?: number | null;
    instructorId?: number | null;
  },
) {
  const before = await userInScope(tx, actor, id);
  assertNotAnotherAdministrator(actor, before);
  if (input.disabled && id === actor.actorId) throw new HttpError(400, 'self_disable', '不能停用自己的账户');
  if (input.regionCode !== undefined) await assertRegionInScope(tx, actor, input.regionCode);
  const orgId = input.orgId !== undefined ? input.orgId : before.orgId;
  if (orgId) await assertOrgForUser(tx, orgId, input.regionCode ?? before.regionCode);
  const instructorId = input.instructorId !== undefined ? input.instructorId : before.instructorId;
  if (instructorId) await assertInstructorForUser(tx, instructorId, input.regionCode ?? before.regionCode);
  const patch = {
    ...(input.orgId !== undefined && { orgId: input.orgId }),
    ...(input.instructorId !== undefined && { instructorId: input.instructorId }),
    ...(input.displayName !== undefined && { displayName: input.displayName.trim() }),
    ...(input.regionCode !== undefined && { regionCode: input.regionCode }),
    ...(input.disabled !== undefined && { disabled: input.disabled }),
  };
  const [after] = await tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  // A disabled account's open sessions end now, not at their next timeout.
  if (input.disabled) await endUserSessions(tx, id);
  const diff = changes(before, patch);
  if (Object.keys(diff).length > 0) {
    await audit(
      tx,
      actor,
      input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update',
      id,
      diff,
    );
  }
  return presentUser(after);
}

/**
 * 三员分立 for a forgotten password: the system administrator asks, the security administrator
 * approves, and only the approver sees the new one-time password, to hand to the user. Neither
 * can take over an account alone, and a user with a second factor keeps it: the password
 * alone does not log in (a lost authenticator is a separate reset by the security administrator).
 */
export async function requestPasswordReset(tx: Tx, actor: Actor, id: number) {
  const target = await userInScope(tx, actor, id);
  assertNotAnotherAdministrator(actor, target);
  if (id === actor.actorId) throw new HttpError(400, 'self_reset', '本人的密码请在“我的账户”中修改');
  if (target.resetRequestedAt) return presentUser(target);
  const [user] = await tx
    .update(users)
    .set({ resetRequestedBy: actor.actorId, resetRequestedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  await audit(tx, actor, 'user.reset_password_request', id);
  return presentUser(user);
}

async function pendingReset(tx: Tx, actor: Actor, id: number) {
  const target = await userInScope(tx, actor, id);
  assertNotAnotherAdministrator(actor, target);
  if (!target.resetRequestedAt) throw new HttpError(409, 'no_reset_request', '该用户没有待批准的密码重置申请');
  // Held by the roles already (only a sysadmin asks, only a secadmin approves); kept for any
  // account a later role change might give both.
  if (target.resetRequestedBy === actor.actorId) {
    throw new HttpError(403, 'separation_of_duties', '三员分立：密码重置不能由申请人本人批准');
  }
  const [requester] = target.resetRequestedBy
    ? await tx.select({ username: users.username }).from(users).where(eq(users.id, target.resetRequestedBy))
    : [];
  return { target, requestedBy: requester?.username ?? null, requestedAt: target.resetRequestedAt.toISOString() };
}

/**
 * The reset itself, however it was authorised: a fresh one-time password the user must change,
 * the lock and any pending request cleared, every session of theirs ended.
 */
async function giveOneTimePassword(tx: Tx, id: number) {
  const password = oneTimePassword();
  const [user] = await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      resetRequestedBy: null,
      resetRequestedAt: null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning();
  await endUserSessions(tx, id);
  return { user, password };
}

export async function approvePasswordReset(tx: Tx, actor: Actor, id: number) {
  const { requestedBy, requestedAt } = await pendingReset(tx, actor, id);
  const { user, password } = await giveOneTimePassword(tx, id);
  await audit(tx, actor, 'user.reset_password', id, { requestedBy, requestedAt, approvedBy: actor.username });
  return { user: presentUser(user), oneTimePassword: password };
}

export async function rejectPasswordReset(tx: Tx, actor: Actor, id: number) {
  const { requestedBy, requestedAt } = await pendingReset(tx, actor, id);
  const [user] = await tx
    .update(users)
    .set({ resetRequestedBy: null, resetRequestedAt: null, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  await audit(tx, actor, 'user.reset_password_reject', id, { requestedBy, requestedAt, rejectedBy: actor.username });
  return presentUser(user);
}

/** The local operator's break-glass reset on the server (dangjian user reset-password): no one else. */
export async function resetPasswordAsOperator(tx: Tx, actor: Actor, id: number) {
  if (actor.actorId !== null) {
    throw new HttpError(
      403,
      'separation_of_duties',
      '三员分立：系统管理员重置密码须经安全管理员批准，请在“用户管理”中提交重置申请',
    );
  }
  await userInScope(tx, actor, id);
  const { user, password } = await giveOneTimePassword(tx, id);
  await audit(tx, actor, 'user.reset_password', id, { by: 'local-operator' });
  return { user: presentUser(user), oneTimePassword: password };
}

export async function setRoles(tx: Tx, actor: Actor, id: number, roles: string[]) {
  const before = await userInScope(tx, actor, id);
  if (id === actor.actorId) throw new HttpError(400, 'self_roles', '不能修改自己的角色');
  refuseBadRoles(roles);
  const [user] = await tx.update(users).set({ roles, updatedAt: new Date() }).where(eq(users.id, id)).returning();
  // New rights, new sessions: nothing granted or revoked lingers in an open session.
  await endUserSessions(tx, id);
  await audit(tx, actor, 'user.set_roles', id, changes({ roles: before.roles }, { roles }));
  return presentUser(user);
}

export async function unlockUser(tx: Tx, actor: Actor, id: number) {
  await userInScope(tx, actor, id);
  const [user] = await tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  // The name's blocks from every address go too.
  await tx.delete(loginThrottles).where(eq(loginThrottles.username, user.username));
  await audit(tx, actor, 'user.unlock', id);
  return presentUser(user);
}

/** For a lost phone: the user enrols a new authenticator at next login. */
export async function resetTotp(tx: Tx, actor: Actor, id: number) {
  await userInScope(tx, actor, id);
  const [user] = await tx
    .update(users)
    .set({ totpEnabled: false, totpSecret: null, totpLastStep: null, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  await endUserSessions(tx, id);
  await audit(tx, actor, 'user.reset_totp', id);
  return presentUser(user);
}

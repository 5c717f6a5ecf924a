import { eq, sql } from 'drizzle-orm';
import { mustUseTotp, type Role } from '../../domain/roles.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { inSystem } from '../db/tx.ts';
import type { Keys } from '../keys.ts';
import { getSecurityPolicy } from '../settings/policy.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { createSession, type NewSession, type UserRow } from './sessions.ts';
import { totpStep } from './totp.ts';

export interface SessionState {
  mfaRequired: boolean;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

export function sessionState(user: UserRow, mfaPending: boolean): SessionState {
  return {
    mfaRequired: mfaPending,
    mustChangePassword: user.mustChangePassword,
    mustEnrolTotp: mustUseTotp(user.roles as Role[]) && !user.totpEnabled,
  };
}

export type LoginResult =
  | ({ ok: true; session: NewSession; userId: number } & SessionState)
  | { ok: false; code: 'invalid_credentials' | 'locked'; message: string };

const INVALID = '用户名或密码错误';

function lockedMessage(until: Date): string {
  const hhmm = until.toLocaleTimeString('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  return `账户因多次登录失败已锁定，请于 ${hhmm} 后重试，或联系安全管理员解锁`;
}

interface Client {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Counts a failed password or second-factor check; the threshold-th failure locks the
 * account. Written in the caller's transaction, which commits although the login fails.
 */
async function recordFailure(tx: Tx, user: UserRow, client: Client, action: string) {
  const policy = await getSecurityPolicy(tx);
  const failures = user.failedLogins + 1;
  const lock = failures >= policy.lockoutThreshold;
  const lockedUntil = lock ? new Date(Date.now() + policy.lockoutMinutes * 60_000) : null;
  await tx
    .update(users)
    .set(lock ? { failedLogins: 0, lockedUntil } : { failedLogins: failures })
    .where(eq(users.id, user.id));
  const base = { actorId: user.id, actorName: user.username, ip: client.ip, entity: 'user', entityId: user.id };
  await writeAudit(tx, { ...base, action, result: 'failure', diff: { failures } });
  if (lock) {
    await writeAudit(tx, {
      ...base,
      action: 'auth.lockout',
      result: 'success',
      diff: { lockedUntil: lockedUntil?.toISOString() },
    });
  }
  return lock && lockedUntil ? lockedMessage(lockedUntil) : null;
}

export function login(db: Db, input: { username: string; password: string } & Client): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  return inSystem(db, async (tx) => {
    // FOR UPDATE: two concurrent wrong guesses must both count toward the lockout.
    const [user] = await tx.select().from(users).where(eq(users.username, username)).for('update');
    if (!user || user.disabled) {
      await burnPasswordCheck(input.password);
      await writeAudit(tx, {
        actorId: user?.id ?? null,
        actorName: username.slice(0, 64) || '(空)',
        ip: input.ip,
        action: 'auth.login',
        result: 'failure',
        diff: { reason: user ? 'disabled' : 'unknown_user' },
      });
      return { ok: false, code: 'invalid_credentials', message: INVALID };
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await writeAudit(tx, {
        actorId: user.id,
        actorName: user.username,
        ip: input.ip,
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        result: 'denied',
        diff: { reason: 'locked' },
      });
      return { ok: false, code: 'locked', message: lockedMessage(user.lockedUntil) };
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const locked = await recordFailure(tx, user, input, 'auth.login');
      return locked
        ? { ok: false, code: 'locked', message: locked }
        : { ok: false, code: 'invalid_credentials', message: INVALID };
    }
    const mfaPending = user.totpEnabled;
    // With a second factor due, the count of failures survives the right password: otherwise
    // logging in again before each few wrong codes would let anyone guess codes for ever.
    // checkTotp clears it once the code is right.
    await tx
      .update(users)
      .set(mfaPending ? { lockedUntil: null } : { failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, { mfaPending, ...input });
    await writeAudit(tx, {
      actorId: user.id,
      actorName: user.username,
      ip: input.ip,
      action: mfaPending ? 'auth.password_ok' : 'auth.login',
      entity: 'user',
      entityId: user.id,
      result: 'success',
    });
    return { ok: true, session, userId: user.id, ...sessionState(user, mfaPending) };
  });
}

export type TotpCheck = { ok: true } | { ok: false; code: 'invalid_code' | 'locked'; message: string };

/**
 * Checks a second-factor code for a user inside `tx`; a wrong or replayed code counts
 * as a failed login. On success the step is remembered so the same code is refused next time.
 */
export async function checkTotp(
  tx: Tx,
  keys: Keys,
  userId: number,
  code: string,
  client: Client,
  action: string,
): Promise<TotpCheck> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    return { ok: false, code: 'locked', message: lockedMessage(user.lockedUntil) };
  }
  const step = user.totpSecret ? totpStep(keys.decrypt(user.totpSecret), code) : null;
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    const locked = await recordFailure(tx, user, client, action);
    return locked
      ? { ok: false, code: 'locked', message: locked }
      : { ok: false, code: 'invalid_code', message: '动态验证码错误或已使用，请输入验证器上的最新 6 位数字' };
  }
  await tx
    .update(users)
    .set({ totpLastStep: step, failedLogins: 0, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  return { ok: true };
}

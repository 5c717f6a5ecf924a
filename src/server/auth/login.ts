import { eq, sql } from 'drizzle-orm';
import type { AuditAction } from '../../domain/auditActions.ts';
import { mustUseTotp, type Role } from '../../domain/roles.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { inSystem } from '../db/tx.ts';
import type { Keys } from '../keys.ts';
import { getSecurityPolicy } from '../settings/policy.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { createSession, type NewSession, type UserRow } from './sessions.ts';
import { clearThrottle, recordThrottleFailure, throttleFor } from './throttle.ts';
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
  | { ok: false; code: 'invalid_credentials'; message: string };

/**
 * The one answer to every refused password step: an unknown, disabled or locked name and a
 * wrong password look alike, so none of them tells an outsider which names exist.
 */
export const LOGIN_REFUSED = '用户名或密码错误；连续多次错误后须稍候再试，或联系安全管理员解锁';

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
 * Counts a wrong second-factor code; the threshold-th locks the account. Only someone who
 * knows the password gets this far, so this lock cannot be used to keep its owner out.
 * Written in the caller's transaction, which commits although the check fails.
 */
async function recordFailure(tx: Tx, user: UserRow, client: Client, action: AuditAction) {
  const policy = await getSecurityPolicy(tx);
  const failures = user.failedLogins + 1;
  const lock = failures >= policy.lockoutThreshold;
  const lockedUntil = lock ? new Date(Date.now() + policy.lockoutMinutes * 60_000) : null;
  await tx
    .update(users)
    .set(lock ? { failedLogins: 0, lockedUntil } : { failedLogins: failures })
    .where(eq(users.id, user.id));
  const base = {
    actorId: user.id,
    actorName: user.username,
    ip: client.ip,
    entity: 'user' as const,
    entityId: user.id,
  };
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

const refused: LoginResult = { ok: false, code: 'invalid_credentials', message: LOGIN_REFUSED };

/**
 * The password step. Every attempt does the same work whatever the name (one argon2 check,
 * against a dummy hash when there is no usable account) and every refusal is the same
 * answer. Wrong passwords block the name from the client's address only, for longer each
 * time (auth/throttle.ts); the security administrator's unlock clears the blocks.
 */
export function login(db: Db, input: { username: string; password: string } & Client): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  return inSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.username, username)).for('update');
    const throttle = await throttleFor(tx, username, input.ip);
    const usable = user && !user.disabled;
    const passwordOk = usable
      ? await verifyPassword(user.passwordHash, input.password)
      : await burnPasswordCheck(input.password);
    const accountLocked = usable && user.lockedUntil !== null && user.lockedUntil > new Date();
    const audit = (result: 'failure' | 'denied', diff: Record<string, unknown>) =>
      writeAudit(tx, {
        actorId: user?.id ?? null,
        actorName: user?.username ?? (username.slice(0, 64) || '(空)'),
        ip: input.ip,
        action: 'auth.login',
        ...(user ? { entity: 'user', entityId: user.id } : {}),
        result,
        diff,
      });
    if (throttle.blockedUntil || accountLocked) {
      await audit('denied', { reason: throttle.blockedUntil ? 'throttled' : 'locked' });
      return refused;
    }
    if (!usable || !passwordOk) {
      const { failures, blockedUntil } = await recordThrottleFailure(tx, throttle, await getSecurityPolicy(tx));
      const reason = !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
      await audit('failure', { reason, failures });
      if (blockedUntil && user) {
        await writeAudit(tx, {
          actorId: user.id,
          actorName: user.username,
          ip: input.ip,
          action: 'auth.lockout',
          entity: 'user',
          entityId: user.id,
          result: 'success',
          diff: { address: input.ip, blockedUntil: blockedUntil.toISOString() },
        });
      }
      return refused;
    }
    await clearThrottle(tx, throttle);
    const mfaPending = user.totpEnabled;
    // With a second factor due, the count of failures survives the right password: otherwise
    // logging in again before each few wrong codes would let anyone guess codes for ever.
    // checkTotp clears it once the code is right.
    if (!mfaPending) await tx.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
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
  action: AuditAction,
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

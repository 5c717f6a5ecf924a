import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';
import type { SecurityPolicy } from '../settings/policy.ts';

export const SESSION_COOKIE = 'dj_session';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Always a fresh id: a session id known before login is worthless after it. */
export async function createSession(
  tx: Tx,
  userId: number,
  opts: { mfaPending: boolean; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  await tx.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    csrfToken,
    mfaPending: opts.mfaPending,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/**
 * The session behind a cookie token with its user, or null when it is unknown, idle for
 * too long, past its absolute lifetime, or its user is disabled. Expired sessions are removed.
 */
export async function loadSession(
  db: Db,
  token: string,
  policy: SecurityPolicy,
  now = new Date(),
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const hash = tokenHash(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hash));
  if (!row) return null;
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  const ageMs = now.getTime() - row.session.createdAt.getTime();
  if (row.user.disabled || idleMs > policy.idleMinutes * 60_000 || ageMs > policy.absoluteHours * 3_600_000) {
    await db.delete(sessions).where(eq(sessions.tokenHash, hash));
    return null;
  }
  // Writing on every request would turn each read into a write; a minute's slack is harmless.
  if (idleMs > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, hash));
  }
  return row;
}

export async function endSession(tx: Tx | Db, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** Ends every session of a user, or every one but the current (after a password change). */
export async function endUserSessions(tx: Tx, userId: number, keepToken?: string): Promise<void> {
  const cond = keepToken
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, tokenHash(keepToken)))
    : eq(sessions.userId, userId);
  await tx.delete(sessions).where(cond);
}

import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { deleteCookie } from 'hono/cookie';
import { checkPassword } from '../../domain/password.ts';
import { PERMISSIONS } from '../../domain/roles.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';
import { inSystem } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../http.ts';
import { rateLimit } from '../rateLimit.ts';
import { areaRouter, Ok } from '../route.ts';
import { mustChooseRegion } from '../setup/deploymentRegion.ts';
import { presentSelf } from '../users/presenter.ts';
import { accountFields } from '../users/schemas.ts';
import { checkTotp, login, sessionState } from './login.ts';
import { csrfTokenFor, setSessionCookie } from './middleware.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { endSession, endUserSessions, SESSION_COOKIE, tokenHash, type UserRow } from './sessions.ts';
import { newTotpSecret, totpUri } from './totp.ts';

const State = z.object({
  mfaRequired: z.boolean(),
  mustChangePassword: z.boolean(),
  mustEnrolTotp: z.boolean(),
  /** The system administrator ends the first login by choosing the deployment's region (setup/deploymentRegion.ts). */
  mustChooseRegion: z.boolean(),
});
const Self = z.object({
  ...accountFields,
  permissions: z.array(z.enum(PERMISSIONS)),
  totpEnabled: z.boolean(),
});
const SessionInfo = z
  .object({ csrfToken: z.string(), user: Self.nullable(), state: State.nullable() })
  .openapi('SessionInfo');

function client(c: AppContext) {
  return { ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null };
}

/** The session that is logged in with its password, whatever steps it still owes. */
function pendingSession(c: AppContext) {
  const session = c.get('session');
  const token = c.get('token');
  if (!session || !token) throw new HttpError(401, 'unauthenticated', '请先登录');
  return { ...session, token };
}

/** The login steps a user still owes, the region's choice among them. */
async function stateOf(db: Db, user: UserRow, mfaPending: boolean) {
  return { ...sessionState(user, mfaPending), mustChooseRegion: await mustChooseRegion(db, user) };
}

async function sessionInfo(c: AppContext) {
  const session = c.get('session');
  const { db } = c.get('deps').database;
  return {
    csrfToken: csrfTokenFor(c),
    user: session ? await presentSelf(db, session.user) : null,
    state: session ? await stateOf(db, session.user, session.row.mfaPending) : null,
  };
}

export const authRoutes = areaRouter('认证');

authRoutes.defineOpen({
  access: 'public',
  method: 'get',
  path: '/api/session',
  summary: '当前会话、CSRF 令牌与尚需完成的登录步骤',
  response: SessionInfo,
  describe: '当前会话',
  handler: ({ c }) => sessionInfo(c),
});

authRoutes.use('/api/auth/login', rateLimit({ windowMs: 60_000, max: 30 }));
authRoutes.defineOpen({
  access: 'public',
  method: 'post',
  path: '/api/auth/login',
  summary: '用户名和密码登录',
  body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
  response: SessionInfo,
  describe: '登录成功，返回新会话',
  handler: async ({ c, input }) => {
    const body = input.body;
    const result = await login(c.get('deps').database.db, { ...body, ...client(c) });
    if (!result.ok) throw new HttpError(401, result.code, result.message);
    setSessionCookie(c, result.session.token);
    const [user] = await c.get('deps').database.db.select().from(users).where(eq(users.id, result.userId));
    return {
      csrfToken: result.session.csrfToken,
      user: await presentSelf(c.get('deps').database.db, user),
      state: await stateOf(c.get('deps').database.db, user, result.mfaRequired),
    };
  },
});

authRoutes.use('/api/auth/totp', rateLimit({ windowMs: 60_000, max: 30 }));
authRoutes.defineOpen({
  access: 'session',
  method: 'post',
  path: '/api/auth/totp',
  summary: '输入动态验证码完成登录',
  body: z.object({ code: z.string().regex(/^\d{6}$/, '请输入 6 位数字') }),
  response: SessionInfo,
  describe: '验证通过',
  handler: async ({ c, input }) => {
    const s = pendingSession(c);
    if (!s.row.mfaPending) throw new HttpError(409, 'not_pending', '此会话无需动态验证码');
    const { database, keys } = c.get('deps');
    const check = await inSystem(database.db, async (tx) => {
      const r = await checkTotp(tx, keys, s.user.id, input.body.code, client(c), 'auth.totp');
      if (r.ok) {
        await tx
          .update(sessions)
          .set({ mfaPending: false })
          .where(eq(sessions.tokenHash, tokenHash(s.token)));
        await writeAudit(tx, {
          actorId: s.user.id,
          actorName: s.user.username,
          ip: c.get('ip'),
          action: 'auth.login',
          entity: 'user',
          entityId: s.user.id,
          result: 'success',
          diff: { factor: 'totp' },
        });
      } else if (r.code === 'locked') {
        await endSession(tx, s.token);
      }
      return r;
    });
    if (!check.ok) throw new HttpError(check.code === 'locked' ? 423 : 401, check.code, check.message);
    c.set('session', { row: { ...s.row, mfaPending: false }, user: s.user });
    return await sessionInfo(c);
  },
});

authRoutes.defineOpen({
  access: 'session',
  method: 'post',
  path: '/api/auth/logout',
  summary: '退出登录',
  response: Ok,
  describe: '已退出',
  handler: async ({ c }) => {
    const s = pendingSession(c);
    await inSystem(c.get('deps').database.db, async (tx) => {
      await endSession(tx, s.token);
      await writeAudit(tx, {
        actorId: s.user.id,
        actorName: s.user.username,
        ip: c.get('ip'),
        action: 'auth.logout',
        entity: 'user',
        entityId: s.user.id,
        result: 'success',
      });
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  },
});

authRoutes.defineOpen({
  access: 'session',
  method: 'post',
  path: '/api/auth/password',
  summary: '修改本人密码（首次登录时必须修改）',
  body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
  response: SessionInfo,
  describe: '密码已修改',
  handler: async ({ c, input }) => {
    const s = pendingSession(c);
    if (s.row.mfaPending) throw new HttpError(403, 'login_incomplete', '请先输入动态验证码');
    const { currentPassword, newPassword } = input.body;
    const problems = checkPassword(newPassword, s.user.username);
    if (newPassword === currentPassword) problems.push('新密码不能与当前密码相同');
    if (problems.length > 0) {
      throw new HttpError(
        400,
        'weak_password',
        problems.join('；'),
        problems.map((message) => ({ field: 'newPassword', message })),
      );
    }
    const { db } = c.get('deps').database;
    const outcome = await inSystem(db, async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, s.user.id)).for('update');
      const audit = {
        actorId: user.id,
        actorName: user.username,
        ip: c.get('ip'),
        action: 'user.change_password',
        entity: 'user',
        entityId: user.id,
      } as const;
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        await writeAudit(tx, { ...audit, result: 'failure' });
        return null;
      }
      const [updated] = await tx
        .update(users)
        .set({
          passwordHash: await hashPassword(newPassword),
          mustChangePassword: false,
          passwordChangedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(users.id, user.id))
        .returning();
      // Anyone holding another session of this account loses it with the old password.
      await endUserSessions(tx, user.id, s.token);
      await writeAudit(tx, { ...audit, result: 'success' });
      return updated;
    });
    if (!outcome)
      throw new HttpError(400, 'wrong_password', '当前密码错误', [
        { field: 'currentPassword', message: '当前密码错误' },
      ]);
    c.set('session', { row: s.row, user: outcome });
    return await sessionInfo(c);
  },
});

authRoutes.defineOpen({
  access: 'session',
  method: 'post',
  path: '/api/auth/totp/enrol',
  summary: '开始绑定动态验证码（TOTP），返回密钥与二维码内容',
  response: z.object({ secret: z.string(), otpauthUri: z.string() }),
  describe: '待确认的密钥',
  handler: async ({ c }) => {
    const s = pendingSession(c);
    if (s.row.mfaPending) throw new HttpError(403, 'login_incomplete', '请先输入动态验证码');
    if (s.user.totpEnabled) throw new HttpError(409, 'totp_enabled', '已绑定动态验证码');
    const secret = newTotpSecret();
    const { database, keys } = c.get('deps');
    await inSystem(database.db, (tx) =>
      tx
        .update(users)
        .set({ totpSecret: keys.encrypt(secret), totpLastStep: null })
        .where(eq(users.id, s.user.id)),
    );
    return { secret, otpauthUri: totpUri(secret, s.user.username) };
  },
});

authRoutes.defineOpen({
  access: 'session',
  method: 'post',
  path: '/api/auth/totp/confirm',
  summary: '输入验证器上的验证码，确认绑定',
  body: z.object({ code: z.string().regex(/^\d{6}$/, '请输入 6 位数字') }),
  response: SessionInfo,
  describe: '已绑定',
  handler: async ({ c, input }) => {
    const s = pendingSession(c);
    if (s.row.mfaPending) throw new HttpError(403, 'login_incomplete', '请先输入动态验证码');
    if (s.user.totpEnabled) throw new HttpError(409, 'totp_enabled', '已绑定动态验证码');
    const { database, keys } = c.get('deps');
    const result = await inSystem(database.db, async (tx) => {
      const r = await checkTotp(tx, keys, s.user.id, input.body.code, client(c), 'user.totp_enrol');
      if (!r.ok) return { r, user: null };
      const [user] = await tx
        .update(users)
        .set({ totpEnabled: true, updatedAt: new Date() })
        .where(eq(users.id, s.user.id))
        .returning();
      await writeAudit(tx, {
        actorId: user.id,
        actorName: user.username,
        ip: c.get('ip'),
        action: 'user.totp_enrol',
        entity: 'user',
        entityId: user.id,
        result: 'success',
      });
      return { r, user };
    });
    if (!result.user) {
      const r = result.r as { code: string; message: string };
      throw new HttpError(r.code === 'locked' ? 423 : 400, r.code, r.message);
    }
    c.set('session', { row: s.row, user: result.user });
    return await sessionInfo(c);
  },
});

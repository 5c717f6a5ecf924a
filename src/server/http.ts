import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AuditAction, AuditEntity } from '../domain/auditActions.ts';
import type { Permission } from '../domain/roles.ts';
import { type Actor, can } from './actor.ts';
import { writeAudit } from './audit/audit.ts';
import type { SessionRow, UserRow } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { inSystem } from './db/tx.ts';
import { HttpError } from './errors.ts';
import type { Keys } from './keys.ts';

export interface Deps {
  database: Database;
  keys: Keys;
  config: Config;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    ip: string | null;
    token: string | null;
    session: { row: SessionRow; user: UserRow } | null;
    /** Set only for a session that has passed every login step. */
    actor: Actor | null;
    /** What the route being served does, for auditing a refusal; set by `permit`. */
    attempt: Attempt | undefined;
  };
}

export type AppContext = Context<AppEnv>;

export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({
          field: i.path.join('.'),
          // A strict body names what it does not take (route.ts), rather than dropping it unsaid.
          message: i.code === 'unrecognized_keys' ? `不接受的字段：${i.keys.join('、')}` : i.message,
        }));
        const first = details[0];
        throw new HttpError(
          400,
          'validation',
          first ? `${first.field ? `${first.field}：` : ''}${first.message}` : '请求内容不符合要求',
          details,
        );
      }
    },
  });
}

export function requireActor(c: AppContext): Actor {
  const actor = c.get('actor');
  if (actor) return actor;
  const session = c.get('session');
  if (!session) throw new HttpError(401, 'unauthenticated', '请先登录');
  // A session that still owes a login step may only finish that step.
  throw new HttpError(403, 'login_incomplete', '请先完成登录步骤（动态验证码、修改初始密码或绑定验证器）');
}

interface Attempt {
  action: AuditAction;
  entity?: AuditEntity;
  entityId?: string;
}

/**
 * Route middleware declared in `createRoute({ middleware })`, so it runs before the input
 * is validated: whoever lacks the permission is refused with 403 (and audited) whatever
 * they sent. `permission` null admits any fully logged-in user. It also names the route's
 * action, so every later refusal of this request (an object outside the actor's scope) is
 * audited under it by `auditRefusal`.
 */
export function permit(
  permission: Permission | null,
  action: AuditAction,
  entity?: AuditEntity,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const entityId = entity ? Object.values(c.req.param() as Record<string, string>)[0] : undefined;
    c.set('attempt', { action, entity, entityId });
    const actor = requireActor(c);
    if (permission && !can(actor, permission)) throw new HttpError(403, 'forbidden', '没有执行此操作的权限');
    await next();
  };
}

/**
 * Writes the `denied` audit row for a refused request of a logged-in actor: a missing
 * permission (403) or an object or region outside their scope (403/404, answered as if
 * absent). Runs after the request's transaction rolled back, in a transaction of its own.
 */
export async function auditRefusal(c: AppContext, err: HttpError): Promise<void> {
  const actor = c.get('actor');
  const attempt = c.get('attempt');
  if (!actor || !attempt || (err.status !== 403 && err.status !== 404)) return;
  await inSystem(c.get('deps').database.db, (tx) =>
    writeAudit(tx, {
      actorId: actor.actorId,
      actorName: actor.username,
      ip: actor.ip,
      action: attempt.action,
      entity: attempt.entity,
      entityId: attempt.entityId,
      result: 'denied',
    }),
  );
}

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: '请求内容不符合要求', content: { 'application/json': { schema: ErrorBody } } },
  401: { description: '未登录', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: '无权限', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: '不存在或不在数据范围内', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});

import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AuditAction, AuditEntity } from '../domain/auditActions.ts';
import type { Permission } from '../domain/roles.ts';
import type { Actor } from './actor.ts';
import { type AuditChange, auditChange } from './audit/audit.ts';
import type { Db, Tx } from './db/client.ts';
import { inScope } from './db/tx.ts';
import { type AppContext, type AppEnv, type Deps, errorResponses, newRouter, permit, requireActor } from './http.ts';

/**
 * Who may call a route, published in the OpenAPI document as `x-access` (with
 * `x-permission` and `x-audit-action`), where the authorization matrix reads it:
 * - `public`: answered without a session;
 * - `session`: any session, even one still owing a login step (the login steps, logout);
 * - `signedIn`: any user past every login step (`permission: null`);
 * - `permission`: users whose roles grant `permission`.
 */
export type AccessKind = 'public' | 'session' | 'signedIn' | 'permission';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/** A route that answers a file (xlsx, csv) rather than JSON. */
export interface FileResponse {
  file: string;
  description: string;
}

/** What a handler receives: the validated input of each part the route declares. */
export interface Input<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

interface Common<P, Q, B, R> {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  /** A JSON body. Routes that stream an upload read it from `c` instead and declare none. */
  body?: B;
  /** A JSON schema (answered 200), or a file. */
  response: R;
  /** The 200 response's description for the API document. */
  describe?: string;
}

type Reply<R> = R extends Schema ? z.input<R> : Response;

interface Permitted {
  /** null: any signed-in user. */
  permission: Permission | null;
  /** The audit action of the route's change, and of a refusal of it. */
  action: AuditAction;
  /** Names the path's first parameter in a refusal's audit row, e.g. `party_org`. */
  entity?: AuditEntity;
}

/** The usual route: one transaction in the actor's scope around the whole handler. */
export interface ScopedRoute<P, Q, B, R> extends Common<P, Q, B, R>, Permitted {
  handler: (ctx: {
    tx: Tx;
    actor: Actor;
    input: Input<P, Q, B>;
    /** Audits a change of this request in its transaction; `action` defaults to the route's. */
    audit: (change: Omit<AuditChange, 'action'> & { action?: AuditAction }) => Promise<void>;
    c: AppContext;
  }) => Promise<Reply<R>>;
}

/**
 * A permitted route whose work must not sit in one transaction: a streamed upload or
 * download, a long import that reports progress. It opens its transactions itself.
 */
export interface OwnTransactionRoute<P, Q, B, R> extends Common<P, Q, B, R>, Permitted {
  handler: (ctx: { db: Db; actor: Actor; input: Input<P, Q, B>; c: AppContext; deps: Deps }) => Promise<Reply<R>>;
}

/** A route before or around login: no actor, so no scoped transaction. */
export interface OpenRoute<P, Q, B, R> extends Common<P, Q, B, R> {
  access: 'public' | 'session';
  handler: (ctx: { input: Input<P, Q, B>; c: AppContext; deps: Deps }) => Promise<Reply<R>>;
}

type Declare<Route extends 'scoped' | 'own' | 'open'> = <
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | FileResponse = Schema,
>(
  route: Route extends 'scoped'
    ? ScopedRoute<P, Q, B, R>
    : Route extends 'own'
      ? OwnTransactionRoute<P, Q, B, R>
      : OpenRoute<P, Q, B, R>,
) => void;

/**
 * An area's router. Each route is declared once — path, access, audit action, schemas,
 * handler — and the declaration is the route, its permission check, its transaction and
 * its entry in the API document.
 */
export interface AreaRouter extends OpenAPIHono<AppEnv> {
  /** A route whose handler runs in one transaction in the actor's scope. */
  define: Declare<'scoped'>;
  /** A permitted route that opens its own transactions (streams, long work). */
  defineOwnTransaction: Declare<'own'>;
  /** A route answered without a full login (`access: 'public' | 'session'`). */
  defineOpen: Declare<'open'>;
}

type AnyRoute =
  | (ScopedRoute<any, any, any, any> & { kind: 'scoped' })
  | (OwnTransactionRoute<any, any, any, any> & { kind: 'own' })
  | (OpenRoute<any, any, any, any> & { kind: 'open' });

/**
 * `METHOD /path` of every route declared `access: 'public'`: the only ones the app answers
 * without a session (app.ts closes every other path by default).
 */
export const publicOperations = new Set<string>();

export function areaRouter(tag: string): AreaRouter {
  const router = newRouter() as AreaRouter;
  router.define = (route) => declare(router, tag, { ...route, kind: 'scoped' } as AnyRoute);
  router.defineOwnTransaction = (route) => declare(router, tag, { ...route, kind: 'own' } as AnyRoute);
  router.defineOpen = (route) => declare(router, tag, { ...route, kind: 'open' } as AnyRoute);
  return router;
}

function accessOf(route: AnyRoute) {
  if (route.kind === 'open') return { 'x-access': route.access } as const;
  return {
    'x-access': route.permission ? 'permission' : 'signedIn',
    ...(route.permission ? { 'x-permission': route.permission } : {}),
    'x-audit-action': route.action,
  } as const;
}

function responsesOf(response: Schema | FileResponse, describe: string | undefined) {
  if (response instanceof z.ZodType) {
    return {
      200: { description: describe ?? '成功', content: { 'application/json': { schema: response } } },
      ...errorResponses,
    };
  }
  // A download's document names its file only, as the routes declared by hand did; its
  // refusals are the same JSON errors as any route's.
  return { 200: { description: response.description, content: { [response.file]: { schema: z.any() } } } };
}

function declare(router: OpenAPIHono<AppEnv>, tag: string, route: AnyRoute) {
  if (route.kind === 'open' && route.access === 'public') {
    if (route.path.includes('{')) throw new Error(`${route.path}: a public route takes no path parameters`);
    publicOperations.add(`${route.method.toUpperCase()} ${route.path}`);
  }
  // A body field the route does not take is refused, naming it, not silently dropped: a client
  // sending it believes it was stored.
  const body = route.body instanceof z.ZodObject ? route.body.strict() : route.body;
  const middleware: MiddlewareHandler<AppEnv>[] =
    route.kind === 'open' ? [] : [permit(route.permission, route.action, route.entity)];
  const config = createRoute({
    method: route.method,
    path: route.path,
    tags: [tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    middleware,
    request: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(body ? { body: { content: { 'application/json': { schema: body } }, required: true } } : {}),
    },
    responses: responsesOf(route.response, route.describe),
    ...accessOf(route),
  });
  router.openapi(config, async (c: any) => {
    const input = {
      params: route.params ? c.req.valid('param') : undefined,
      query: route.query ? c.req.valid('query') : undefined,
      body: route.body ? c.req.valid('json') : undefined,
    };
    const deps: Deps = c.get('deps');
    const result = await run(route, c, deps, input);
    return result instanceof Response ? result : c.json(result, 200);
  });
}

function run(route: AnyRoute, c: AppContext, deps: Deps, input: Input<unknown, unknown, unknown>) {
  if (route.kind === 'open') return route.handler({ input, c, deps });
  const actor = requireActor(c);
  if (route.kind === 'own') return route.handler({ db: deps.database.db, actor, input, c, deps });
  return inScope(
    deps.database.db,
    actor,
    (tx) =>
      route.handler({
        tx,
        actor,
        input,
        c,
        audit: (change) => auditChange(tx, actor, { action: route.action, ...change }),
      }),
    deps.config.statementTimeoutMs,
  );
}

/**
 * The fields of a partial update that the client actually sent: Zod's defaults would
 * otherwise fill (and so clear) the fields left out.
 */
export async function sentOnly<T extends object>(c: AppContext, body: T): Promise<Partial<T>> {
  const raw = (await c.req.json()) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).filter(([k]) => k in raw)) as Partial<T>;
}

/** The answer of a change that has nothing to show but that it was made. */
export const Ok = z.object({ ok: z.literal(true) });

/** A handler's answer once its change is made: `{ ok: true }` (the route's response is `Ok`). */
export async function done(change: Promise<unknown>): Promise<{ ok: true }> {
  await change;
  return { ok: true };
}

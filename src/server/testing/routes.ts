import type { Permission } from '../../domain/roles.ts';
import { DEFAULT_ORGLIFE_SETTINGS } from '../orglife/settings.ts';
import { DEFAULT_SECURITY_POLICY } from '../settings/policy.ts';
import { ACHIEVEMENT_ROUTE_CALLS } from './achievementRoutes.ts';
import { ACTIVITY_REPORT_ROUTE_CALLS } from './activityReportRoutes.ts';
import { APPRAISAL_ROUTE_CALLS } from './appraisalRoutes.ts';
import { CASEWORK_ROUTE_CALLS } from './caseworkRoutes.ts';
import type { TestClient } from './client.ts';
import { ENGAGEMENT_ROUTE_CALLS } from './engagementRoutes.ts';
import { FIGURE_ROUTE_CALLS } from './figureRoutes.ts';
import { UPWARD_ROUTE_CALLS } from './upwardRoutes.ts';

/**
 * Who may call an API route. The authorization matrix holds every route of the OpenAPI
 * document to one of these; a route missing here fails the matrix.
 */
export type Access =
  /** Answered without a session. */
  | { kind: 'public' }
  /** Any session, even one that still owes a login step: the login steps themselves and logout. */
  | { kind: 'session' }
  /** Any user past every login step, whatever their roles (reference data, within their region). */
  | { kind: 'signedIn'; action: string }
  | { kind: 'permission'; permission: Permission; action: string };

/** The objects the requests below are aimed at; the actors are in 420500 宜昌市. */
export interface Targets {
  /** A user in 420506 夷陵区, inside the actors' region. */
  inScope: number;
  /** Users outside it: in 110101 东城区 and 420100 武汉市. */
  outside: number[];
  /** A fresh user name for each creation. */
  newUsername(): string;
}

/** Regions outside 420500: another province's district, a sibling city, and the province above. */
export const OUTSIDE_REGIONS = ['110101', '420100', '420000'];

export interface Call {
  path: string;
  body?: unknown;
}

export interface RouteSpec {
  /**
   * A request a permitted actor of 420500 makes successfully. Without it the refusals are
   * checked with a placeholder request, and success and scope are not checked here.
   */
  call?: (t: Targets) => Call;
  /** The request aimed outside the actor's region, refused with `status` (404 as if absent). */
  outside?: (t: Targets) => (Call & { status: 403 | 404 })[];
}

const atUsers = (t: Targets, suffix: string, body?: unknown) => ({
  call: () => ({ path: `/api/users/${t.inScope}${suffix}`, body }),
  outside: () => t.outside.map((id) => ({ path: `/api/users/${id}${suffix}`, body, status: 404 as const })),
});

const userRoute = (suffix: string, body?: unknown): RouteSpec => ({
  call: (t) => atUsers(t, suffix, body).call(),
  outside: (t) => atUsers(t, suffix, body).outside(),
});

const regionRoute = (suffix: string): RouteSpec => ({
  call: () => ({ path: `/api/regions/420506${suffix}` }),
  outside: () => OUTSIDE_REGIONS.map((code) => ({ path: `/api/regions/${code}${suffix}`, status: 404 as const })),
});

/** Keyed `METHOD /path/{param}` exactly as the OpenAPI document names them. */
const CORE_ROUTE_SPECS: Record<string, RouteSpec> = {
  'GET /api/users': {
    call: () => ({ path: '/api/users' }),
  },
  'GET /api/users/link-targets': {
    call: () => ({ path: '/api/users/link-targets?region=420506' }),
    outside: () => [
      { path: '/api/users/link-targets?region=110101', status: 404 as const },
      { path: '/api/users/link-targets?region=420100', status: 404 as const },
    ],
  },
  'POST /api/users': {
    call: (t) => ({
      path: '/api/users',
      body: { username: t.newUsername(), displayName: '新建用户', regionCode: '420506' },
    }),
    outside: (t) =>
      OUTSIDE_REGIONS.map((regionCode) => ({
        path: '/api/users',
        body: { username: t.newUsername(), displayName: '越权用户', regionCode },
        status: 403 as const,
      })),
  },
  'PATCH /api/users/{id}': {
    call: (t) => ({ path: `/api/users/${t.inScope}`, body: { displayName: '改过的名字' } }),
    outside: (t) => [
      ...t.outside.map((id) => ({ path: `/api/users/${id}`, body: { displayName: '越权改名' }, status: 404 as const })),
      // A user of one's own region moved out of it.
      ...OUTSIDE_REGIONS.map((regionCode) => ({
        path: `/api/users/${t.inScope}`,
        body: { regionCode },
        status: 403 as const,
      })),
    ],
  },
  'POST /api/users/{id}/reset-password': userRoute('/reset-password'),
  // Approving needs a pending request (src/server/users/passwordReset.test.ts); here the refusals.
  'POST /api/users/{id}/reset-password/approve': { outside: (t) => atUsers(t, '/reset-password/approve').outside() },
  'POST /api/users/{id}/reset-password/reject': { outside: (t) => atUsers(t, '/reset-password/reject').outside() },
  'PUT /api/users/{id}/roles': userRoute('/roles', { roles: ['committee'] }),
  'POST /api/users/{id}/unlock': userRoute('/unlock'),
  'POST /api/users/{id}/reset-totp': userRoute('/reset-totp'),
  'GET /api/settings/security': {
    call: () => ({ path: '/api/settings/security' }),
  },
  'PUT /api/settings/security': {
    call: () => ({ path: '/api/settings/security', body: { ...DEFAULT_SECURITY_POLICY, lockoutMinutes: 20 } }),
  },
  'GET /api/settings/orglife': {
    call: () => ({ path: '/api/settings/orglife' }),
  },
  'PUT /api/settings/orglife': {
    call: () => ({ path: '/api/settings/orglife', body: { ...DEFAULT_ORGLIFE_SETTINGS, theme_day: 'quarter' } }),
  },
  'GET /api/audit': {
    call: () => ({ path: '/api/audit' }),
  },
  'GET /api/audit/export': {
    call: () => ({ path: '/api/audit/export' }),
  },
  'GET /api/regions/{code}': regionRoute(''),
  'GET /api/regions/{code}/children': regionRoute('/children'),
  'GET /api/industries': {
    call: () => ({ path: '/api/industries' }),
  },
  // Any region of the actor's subtree, none outside it.
  'GET /api/dashboard': {
    call: () => ({ path: '/api/dashboard?region=420506' }),
    outside: () => OUTSIDE_REGIONS.map((region) => ({ path: `/api/dashboard?region=${region}`, status: 404 as const })),
  },
};

/** The imports: the template and the list of batches succeed for whoever may import each kind. */
const IMPORT_CALLS: Record<string, RouteSpec> = Object.fromEntries(
  ['enterprises', 'orgs', 'members', 'meetings', 'achievements'].flatMap((kind) => [
    [`GET /api/imports/${kind}/template`, { call: () => ({ path: `/api/imports/${kind}/template` }) }],
    [`GET /api/imports/${kind}/batches`, { call: () => ({ path: `/api/imports/${kind}/batches` }) }],
  ]),
);

/** Every area adds the routes it serves; success and scope are checked by the area's own tests. */
export const ROUTE_SPECS: Record<string, RouteSpec> = {
  ...CORE_ROUTE_SPECS,
  ...IMPORT_CALLS,
  ...FIGURE_ROUTE_CALLS,
  ...CASEWORK_ROUTE_CALLS,
  ...ACHIEVEMENT_ROUTE_CALLS,
  ...ENGAGEMENT_ROUTE_CALLS,
  ...APPRAISAL_ROUTE_CALLS,
  ...ACTIVITY_REPORT_ROUTE_CALLS,
  ...UPWARD_ROUTE_CALLS,
};

export interface Operation {
  method: string;
  /** As the OpenAPI document writes it, e.g. `/api/users/{id}`. */
  path: string;
  key: string;
  /** Who may call it, as the route's declaration published it. */
  access: Access;
  /** Whether it takes a JSON body. */
  jsonBody: boolean;
}

interface DocumentedOperation {
  'x-access'?: Access['kind'];
  'x-permission'?: Permission;
  'x-audit-action'?: string;
  requestBody?: { content?: Record<string, unknown> };
}

function accessOf(key: string, op: DocumentedOperation): Access {
  const kind = op['x-access'];
  if (kind === 'public' || kind === 'session') return { kind };
  const action = op['x-audit-action'];
  if (kind === 'signedIn' && action) return { kind, action };
  if (kind === 'permission' && action && op['x-permission']) return { kind, permission: op['x-permission'], action };
  throw new Error(`${key} 在 OpenAPI 文档中没有 x-access：请用 areaRouter().define… 声明谁可以调用它`);
}

/** Every method × path of the app's OpenAPI document, with the access each declares. */
export async function listOperations(client: TestClient): Promise<Operation[]> {
  const res = await client.get('/api/openapi.json');
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(res.body.paths as Record<string, Record<string, DocumentedOperation>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const m = method.toUpperCase();
      const key = `${m} ${path}`;
      const jsonBody = Boolean(op.requestBody?.content?.['application/json']);
      ops.push({ method: m, path, key, access: accessOf(key, op), jsonBody });
    }
  }
  return ops;
}

export const isStateChanging = (op: Operation) => op.method !== 'GET';

/** The route's path with placeholder parameters, for requests that must not get that far. */
export const placeholderPath = (path: string) => path.replace('{code}', '420506').replace(/\{\w+\}/g, '1');

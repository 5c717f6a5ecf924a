import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';
import { IMPORT_KINDS, KINDS } from './kinds.ts';

const needs = (permission: Permission, action: string, path?: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
  ...(path ? { call: () => ({ path }) } : {}),
});

/** Who may call each organization and member import route (the authorization matrix reads this). */
export const ORG_IMPORT_ROUTE_ACCESS: Record<string, RouteSpec> = Object.fromEntries(
  IMPORT_KINDS.flatMap((kind) => {
    const k = KINDS[kind];
    const base = `/api/imports/${kind}`;
    return [
      [`GET ${base}/template`, needs(k.permission, k.templateAction, `${base}/template`)],
      [`POST ${base}`, needs(k.permission, k.action)],
      [`GET ${base}/batches`, needs(k.permission, k.listAction, `${base}/batches`)],
      [`GET ${base}/batches/{id}`, needs(k.permission, k.readAction)],
      [`GET ${base}/batches/{id}/rows`, needs(k.permission, k.readAction)],
      [`GET ${base}/batches/{id}/issues`, needs(k.permission, k.readAction)],
      [`GET ${base}/batches/{id}/result`, needs(k.permission, k.readAction)],
      [`GET ${base}/batches/{id}/error-report`, needs(k.permission, k.errorReportAction)],
      [`POST ${base}/batches/{id}/apply`, needs(k.permission, k.action)],
      [`POST ${base}/batches/{id}/discard`, needs(k.permission, k.discardAction)],
    ];
  }),
);

/**
 * The authorization matrix: every route of the OpenAPI document × every role × (no
 * session, lacking the permission, aimed outside the actor's region). A refused request
 * changes nothing but the audit trail, which gains exactly the denial.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf, ROLES, type Role } from '../../domain/roles.ts';
import type { TestClient } from '../testing/client.ts';
import { makeFixture } from '../testing/fixture.ts';
import {
  type Access,
  type Call,
  isStateChanging,
  listOperations,
  type Operation,
  placeholderPath,
  ROUTE_SPECS,
  type Targets,
} from '../testing/routes.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await makeFixture();
const operations = await listOperations(fx.client());
afterAll(() => fx.close());

type RoleName = Role | 'none';
const ROLE_NAMES: RoleName[] = [...ROLES, 'none'];

const actors = new Map<RoleName, { client: TestClient; id: number; username: string }>();
let targets: Targets;

beforeAll(async () => {
  for (const role of ROLE_NAMES) {
    const { client, user } = await fx.clientAs({
      roles: role === 'none' ? [] : [role],
      regionCode: '420500',
      username: `m_${role}`,
    });
    actors.set(role, { client, id: user.id, username: user.username });
  }
  const inScope = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
  const beijing = await fx.makeUser({ roles: ['committee'], regionCode: '110101' });
  const wuhan = await fx.makeUser({ roles: ['committee'], regionCode: '420100' });
  let n = 0;
  targets = { inScope: inScope.id, outside: [beijing.id, wuhan.id], newUsername: () => `new_${++n}` };
});

const actorIds = () => [...actors.values()].map((a) => a.id);

function mayCall(access: Access, role: RoleName): boolean {
  if (access.kind === 'permission') return role !== 'none' && permissionsOf([role]).has(access.permission);
  return true;
}

function send(client: TestClient, op: Operation, call: Call) {
  return client.request(op.method, call.path, isStateChanging(op) ? (call.body ?? {}) : undefined);
}

const actionOf = (access: Access) => (access.kind === 'permission' || access.kind === 'signedIn' ? access.action : '');

const specOf = (op: Operation) => ROUTE_SPECS[op.key] ?? {};

describe('the expectations table', () => {
  it('every route of the OpenAPI document declares who may call it; the table names no route the document lacks', () => {
    const documented = operations.map((o) => o.key);
    expect(documented.length).toBeGreaterThan(15);
    expect(Object.keys(ROUTE_SPECS).filter((key) => !documented.includes(key))).toEqual([]);
  });
});

describe('(a) without a session', () => {
  it.each(operations)('$key', async (op) => {
    const anonymous = fx.client();
    // The double-submit cookie a browser holds before logging in, so CSRF is not what refuses.
    await anonymous.get('/api/session');
    // An empty body: the session is checked before the input is validated.
    const res = await expectUnchanged(fx.database.db, [], async () => {
      const r = await send(anonymous, op, { path: placeholderPath(op.path), body: {} });
      if (op.access.kind === 'public') expect(r.body?.error?.code).not.toBe('unauthenticated');
      else expect([r.status, r.body?.error?.code]).toEqual([401, 'unauthenticated']);
    });
    // Nothing happened, so there is nothing to audit (a failed login would be audited, but {} is not a login).
    expect(res).toEqual([]);
  });

  it('GET /api/openapi.json is public', async () => {
    expect((await fx.client().get('/api/openapi.json')).status).toBe(200);
  });
});

const lacking = operations.flatMap((op) => {
  const access = op.access;
  if (access.kind !== 'permission') return [];
  return ROLE_NAMES.filter((role) => !mayCall(access, role)).map((role) => ({ key: op.key, op, role, access }));
});

describe('(b) a role lacking the permission: 403, one denied audit row, nothing else changed', () => {
  it.each(lacking)('$key as $role', async ({ op, role, access }) => {
    const actor = actors.get(role)!;
    const call = specOf(op).call?.(targets) ?? { path: placeholderPath(op.path), body: {} };
    const audit = await expectUnchanged(fx.database.db, actorIds(), async () => {
      const res = await send(actor.client, op, call);
      expect([res.status, res.body?.error?.code]).toEqual([403, 'forbidden']);
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      result: 'denied',
      action: actionOf(access),
      actorId: actor.id,
      actorName: actor.username,
      ip: actor.client.ip,
    });
  });

  it.each(lacking.filter((l) => isStateChanging(l.op)))('$key as $role with a malformed body', async ({ op, role }) => {
    const actor = actors.get(role)!;
    const audit = await expectUnchanged(fx.database.db, actorIds(), async () => {
      const res = await actor.client.request(op.method, placeholderPath(op.path), { junk: true });
      expect(res.status).toBe(403);
    });
    expect(audit.map((a) => a.result)).toEqual(['denied']);
  });
});

const outside = operations.flatMap((op) => {
  const spec = ROUTE_SPECS[op.key];
  if (!spec?.outside || (op.access.kind !== 'permission' && op.access.kind !== 'signedIn')) return [];
  return ROLE_NAMES.filter((role) => mayCall(op.access, role)).map((role) => ({ key: op.key, op, role, spec }));
});

describe('(c) an object or region outside the actor’s region: 404 or 403, nothing changed', () => {
  it.each(outside)('$key as $role', async ({ op, role, spec }) => {
    const actor = actors.get(role)!;
    for (const call of spec.outside!(targets)) {
      const audit = await expectUnchanged(fx.database.db, actorIds(), async () => {
        const res = await send(actor.client, op, call);
        expect([res.status, call.path, call.body]).toEqual([call.status, call.path, call.body]);
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ result: 'denied', action: actionOf(op.access), actorName: actor.username });
      // A refused object is named in the row: the auditor sees whom the attempt was aimed at.
      const id = /^\/api\/users\/(\d+)/.exec(call.path)?.[1];
      if (id) expect(audit[0]).toMatchObject({ entity: 'user', entityId: id });
    }
  });
});

// Every JSON body: one role that may call the route sends a field it does not take.
const withBody = operations.flatMap((op) => {
  const role = op.jsonBody ? ROLE_NAMES.find((r) => mayCall(op.access, r)) : undefined;
  return role ? [{ key: op.key, op, role }] : [];
});

describe('(d) a body field the route does not take: 400 naming it, nothing changed', () => {
  it.each(withBody)('$key', async ({ op, role }) => {
    const actor = actors.get(role)!;
    const call = specOf(op).call?.(targets) ?? { path: placeholderPath(op.path), body: {} };
    await expectUnchanged(fx.database.db, actorIds(), async () => {
      const res = await actor.client.request(op.method, call.path, { ...(call.body as object), 备注字段: 1 });
      expect([res.status, res.body?.error?.code]).toEqual([400, 'validation']);
      expect(res.body.error.details).toContainEqual({ field: '', message: '不接受的字段：备注字段' });
    });
  });
});

const allowed = operations.flatMap((op) => {
  const spec = ROUTE_SPECS[op.key];
  if (!spec?.call) return [];
  return ROLE_NAMES.filter((role) => mayCall(op.access, role)).map((role) => ({ key: op.key, op, role, spec }));
});

describe('a role holding the permission succeeds inside its region', () => {
  it.each(allowed)('$key as $role', async ({ op, role, spec }) => {
    const res = await send(actors.get(role)!.client, op, spec.call!(targets));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('lists keep to the region', () => {
  it('GET /api/users shows only users of the actor’s region', async () => {
    const res = await actors.get('sysadmin')!.client.get('/api/users?pageSize=200');
    expect(res.status).toBe(200);
    const codes: string[] = res.body.items.map((u: { regionCode: string }) => u.regionCode);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code.startsWith('4205')).toBe(true);
    expect(res.body.items.map((u: { id: number }) => u.id)).not.toContain(targets.outside[0]);
  });

  it('GET /api/regions/420500/children lists only what is inside', async () => {
    const res = await actors.get('committee')!.client.get('/api/regions/420500/children');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(5);
    for (const r of res.body) expect(r.code.startsWith('4205')).toBe(true);
  });

  it('the path of a region stops at the actor’s own region', async () => {
    const res = await actors.get('committee')!.client.get('/api/regions/420506');
    expect(res.body.path.map((r: { code: string }) => r.code)).toEqual(['420500', '420506']);
  });
});

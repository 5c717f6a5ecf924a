import { type SQL, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { type AuditRow, auditAfter, lastAuditSeq } from './audit.ts';
import type { TestResponse } from './client.ts';
import type { Logged } from './fixture.ts';

/** What a refused request must leave exactly as it was. */
export interface Snapshot {
  /** Every column of every user, as the database holds it. */
  users: unknown[];
  settings: unknown[];
  /** Sessions of everyone but the given actors (whose own last-seen time may move). */
  otherSessions: number;
  regions: number;
  auditSeq: number;
}

const one = async (db: Db, q: SQL) => (await queryRows<{ n: number }>(db, q))[0].n;

export async function snapshot(db: Db, actorIds: readonly number[] = []): Promise<Snapshot> {
  const ids = actorIds.length
    ? sql.join(
        actorIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`-1`;
  return {
    users: (await queryRows<{ j: unknown }>(db, sql`select to_jsonb(u) as j from users u order by id`)).map((r) => r.j),
    // The day roll's bookkeeping too: no request rolls the day (src/server/stats/roll.ts).
    settings: (await queryRows<{ j: unknown }>(db, sql`select to_jsonb(s) as j from settings s order by key`)).map(
      (r) => r.j,
    ),
    otherSessions: await one(db, sql`select count(*)::int as n from sessions where user_id not in (${ids})`),
    regions: await one(db, sql`select count(*)::int as n from regions`),
    auditSeq: await lastAuditSeq(db),
  };
}

/**
 * Runs a request that must be refused and checks the database is unchanged but for the
 * audit rows it wrote, which are returned.
 */
export async function expectUnchanged(
  db: Db,
  actorIds: readonly number[],
  run: () => Promise<unknown>,
): Promise<AuditRow[]> {
  const before = await snapshot(db, actorIds);
  await run();
  const after = await snapshot(db, actorIds);
  expect(after.users, 'users changed').toEqual(before.users);
  expect(after.settings, 'settings changed').toEqual(before.settings);
  expect(after.otherSessions, 'sessions changed').toBe(before.otherSessions);
  expect(after.regions, 'regions changed').toBe(before.regions);
  return auditAfter(db, before.auditSeq);
}

/** A request as the scope tests list them: method, path and body. */
export type Call = readonly [method: string, path: string, body: unknown];

/**
 * Each call, by someone outside the record's scope, is answered 404 as if the record did not
 * exist, is audited as one denial (with the fields of `audited`), and changes nothing: neither
 * the record (`state`) nor anything `expectUnchanged` watches.
 */
export async function expectEachNotFound(
  db: Db,
  outsider: Logged,
  calls: readonly Call[],
  state: () => Promise<unknown>,
  audited: Record<string, unknown> = {},
): Promise<void> {
  for (const [method, path, body] of calls) {
    const before = await state();
    const audit = await expectUnchanged(db, [outsider.user.id], async () => {
      const res = await outsider.client.request(method, path, body);
      expect([res.status, path]).toEqual([404, path]);
    });
    expect(audit).toEqual([expect.objectContaining({ result: 'denied', actorId: outsider.user.id, ...audited })]);
    expect(await state()).toEqual(before);
  }
}

/**
 * A request refused as invalid: 400, its first detail naming `field` and saying `message`, and
 * the rows `state` reads as they were.
 */
export async function expectInvalid(
  send: () => Promise<TestResponse>,
  state: () => Promise<unknown>,
  field: string,
  message: string,
): Promise<void> {
  const before = await state();
  const res = await send();
  expect(res.status).toBe(400);
  expect(res.body.error.details[0].field).toBe(field);
  expect(res.body.error.details[0].message).toContain(message);
  expect(await state()).toEqual(before);
}

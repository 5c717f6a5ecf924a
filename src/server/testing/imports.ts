/** Shared by the enterprise import tests: requests, actors, and what the ledger holds. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import { mustUseTotp, type Role } from '../../domain/roles.ts';
import { type Actor, actorOf as actorFromUser } from '../actor.ts';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { ImportRequest } from '../imports/enterprises/run.ts';
import { type Fixture, makeFixture } from './fixture.ts';

/** A file of test/fixtures/enterprises/ (written by its make.ts). */
export const enterpriseFixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/enterprises/${name}`, import.meta.url));

/** A fixture with its own data directory, where imports keep their files. */
export async function importFixture(): Promise<Fixture & { deps: Pick<Fixture, 'database' | 'keys' | 'config'> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-data-'));
  const fx = await makeFixture({ dataDir });
  return {
    ...fx,
    deps: { database: fx.database, keys: fx.keys, config: fx.config },
    async close() {
      await fx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The CLI's request: all or nothing, written at once. */
export function importRequest(file: string, more: Partial<ImportRequest> = {}): ImportRequest {
  return {
    path: file,
    fileName: path.basename(file),
    period: '2026Q3',
    source: '市场监管局年报',
    partial: false,
    dryRun: false,
    apply: true,
    ...more,
  };
}

type Counts = Record<'rows' | 'added' | 'changed' | 'unchanged' | 'missing' | 'discrepancies', number>;

/** The result of an import that applied without an error or warning: every count not given is zero. */
export function appliedCleanly(counts: Partial<Counts>) {
  return {
    status: 'applied',
    ...{ rows: 0, added: 0, changed: 0, unchanged: 0, missing: 0, discrepancies: 0, ...counts },
    errors: [],
    warnings: [] as unknown[],
  };
}

/** The actor a logged-in user becomes (as the session middleware builds it). */
export function actorOf(user: {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  roles: string[];
  orgId?: number | null;
  instructorId?: number | null;
}): Actor {
  // Past every login step: a role that must use a second factor has one.
  const totpEnabled = mustUseTotp(user.roles as Role[]);
  return actorFromUser(
    { ...user, orgId: user.orgId ?? null, instructorId: user.instructorId ?? null, totpEnabled },
    '127.0.0.1',
  );
}

const asJson = async (db: Db, query: SQL) => (await queryRows<{ j: unknown }>(db, query)).map((r) => r.j);

/** Every column of every enterprise and every history row, as the database holds them. */
export async function ledgerSnapshot(db: Db) {
  return {
    enterprises: await asJson(db, sql`select to_jsonb(e) as j from enterprises e order by id`),
    history: await asJson(db, sql`select to_jsonb(h) as j from enterprise_history h order by id`),
  };
}

/** One enterprise row by its code, every column, snake_case as in SQL. */
export async function enterpriseRow(db: Db, uscc: string): Promise<Record<string, any> | undefined> {
  const [row] = await queryRows<{ j: Record<string, any> }>(
    db,
    sql`select to_jsonb(e) as j from enterprises e where uscc = ${uscc}`,
  );
  return row?.j;
}

import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { localOperator } from './actor.ts';
import { anchorPath } from './audit/anchor.ts';
import { writeAudit } from './audit/audit.ts';
import { auditChainFor, bindAuditChain } from './audit/chain.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { secureDataDir } from './db/dataDir.ts';
import { migrate } from './db/migrate.ts';
import { regions, users } from './db/schema.ts';
import { inScope } from './db/tx.ts';
import { type Keys, loadKeys } from './keys.ts';
import { loadIndustries } from './reference/industries.ts';
import { loadRegions } from './regions/load.ts';
import { ROOT_REGION } from './regions/scope.ts';
import { settleDeploymentRegion } from './setup/deploymentRegion.ts';
import { rollCoverage } from './stats/roll.ts';
import { today } from './today.ts';
import { createUser } from './users/service.ts';

export interface Opened {
  database: Database;
  keys: Keys;
}

/** Opens the configured database, applies pending migrations, loads reference data and rolls today's coverage. */
export async function openPrepared(config: Config): Promise<Opened> {
  // Uploads and the master key live in the data directory on PostgreSQL too (PGlite's open does this itself).
  if (config.databaseUrl) secureDataDir(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    pgliteSharedBuffersMb: config.pgliteSharedBuffersMb,
  });
  await prepare(database, config.provinces);
  const keys = loadKeys(config.dataDir);
  bindAuditChain(database.db, auditChainFor(keys, anchorPath(config.dataDir)));
  return { database, keys };
}

export async function prepare(database: Database, onlyProvinces?: readonly string[]): Promise<void> {
  await migrate(database);
  await loadRegions(database.db, onlyProvinces);
  await loadIndustries(database.db);
  // Today's coverage before any figure is read: reads never roll it (stats/roll.ts).
  await rollCoverage(database.db, today());
}

export interface FirstAccount {
  username: string;
  role: Role;
  oneTimePassword: string;
}

const FIRST_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '审计员', role: 'auditor' },
];

/**
 * On an empty database, creates the three administrators of 三员分立 with one-time
 * passwords, returned once for the terminal and never stored in clear. Returns [] when
 * any user exists.
 */
export async function createFirstAccounts(database: Database, regionCode = ROOT_REGION): Promise<FirstAccount[]> {
  const { db } = database;
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new Error(`区划代码 ${regionCode}（DANGJIAN_REGION 或 serve --region）不是已知的行政区划代码`);
  const operator = localOperator();
  return inScope(db, operator, async (tx) => {
    // Two processes starting at once on an empty database must not both create them.
    await tx.execute(sql`select pg_advisory_xact_lock(7146202)`);
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return [];
    const created: FirstAccount[] = [];
    for (const a of FIRST_ACCOUNTS) {
      const { oneTimePassword } = await createUser(tx, operator, { ...a, regionCode, roles: [a.role] });
      created.push({ username: a.username, role: a.role, oneTimePassword });
    }
    return created;
  });
}

/** The region a start names (DANGJIAN_REGION, `serve --region`) becomes the deployment's, if none was chosen. */
export async function settleRegion(
  database: Database,
  code: string,
  source: 'env' | 'command',
): Promise<string | null> {
  const operator = localOperator();
  return inScope(database.db, operator, (tx) =>
    settleDeploymentRegion(tx, code, source, (diff) =>
      writeAudit(tx, {
        actorId: null,
        actorName: operator.username,
        ip: null,
        action: 'settings.region',
        entity: 'settings',
        entityId: 'deployment_region',
        result: 'success',
        diff,
      }),
    ),
  );
}

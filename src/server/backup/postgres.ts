/**
 * PostgreSQL through its own tools: pg_dump in the custom format, on a snapshot exported from
 * a REPEATABLE READ transaction in which the row counts and the audit head are read too, so
 * the header describes exactly what the dump holds; pg_restore in one transaction.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { auditHead, migrationLevel, tableCounts } from './snapshot.ts';

/** The tools get the password by environment, never on a command line other local users can read. */
function connection(url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (err) =>
      reject(
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error(
              `找不到 ${tool}：请安装 PostgreSQL 客户端工具（Debian：apt-get install postgresql-client），其版本不低于服务器`,
            )
          : err,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} 失败：${stderr.trim().split('\n').slice(-3).join(' ')}`)),
    );
  });
}

export async function dumpPostgres(url: string, payloadFile: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const [{ snapshot }] = (await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')).rows;
    const tables = await tableCounts(client);
    const audit = await auditHead(client);
    const migration = await migrationLevel(client);
    const { dbname, env } = connection(url);
    await run(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, `--file=${payloadFile}`, `--dbname=${dbname}`],
      env,
    );
    await client.query('commit');
    return { tables, audit, migration };
  } finally {
    await client.end();
  }
}

export async function postgresEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`,
    );
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

// The roles the migrations create are the cluster's, not the database's: a dump does not carry them.
const ROLES = ['dangjian_app', 'dangjian_secretary', 'dangjian_instructor'];

async function ensureRoles(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const role of ROLES) {
      await client.query(`DO $$ BEGIN CREATE ROLE ${role} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
      await client.query(`DO $$ BEGIN EXECUTE format('GRANT ${role} TO %I', current_user);
        EXCEPTION WHEN OTHERS THEN NULL; END $$`);
    }
    for (const role of ROLES.slice(1)) await client.query(`GRANT dangjian_app TO ${role}`);
  } finally {
    await client.end();
  }
}

/** All or nothing: pg_restore in a single transaction, objects owned by the connecting user as after `migrate`. */
export async function restorePostgres(url: string, payloadFile: string) {
  await ensureRoles(url);
  const { dbname, env } = connection(url);
  await run(
    'pg_restore',
    ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, payloadFile],
    env,
  );
}

export async function countsAt(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return { tables: await tableCounts(client), audit: await auditHead(client) };
  } finally {
    await client.end();
  }
}

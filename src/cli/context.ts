import { Option } from 'commander';
import { eq } from 'drizzle-orm';
import type { AuditAction } from '../domain/auditActions.ts';
import type { Permission } from '../domain/roles.ts';
import { type Actor, actorOf, can, localOperator } from '../server/actor.ts';
import { closeAuditChain } from '../server/audit/anchor.ts';
import { writeAudit } from '../server/audit/audit.ts';
import { type Opened, openPrepared } from '../server/bootstrap.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { users } from '../server/db/schema.ts';
import { inSystem } from '../server/db/tx.ts';
import type { CliIo } from './io.ts';

/** A failure the CLI reports as one line on stderr, exiting non-zero. */
export class CliError extends Error {}

export async function open(io: CliIo): Promise<Opened & { config: Config }> {
  const config = loadConfig(io.env);
  // The embedded database's directory lock is taken where it is opened (db/dataDir.ts), by every command.
  return { ...(await openPrepared(config)), config };
}

/** The local operator, or with --as the named user with that user's scope and permissions. */
export async function resolveActor(opened: Opened, as: string | undefined): Promise<Actor> {
  if (!as) return localOperator();
  const [user] = await opened.database.db.select().from(users).where(eq(users.username, as.toLowerCase()));
  if (!user) throw new CliError(`用户 ${as} 不存在`);
  if (user.disabled) throw new CliError(`用户 ${as} 已停用`);
  return actorOf(user, 'cli');
}

/** Refuses, and audits the refusal, when the actor lacks the permission. */
export async function requireCli(opened: Opened, actor: Actor, permission: Permission, action: AuditAction) {
  if (can(actor, permission)) return;
  await inSystem(opened.database.db, (tx) =>
    writeAudit(tx, { actorId: actor.actorId, actorName: actor.username, ip: actor.ip, action, result: 'denied' }),
  );
  throw new CliError(`用户 ${actor.username} 没有执行此操作的权限`);
}

export const asOption = () => new Option('--as <user>', '以该用户的身份和数据范围执行（默认：本机操作员）');

/** Opens the database for one command and closes it afterwards, whatever happens. */
export async function withDatabase<T>(io: CliIo, fn: (opened: Opened & { config: Config }) => Promise<T>): Promise<T> {
  const opened = await open(io);
  try {
    return await fn(opened);
  } finally {
    try {
      await closeAuditChain(opened.database.db);
    } finally {
      await opened.database.close();
    }
  }
}

/**
 * Opens the database for one command as the --as user (or the local operator), refused and
 * audited when that user lacks the permission; the command then runs with both.
 */
export function withActor<T>(
  io: CliIo,
  as: string | undefined,
  permission: Permission,
  action: AuditAction,
  fn: (opened: Opened & { config: Config }, actor: Actor) => Promise<T>,
): Promise<T> {
  return withDatabase(io, async (opened) => {
    const actor = await resolveActor(opened, as);
    await requireCli(opened, actor, permission, action);
    return fn(opened, actor);
  });
}

import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { checkpointAudit, closeAuditChain } from './audit/anchor.ts';
import { openBackupDoor } from './backup/online.ts';
import { createFirstAccounts, openPrepared, settleRegion } from './bootstrap.ts';
import type { Config } from './config.ts';
import { importHousekeeping } from './imports/ownership.ts';
import { scheduleDayRoll } from './stats/roll.ts';

const ROLE_NAMES = { sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '审计员' } as Record<string, string>;

/** How long an idle kept-alive connection stays open on PGlite (Node's default, kept on PostgreSQL, is 5 s). */
const PGLITE_KEEP_ALIVE_MS = 65_000;

/** How often a running server looks for abandoned batches and expired uploads. */
const HOUSEKEEPING_MS = 5 * 60_000;

/** Opens and prepares the database, creates the first accounts if none exist, and listens. */
export async function startServer(config: Config, log: (line: string) => void = console.log) {
  const { database, keys } = await openPrepared(config);
  // `dangjian backup` beside the server: PGlite is this process's, so the snapshot is taken here.
  const backups = database.kind === 'pglite' ? await openBackupDoor(database, keys, config.dataDir, log) : null;
  // Batches whose process died are failed (a live CLI import's are left alone), old uploads removed.
  const housekeeping = () => importHousekeeping(database, config.dataDir, config.importRetentionDays);
  await housekeeping();
  const first = await createFirstAccounts(database, config.region);
  if (config.region) {
    const note = await settleRegion(database, config.region, config.regionSource);
    if (note) log(note);
  }
  if (first.length > 0) {
    log('');
    log(`首次启动：已创建三员管理账户（${first.map((a) => `${ROLE_NAMES[a.role]} ${a.username}`).join('、')}）。`);
    log('一次性密码只显示这一次；首次登录须修改密码并绑定动态验证码（TOTP）：');
    for (const a of first) log(`  ${a.username.padEnd(9)} ${a.oneTimePassword}`);
    log('');
  }
  // Rolled to today when opened; after that, just after each midnight.
  const dayRoll = scheduleDayRoll(database.db, (err) => log(`日切（覆盖情况更新）失败，一分钟后重试：${String(err)}`));
  // Audit writes anchor the chain's head a moment after they happen; this catches the rows of
  // a transaction that committed after that moment.
  const anchoring = setInterval(() => {
    checkpointAudit(database.db).catch((err) => log(`审计链锚点写入失败：${(err as Error).message}`));
  }, 60_000);
  anchoring.unref();
  const sweep = setInterval(() => {
    housekeeping().catch((err) => log(`导入批次清理失败，稍后重试：${String(err)}`));
  }, HOUSEKEEPING_MS);
  sweep.unref();
  const app = createApp({ database, keys, config });
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    // Node closes a kept-alive connection 5 s after its last answer, measured by a timer that
    // runs before the socket is read: when a turn of the event loop takes longer (PGlite runs
    // each statement on this thread), connections whose next request already waits unread are
    // closed, their clients reconnect, and the new connections queue in the kernel, where neither
    // the door nor their clients' departure can be seen; requests from clients long gone then
    // arrive after the load.
    serverOptions: database.kind === 'pglite' ? { keepAliveTimeout: PGLITE_KEEP_ALIVE_MS } : {},
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  log(
    `Dangjian 已启动：http://${config.host}:${config.port}  （数据库：${database.kind === 'pglite' ? `PGlite，${config.dataDir}` : 'PostgreSQL'}）`,
  );
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await backups?.close();
    clearInterval(sweep);
    await dayRoll.stop();
    clearInterval(anchoring);
    await closeAuditChain(database.db);
    await database.close();
  };
  return { stop };
}

import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createFirstAccounts, openPrepared } from './bootstrap.ts';
import type { Config } from './config.ts';
import { failInterruptedBatches } from './imports/batches.ts';
import { scheduleDayRoll } from './stats/roll.ts';

const ROLE_NAMES = { sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '审计员' } as Record<string, string>;

/** Opens and prepares the database, creates the first accounts if none exist, and listens. */
export async function startServer(config: Config, log: (line: string) => void = console.log) {
  const { database, keys } = await openPrepared(config);
  await failInterruptedBatches(database.db);
  const first = await createFirstAccounts(database, config.region);
  if (first.length > 0) {
    log('');
    log(`首次启动：已创建三员管理账户（${first.map((a) => `${ROLE_NAMES[a.role]} ${a.username}`).join('、')}）。`);
    log('一次性密码只显示这一次；首次登录须修改密码并绑定动态验证码（TOTP）：');
    for (const a of first) log(`  ${a.username.padEnd(9)} ${a.oneTimePassword}`);
    log('');
  }
  // Rolled to today when opened; after that, just after each midnight.
  const dayRoll = scheduleDayRoll(database.db, (err) => log(`日切（覆盖情况更新）失败，一分钟后重试：${String(err)}`));
  const app = createApp({ database, keys, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  log(
    `Dangjian 已启动：http://${config.host}:${config.port}  （数据库：${database.kind === 'pglite' ? `PGlite，${config.dataDir}` : 'PostgreSQL'}）`,
  );
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dayRoll.stop();
    await database.close();
  };
  return { stop };
}

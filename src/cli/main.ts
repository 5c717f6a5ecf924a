import { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { HttpError } from '../server/errors.ts';
import { startServer } from '../server/serve.ts';
import { auditCommands } from './audit.ts';
import { CliError, holdPgliteLock } from './context.ts';
import { demoCommand } from './demo.ts';
import { migrateCommand } from './migrate.ts';
import { regionCommands } from './regions.ts';
import { userCommands } from './users.ts';

// `dangjian … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('dangjian')
  .description('非公党建工作管理系统 Dangjian')
  .showHelpAfterError('（用 --help 查看用法）')
  .configureOutput({ outputError: (str, write) => write(str) });

program
  .command('serve')
  .description('启动 Web 服务（首次启动时创建管理员并打印一次性密码）')
  .action(async () => {
    const config = loadConfig();
    holdPgliteLock(config);
    const server = await startServer(config);
    const shutdown = () => server.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program.addCommand(migrateCommand());
program.addCommand(userCommands());
program.addCommand(auditCommands());
program.addCommand(regionCommands());
program.addCommand(demoCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const message =
    err instanceof CliError || err instanceof HttpError
      ? err.message
      : err instanceof Error
        ? err.message
        : String(err);
  process.stderr.write(`错误：${message}\n`);
  process.exit(1);
}

import { Command, CommanderError } from 'commander';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/serve.ts';
import { auditCommands } from './audit.ts';
import { holdPgliteLock } from './context.ts';
import { demoCommand } from './demo.ts';
import { importCommands } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { regionCommands } from './regions.ts';
import { reportCommands } from './report.ts';
import { snapshotCommands } from './snapshot.ts';
import { statsCommands } from './stats.ts';
import { throwUsageErrors, usageMessage } from './usage.ts';
import { userCommands } from './users.ts';

// `dangjian … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('dangjian').description('非公党建工作管理系统 Dangjian');

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
program.addCommand(importCommands());
program.addCommand(reportCommands());
program.addCommand(statsCommands());
program.addCommand(snapshotCommands());
throwUsageErrors(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // --help, or a command group called without its subcommand: the help is already printed.
  if (err instanceof CommanderError && err.code.startsWith('commander.help')) process.exit(err.exitCode);
  const message = err instanceof CommanderError ? usageMessage(err) : err instanceof Error ? err.message : String(err);
  // One line, whatever the message: scripts read the first line of stderr.
  process.stderr.write(`错误：${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

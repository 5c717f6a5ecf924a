import { Command, CommanderError } from 'commander';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/serve.ts';
import { auditCommands } from './audit.ts';
import { backupCommands } from './backup.ts';
import { demoCommand } from './demo.ts';
import { deploymentCommands, receiveCommand, submitCommand } from './deployments.ts';
import { exportCommands } from './export.ts';
import { importCommands } from './import.ts';
import type { CliIo } from './io.ts';
import { migrateCommand } from './migrate.ts';
import { regionCommands } from './regions.ts';
import { reportCommands } from './report.ts';
import { snapshotCommands } from './snapshot.ts';
import { statsCommands } from './stats.ts';
import { throwUsageErrors, usageMessage } from './usage.ts';
import { userCommands } from './users.ts';

/** The `dangjian` command tree. Commander keeps parsed options on it, so one is built per command line. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('dangjian').description('非公党建工作管理系统 Dangjian');

  program
    .command('serve')
    .description('启动 Web 服务（首次启动时创建管理员并打印一次性密码）')
    .option(
      '--region <code>',
      '本系统服务的区划代码，如 420500（宜昌市）；未选定时才采用，省略则首次登录时由系统管理员选择',
    )
    .action(async (opts: { region?: string }) => {
      const config = loadConfig(io.env);
      if (opts.region) Object.assign(config, { region: opts.region, regionSource: 'command' });
      const server = await startServer(config, io.log);
      const shutdown = () => server.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program.addCommand(migrateCommand(io));
  program.addCommand(userCommands(io));
  program.addCommand(auditCommands(io));
  for (const command of backupCommands(io)) program.addCommand(command);
  program.addCommand(regionCommands(io));
  program.addCommand(demoCommand(io));
  program.addCommand(importCommands(io));
  program.addCommand(exportCommands(io));
  program.addCommand(reportCommands(io));
  program.addCommand(statsCommands(io));
  program.addCommand(snapshotCommands(io));
  program.addCommand(submitCommand(io));
  program.addCommand(receiveCommand(io));
  program.addCommand(deploymentCommands(io));
  throwUsageErrors(program, io);
  return program;
}

/**
 * A message on one line: its lines trimmed and joined by a space. Split rather than matched with
 * `\s*\n\s*`, which backtracks over a long run of spaces (18 s for 32,767 of them).
 */
export function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * Runs one command line (the arguments after `dangjian`) and returns its exit status. A
 * failure is one line on standard error starting with 错误：, whatever the message: scripts
 * read the first line of stderr.
 */
export async function runProgram(args: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(args, { from: 'user' });
    return io.exitCode ?? 0;
  } catch (err) {
    // --help, or a command group called without its subcommand: the help is already printed.
    if (err instanceof CommanderError && err.code.startsWith('commander.help')) return err.exitCode;
    const message =
      err instanceof CommanderError ? usageMessage(err) : err instanceof Error ? err.message : String(err);
    io.err(`错误：${oneLine(message)}\n`);
    return 1;
  }
}

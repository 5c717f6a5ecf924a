import type { Command, CommanderError } from 'commander';
import type { CliIo } from './io.ts';

/**
 * Makes commander report a usage error by throwing instead of printing English and
 * exiting, on every command (settings do not pass to commands added with addCommand), so
 * that it is printed like any other failure: one line, in Chinese. Help goes to `io`.
 */
export function throwUsageErrors(command: Command, io: CliIo) {
  command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });
  for (const sub of command.commands) throwUsageErrors(sub, io);
}

const HINT = '（用 --help 查看用法）';

/** Commander's usage error in Chinese, naming the option, argument or command it is about. */
export function usageMessage(err: CommanderError): string {
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  switch (err.code) {
    case 'commander.missingMandatoryOptionValue':
      return `缺少必填选项 ${quoted[0]}${HINT}`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted[0]} 缺少取值${HINT}`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted[0]}${HINT}`;
    case 'commander.unknownOption':
      return `未知选项 ${quoted[0]}${HINT}`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted[0]}${HINT}`;
    case 'commander.excessArguments':
      return `参数过多${HINT}`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(err.message)?.[1];
      return `${quoted[0]} 的取值 ${quoted[1]} 无效${choices ? `，可选：${choices}` : ''}${HINT}`;
    }
    default:
      return `${err.message.replace(/^error: /, '')}${HINT}`;
  }
}

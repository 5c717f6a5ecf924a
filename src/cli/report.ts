import { Command } from 'commander';
import type { CliIo } from './io.ts';
import { activityReportCommand } from './reportActivity.ts';
import { annualCommand, laggingCommand, nbCommand, quarterlyCommand } from './reportForms.ts';
import { reportInstructorsCommand } from './reportInstructors.ts';

/** `dangjian report …`: every report of the web app, as .xlsx or JSON. */
export function reportCommands(io: CliIo): Command {
  const report = new Command('report').description('报表：导出 .xlsx 或输出 JSON');
  report.addCommand(reportInstructorsCommand(io));
  report.addCommand(quarterlyCommand(io));
  report.addCommand(annualCommand(io));
  report.addCommand(nbCommand(io, 'nb27'));
  report.addCommand(nbCommand(io, 'nb30'));
  report.addCommand(nbCommand(io, 'nb43'));
  report.addCommand(laggingCommand(io));
  report.addCommand(activityReportCommand(io, 'orglife'));
  report.addCommand(activityReportCommand(io, 'achievements'));
  report.addCommand(activityReportCommand(io, 'training'));
  return report;
}

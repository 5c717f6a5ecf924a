import { Command } from 'commander';
import { annualCommand, laggingCommand, quarterlyCommand } from './reportForms.ts';
import { reportInstructorsCommand } from './reportInstructors.ts';

/** `dangjian report …`: every report of the web app, as .xlsx or JSON. */
export function reportCommands(): Command {
  const report = new Command('report').description('报表：导出 .xlsx 或输出 JSON');
  report.addCommand(reportInstructorsCommand());
  report.addCommand(quarterlyCommand());
  report.addCommand(annualCommand());
  report.addCommand(laggingCommand());
  return report;
}

// `dangjian report orglife|achievements|training`: 组织生活情况, 作用发挥情况 and 培训情况 for a year, as .xlsx
// (--out, audited as an export like the web download) or as one JSON object (--json). They count
// orgs and their records, so there is no survey scope to choose.
import { Command } from 'commander';
import { asOption, CliError } from './context.ts';
import type { CliIo } from './io.ts';
import { type FormOptions, run } from './reportForms.ts';

const DESCRIPTION = {
  orglife: '组织生活情况统计表',
  achievements: '作用发挥情况统计表',
  training: '培训情况统计表',
} as const;

export function activityReportCommand(io: CliIo, report: 'orglife' | 'achievements' | 'training') {
  return new Command(report)
    .description(`${DESCRIPTION[report]}（按下级地区分列；本年度截至今天）`)
    .requiredOption('--region <code>', '行政区划代码')
    .requiredOption('--year <YYYY>', '年度')
    .option('--out <file.xlsx>', '导出为 .xlsx 文件（记入审计）')
    .option('--json', '输出 JSON（一个对象）')
    .addOption(asOption())
    .action((opts: Omit<FormOptions, 'scope'> & { year: string }) => {
      if (!/^\d{4}$/.test(opts.year)) throw new CliError(`--year 应为四位年份：${opts.year}`);
      return run(io, opts, `report.${report}`, () => ({ report, region: opts.region, year: Number(opts.year) }));
    });
}

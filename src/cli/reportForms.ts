// `dangjian report quarterly|annual|lagging|nb27|nb30|nb43`: the forms of reports.md §1, §2, §4 and
// the 年报 tables 27 and 30 (docs/annual-tables.md) as .xlsx (--out, audited as an export like
// the web download) or as one JSON object (--json).
import fs from 'node:fs';
import { Command, Option } from 'commander';
import type { AuditAction } from '../domain/auditActions.ts';
import { isDateString } from '../domain/calendarDate.ts';
import { isQuarter } from '../domain/stats/quarter.ts';
import type { Actor } from '../server/actor.ts';
import { inScope } from '../server/db/tx.ts';
import { HttpError } from '../server/errors.ts';
import { faultPoint } from '../server/faultPoint.ts';
import { type AnyReport, exportReport, type ReportRequest, runReport } from '../server/reports/service.ts';
import { asOption, CliError, withActor } from './context.ts';
import { writeExport } from './exportFile.ts';
import type { CliIo } from './io.ts';

export interface FormOptions {
  region: string;
  out?: string;
  json?: boolean;
  scope?: 'all' | 'survey';
  as?: string;
}

function formCommand(name: string, description: string, params: (c: Command) => Command, scoped = true) {
  const c = new Command(name).description(description).requiredOption('--region <code>', '行政区划代码');
  if (scoped) c.addOption(new Option('--scope <scope>', '统计口径（默认取系统设置）').choices(['all', 'survey']));
  return params(
    c
      .option('--out <file.xlsx>', '导出为 .xlsx 文件（记入审计，季报视为已报送）')
      .option('--json', '输出 JSON（一个对象）')
      .addOption(asOption()),
  );
}

/**
 * What --json prints: the report as the API returns it, but a 年报 table flat, as scripts
 * read it: `{ region, year, rows: [{ region, A1, … }], total: { A1, … } }`.
 */
function jsonOf(report: AnyReport): object {
  if (report.report !== 'nb27' && report.report !== 'nb30' && report.report !== 'nb43') return report;
  return {
    region: report.region,
    year: report.year,
    rows: report.rows.map((r) => ({ region: r.region, ...r.cells })),
    total: report.total,
  };
}

export async function run(io: CliIo, opts: FormOptions, action: AuditAction, request: (actor: Actor) => ReportRequest) {
  const progress = (text: string) => io.err(`${text}\n`);
  if (!opts.out === !opts.json) throw new CliError('请指定 --out FILE.xlsx 或 --json 之一');
  if (opts.out && !opts.out.toLowerCase().endsWith('.xlsx')) throw new CliError(`--out 应为 .xlsx 文件：${opts.out}`);
  await withActor(io, opts.as, 'report.read', action, async (opened, actor) => {
    const r = { ...request(actor), ...(opts.scope ? { scope: opts.scope } : {}) };
    progress(`计算 1/2：${opts.region} 的报表数据…`);
    try {
      if (opts.json) {
        const report = await inScope(opened.database.db, actor, (tx) => runReport(tx, actor, r));
        progress('计算 2/2：完成');
        io.out(`${JSON.stringify(jsonOf(report))}\n`);
        return;
      }
      // The file is written inside the export's transaction and put in place after it commits:
      // a failure or a kill leaves neither an audited export without its file nor half a file.
      const { fileName } = await writeExport(opts.out as string, (part) =>
        inScope(opened.database.db, actor, async (tx) => {
          const exported = await exportReport(tx, actor, r);
          progress(`计算 2/2：写入 ${opts.out}`);
          fs.writeFileSync(part, exported.buffer, { mode: 0o600 });
          await faultPoint('export-write');
          return exported;
        }),
      );
      progress(`已导出 ${fileName} → ${opts.out}`);
    } catch (err) {
      if (err instanceof HttpError) throw new CliError(err.message);
      throw err;
    }
  });
}

export function quarterlyCommand(io: CliIo) {
  return formCommand('quarterly', '非公企业新建党组织季报', (c) =>
    c.requiredOption('--quarter <2026Q3>', '季度').action((opts: FormOptions & { quarter: string }) => {
      if (!isQuarter(opts.quarter)) throw new CliError(`--quarter 格式应为 2026Q3：${opts.quarter}`);
      return run(io, opts, 'report.quarterly', () => ({
        report: 'quarterly',
        region: opts.region,
        quarter: opts.quarter,
      }));
    }),
  );
}

export function annualCommand(io: CliIo) {
  return formCommand('annual', '非公有制企业党建工作情况统计表（截至 12 月 31 日；本年度截至今天）', (c) =>
    c.requiredOption('--year <YYYY>', '年度').action((opts: FormOptions & { year: string }) => {
      if (!/^\d{4}$/.test(opts.year)) throw new CliError(`--year 应为四位年份：${opts.year}`);
      return run(io, opts, 'report.annual', () => ({ report: 'annual', region: opts.region, year: Number(opts.year) }));
    }),
  );
}

export function laggingCommand(io: CliIo) {
  return formCommand('lagging', '进展滞后督促清单', (c) =>
    c.option('--date <YYYY-MM-DD>', '统计日期（默认今天）').action((opts: FormOptions & { date?: string }) => {
      if (opts.date !== undefined && !isDateString(opts.date))
        throw new CliError(`--date 格式应为 YYYY-MM-DD：${opts.date}`);
      return run(io, opts, 'report.lagging', () => ({
        report: 'lagging',
        region: opts.region,
        ...(opts.date ? { date: opts.date } : {}),
      }));
    }),
  );
}

const NB_TITLES = {
  nb27: '年报表27 非公有经济控制的企业法人单位建立党的基层组织情况（截至 12 月 31 日）',
  nb30: '年报表30 社会组织法人单位建立党的基层组织情况（截至 12 月 31 日）',
  nb43: '年报表43 失去联系党员情况（截至 12 月 31 日）',
} as const;

/** `report nb27`, `report nb30` and `report nb43`: the 年报 tables, which have no survey scope. */
export function nbCommand(io: CliIo, table: keyof typeof NB_TITLES) {
  return formCommand(
    table,
    NB_TITLES[table],
    (c) =>
      c.requiredOption('--year <YYYY>', '年度').action((opts: FormOptions & { year: string }) => {
        if (!/^\d{4}$/.test(opts.year)) throw new CliError(`--year 应为四位年份：${opts.year}`);
        return run(io, opts, `report.${table}`, () => ({
          report: table,
          region: opts.region,
          year: Number(opts.year),
        }));
      }),
    false,
  );
}

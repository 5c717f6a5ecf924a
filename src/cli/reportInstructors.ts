import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Command } from 'commander';
import { localDateString } from '../domain/calendarDate.ts';
import { writeAudit } from '../server/audit/audit.ts';
import { checkSummaryParams } from '../server/casework/reportRoutes.ts';
import { instructorSummary } from '../server/casework/summary.ts';
import { writeSummaryXlsx } from '../server/casework/summaryXlsx.ts';
import { inScope } from '../server/db/tx.ts';
import { HttpError } from '../server/errors.ts';
import { createXlsxStream } from '../server/files/write.ts';
import { calendarDay } from '../server/schemas.ts';
import { asOption, CliError, withActor } from './context.ts';
import { writeExport } from './exportFile.ts';
import type { CliIo } from './io.ts';

/** `dangjian report instructors`: the instructor work summary (reports.md §3) as .xlsx and/or JSON. */
export function reportInstructorsCommand(io: CliIo): Command {
  return new Command('instructors')
    .description('指导员工作情况汇总：按派出单位汇总（合计在前），附指导员名单及考核得分、等次')
    .requiredOption('--region <code>', '行政区划代码（汇总该区划及下级区划的企业）')
    .requiredOption('--from <date>', '起始日期 YYYY-MM-DD（含）')
    .requiredOption('--to <date>', '截止日期 YYYY-MM-DD（含）')
    .option('--out <file>', '写出 .xlsx 文件（不给 --out 也不给 --json 时写到当前目录）')
    .option('--json', '在标准输出打印一个 JSON 对象')
    .addOption(asOption())
    .action((opts: { region: string; from: string; to: string; out?: string; json?: boolean; as?: string }) =>
      withActor(io, opts.as, 'report.read', 'report.instructors', async (opened, actor) => {
        for (const [flag, value] of [
          ['--from', opts.from],
          ['--to', opts.to],
        ] as const) {
          const parsed = calendarDay.safeParse(value);
          if (!parsed.success) throw new CliError(`${flag} ${value}：${parsed.error.issues[0].message}`);
        }
        if (!/^\d{6,12}$/.test(opts.region)) throw new CliError(`--region ${opts.region}：行政区划代码为 6–12 位数字`);
        const params = { region: opts.region, from: opts.from, to: opts.to };
        const db = opened.database.db;
        const today = localDateString(new Date());
        const summary = await inScope(db, actor, async (tx) => {
          try {
            await checkSummaryParams(tx, actor, params);
          } catch (err) {
            if (err instanceof HttpError) throw new CliError(err.message);
            throw err;
          }
          return instructorSummary(tx, actor, params, today);
        });

        const out =
          opts.out ?? (opts.json ? null : `指导员工作情况汇总-${params.region}-${params.from}-${params.to}.xlsx`);
        if (out) {
          await writeExport(out, async (part) => {
            const file = fs.createWriteStream(part, { mode: 0o600 });
            const book = createXlsxStream(file);
            await writeSummaryXlsx(book, summary, { filledOn: today });
            await book.commit();
            await finished(file);
            await inScope(db, actor, (tx) =>
              writeAudit(tx, {
                actorId: actor.actorId,
                actorName: actor.username,
                ip: actor.ip,
                action: 'report.instructors_export',
                entity: 'report',
                entityId: 'instructors',
                result: 'success',
                diff: { ...params, file: path.basename(out) },
              }),
            );
          });
          if (!opts.json) io.log(`已写出 ${out}`);
        }
        if (opts.json) {
          const { region, from, to, rows, total, instructors } = summary;
          io.out(`${JSON.stringify({ region, from, to, rows, total, instructors })}\n`);
        }
      }),
    );
}

import { Command, Option } from 'commander';
import { isDateString } from '../domain/calendarDate.ts';
import { ratePercent } from '../domain/stats/rate.ts';
import { inScope } from '../server/db/tx.ts';
import { HttpError } from '../server/errors.ts';
import type { RegionFigures } from '../server/stats/engine.ts';
import { coverageFor } from '../server/stats/service.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';

/** The object `stats coverage --json` prints for a region: the keys issue #6 fixes, in its order. */
function coverageJson(f: RegionFigures, date: string, scope: string) {
  return {
    region: f.region,
    date,
    scope,
    inScope: f.inScope,
    orgCovered: f.orgCovered,
    standalone: f.standalone,
    joint: f.joint,
    workCovered: f.workCovered,
    orgCoverageRate: f.orgCoverageRate,
    standaloneRate: f.standaloneRate,
    workCoverageRate: f.workCoverageRate,
    categories: f.categories,
    flags: f.flags,
  };
}

export function statsCommands(io: CliIo) {
  const stats = new Command('stats').description('统计数字');
  stats
    .command('coverage')
    .description('组建率、单独组建率、党的工作覆盖率与分类台账数，含各下级地区')
    .requiredOption('--region <code>', '行政区划代码')
    .option('--date <YYYY-MM-DD>', '统计日期（默认今天）')
    .addOption(new Option('--scope <scope>', '统计口径').choices(['all', 'survey']))
    .option('--json', '输出 JSON')
    .addOption(asOption())
    .action(async (opts) => {
      if (opts.date !== undefined && !isDateString(opts.date))
        throw new CliError(`日期格式应为 YYYY-MM-DD：${opts.date}`);
      await withActor(io, opts.as, 'dashboard.read', 'stats.coverage', async (opened, actor) => {
        const result = await inScope(opened.database.db, actor, (tx) =>
          coverageFor(tx, actor, {
            region: opts.region,
            ...(opts.date ? { date: opts.date } : {}),
            ...(opts.scope ? { scope: opts.scope } : {}),
          }),
        ).catch((err) => {
          if (err instanceof HttpError) throw new CliError(err.message);
          throw err;
        });
        if (opts.json) {
          const json = {
            ...coverageJson(result, result.date, result.scope),
            children: result.children.map((c) => coverageJson(c, result.date, result.scope)),
          };
          io.out(`${JSON.stringify(json)}\n`);
          return;
        }
        const line = (f: RegionFigures) =>
          `${f.name}\t在册 ${f.inScope}\t覆盖 ${f.orgCovered}\t组建率 ${ratePercent(f.orgCovered, f.inScope)}\t单独组建率 ${ratePercent(f.standalone, f.inScope)}\t工作覆盖率 ${ratePercent(f.workCovered, f.inScope)}`;
        io.log(`${result.date}（${result.scope === 'survey' ? '调查口径' : '全部在册企业'}）`);
        io.log(line(result));
        for (const c of result.children) io.log(`  ${line(c)}`);
      });
    });
  return stats;
}

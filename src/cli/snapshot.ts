import { Command } from 'commander';
import { isDateString } from '../domain/calendarDate.ts';
import { CATEGORY_LABELS } from '../domain/enterprise/categories.ts';
import { inScope } from '../server/db/tx.ts';
import { HttpError } from '../server/errors.ts';
import { compareSnapshots, createSnapshot, listSnapshots } from '../server/snapshots/service.ts';
import type { SnapshotState } from '../server/snapshots/states.ts';
import { today } from '../server/today.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';

/** A refusal of the service (not found, out of scope, bad date) as the one-line CLI error. */
const asCliError = (err: unknown) => {
  if (err instanceof HttpError) throw new CliError(err.message);
  throw err;
};

const stateLabel = (s: SnapshotState) =>
  s === 'absent' ? '不在台账' : s === 'closed' ? '不在统计范围' : CATEGORY_LABELS['zh-CN'][s];

const snapshotId = (s: string) => {
  if (!/^\d+$/.test(s)) throw new CliError(`快照编号应为正整数：${s}`);
  return Number(s);
};

export function snapshotCommands(io: CliIo) {
  const snapshot = new Command('snapshot').description('调查快照：冻结某日的台账，逐户比较两次快照');
  snapshot
    .command('create')
    .description('生成某一地区截至某日的调查快照')
    .requiredOption('--date <YYYY-MM-DD>', '快照日期（不晚于今天）')
    .option('--region <code>', '行政区划代码（默认：本人管辖地区）')
    .option('--label <text>', '名称（默认：地区名与日期）')
    .option('--json', '输出 JSON')
    .addOption(asOption())
    .action(async (opts) => {
      if (!isDateString(opts.date)) throw new CliError(`日期格式应为 YYYY-MM-DD：${opts.date}`);
      await withActor(io, opts.as, 'snapshot.write', 'snapshot.create', async (opened, actor) => {
        const now = today();
        io.err(`正在冻结 ${opts.region ?? actor.regionCode} 截至 ${opts.date} 的台账…
`);
        const created = await inScope(opened.database.db, actor, (tx) =>
          createSnapshot(
            tx,
            actor,
            { date: opts.date, region: opts.region ?? actor.regionCode, label: opts.label },
            now,
          ),
        ).catch(asCliError);
        if (opts.json) io.out(`${JSON.stringify(created)}\n`);
        else io.log(`已生成快照 ${created.id}：${created.label}，${created.enterpriseCount} 户企业`);
      });
    });
  snapshot
    .command('list')
    .description('列出管辖范围内的调查快照（新的在前）')
    .option('--json', '输出 JSON')
    .addOption(asOption())
    .action((opts) =>
      withActor(io, opts.as, 'report.read', 'snapshot.list', async (opened, actor) => {
        const items = await inScope(opened.database.db, actor, (tx) => listSnapshots(tx, actor));
        if (opts.json) {
          io.out(`${JSON.stringify({ items })}\n`);
          return;
        }
        if (!items.length) io.log('还没有快照');
        for (const s of items)
          io.log(`${s.id}\t${s.takenOn}\t${s.regionName}（${s.regionCode}）\t${s.enterpriseCount} 户\t${s.label}`);
      }),
    );
  snapshot
    .command('compare')
    .description('逐户比较两次快照：分类变化矩阵，新进入与退出台账的企业数')
    .argument('<from>', '较早的快照编号')
    .argument('<to>', '较晚的快照编号')
    .option('--json', '输出 JSON')
    .addOption(asOption())
    .action(async (fromArg: string, toArg: string, opts) => {
      const [from, to] = [snapshotId(fromArg), snapshotId(toArg)];
      await withActor(io, opts.as, 'report.read', 'snapshot.compare', async (opened, actor) => {
        io.err(`正在逐户比较快照 ${from} 与 ${to}…\n`);
        const result = await inScope(opened.database.db, actor, (tx) => compareSnapshots(tx, actor, from, to)).catch(
          asCliError,
        );
        if (opts.json) {
          io.out(`${JSON.stringify(result)}\n`);
          return;
        }
        io.log(`${result.from.label}（${result.from.takenOn}） → ${result.to.label}（${result.to.takenOn}）`);
        const { entered, left, changed, unchanged } = result.totals;
        io.log(`新进入台账 ${entered} 户，退出台账 ${left} 户，分类变化 ${changed} 户，未变 ${unchanged} 户`);
        for (const t of result.transitions.filter((x) => x.from !== x.to))
          io.log(`  ${stateLabel(t.from)} → ${stateLabel(t.to)}\t${t.n} 户`);
      });
    });
  return snapshot;
}

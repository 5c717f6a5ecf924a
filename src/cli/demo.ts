import { Command, Option } from 'commander';
import type { Scale } from '../server/demo/accounts.ts';
import { runDemo } from '../server/demo/run.ts';
import { CliError, withDatabase } from './context.ts';
import type { CliIo } from './io.ts';
import { type ProgressLine, progressLine } from './progress.ts';

export function demoCommand(io: CliIo) {
  return new Command('demo')
    .description('为一个区划生成逼真、可复现的演示数据（同一种子得到同样的数据；重复运行不会重复添加）')
    .requiredOption('--region <code>', '行政区划代码：县级、地市级或省级，与 --scale 对应')
    .addOption(new Option('--scale <scale>', '规模').choices(['county', 'city', 'province']).default('county'))
    .option(
      '--seed <n>',
      '随机种子',
      (v) => {
        if (!/^\d+$/.test(v)) throw new CliError('--seed 须为非负整数');
        return Number(v);
      },
      1,
    )
    .action((opts: { region: string; scale: Scale; seed: number }) =>
      withDatabase(io, async (opened) => {
        // Progress inside each stage on standard error, a line of its own per stage; the
        // stage's summary follows on standard output when it ends.
        let stage = '';
        let line: ProgressLine | undefined;
        const progress = (name: string, done: number, total: number | null) => {
          if (name !== stage) {
            line?.end();
            stage = name;
            line = progressLine(io, name);
          }
          line?.update(done, total);
        };
        const log = (text: string) => {
          line?.end();
          line = undefined;
          stage = '';
          io.log(text);
        };
        try {
          await runDemo(opened, log, opts, progress);
        } finally {
          line?.end();
        }
      }),
    );
}

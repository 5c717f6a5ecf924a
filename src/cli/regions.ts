import { Command } from 'commander';
import { writeAudit } from '../server/audit/audit.ts';
import { inSystem } from '../server/db/tx.ts';
import { loadVillages } from '../server/regions/load.ts';
import { codeInScope } from '../server/regions/scope.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';

export function regionCommands(io: CliIo) {
  const regions = new Command('regions').description('行政区划参考数据');
  regions
    .command('load-villages')
    .description('为一个区划（县、乡镇或更高）加载其下的村（社区）')
    .requiredOption('--region <code>', '行政区划代码')
    .addOption(asOption())
    .action((opts) =>
      withActor(io, opts.as, 'region.load', 'regions.load_villages', async (opened, actor) => {
        if (!codeInScope(opts.region, actor)) throw new CliError(`行政区划 ${opts.region} 不在您的管辖范围内`);
        const n = await inSystem(opened.database.db, async (tx) => {
          const loaded = await loadVillages(tx, opts.region);
          await writeAudit(tx, {
            actorId: actor.actorId,
            actorName: actor.username,
            ip: actor.ip,
            action: 'regions.load_villages',
            entity: 'region',
            entityId: opts.region,
            result: 'success',
            diff: { loaded },
          });
          return loaded;
        });
        io.log(`已加载 ${opts.region} 下的村（社区）${n} 个`);
      }),
    );
  return regions;
}

import { Command } from 'commander';
import { verifyAudit } from '../server/audit/audit.ts';
import { asOption, CliError, requireCli, resolveActor, withDatabase } from './context.ts';
import type { CliIo } from './io.ts';

export function auditCommands(io: CliIo) {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链，列出被修改、删除或重新链接的记录')
    .addOption(asOption())
    .action((opts) =>
      withDatabase(io, async (opened) => {
        const actor = await resolveActor(opened, opts.as);
        await requireCli(opened, actor, 'audit.read', 'audit.verify');
        const result = await verifyAudit(opened.database.db);
        if (result.problems.length === 0) {
          io.log(`审计日志完整：共 ${result.rows} 条，哈希链无断点`);
          return;
        }
        for (const p of result.problems) io.log(p.message);
        throw new CliError(`审计日志被篡改：发现 ${result.problems.length} 处问题（共 ${result.rows} 条）`);
      }),
    );
  return audit;
}

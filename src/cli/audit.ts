import { Command } from 'commander';
import { verifyAudit } from '../server/audit/verify.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';

const SHOWN = 100;

export function auditCommands(io: CliIo) {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链，列出被修改、删除或重新链接的记录')
    .addOption(asOption())
    .action((opts) =>
      withActor(io, opts.as, 'audit.read', 'audit.verify', async (opened) => {
        const result = await verifyAudit(opened.database.db);
        if (result.problems.length === 0) {
          io.log(`审计日志完整：共 ${result.rows} 条，哈希链无断点`);
          io.log(
            result.anchor
              ? `库外锚点：第 ${result.anchor.seq} 条，与表中一致`
              : '没有库外锚点文件（新的数据目录）：无法检查末尾的记录是否被删除；下次写入后会建立锚点',
          );
          return;
        }
        // A rewrite of the whole chain names every row; the first ones say enough.
        for (const p of result.problems.slice(0, SHOWN)) io.log(p.message);
        if (result.problems.length > SHOWN) io.log(`……另有 ${result.problems.length - SHOWN} 处问题`);
        throw new CliError(`审计日志被篡改：发现 ${result.problems.length} 处问题（共 ${result.rows} 条）`);
      }),
    );
  return audit;
}

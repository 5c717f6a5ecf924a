// `dangjian export national-members --region CODE --out FILE.xlsx`: the member roster in the
// national system's layout (docs/national-files.md), audited; full ID and phone numbers only
// for a user with the reveal permission, as on the web.
import fs from 'node:fs';
import { Command } from 'commander';
import { inScope } from '../server/db/tx.ts';
import { HttpError } from '../server/errors.ts';
import { exportNationalMembers } from '../server/national/memberExport.ts';
import { asOption, CliError, withActor } from './context.ts';
import { writeExport } from './exportFile.ts';
import type { CliIo } from './io.ts';

export function exportCommands(io: CliIo) {
  const cmd = new Command('export').description('导出文件');
  cmd
    .command('national-members')
    .description('导出全国党员管理信息系统格式的党员信息（某地区；有查看完整号码权限者导出完整号码；记入审计）')
    .requiredOption('--region <code>', '行政区划代码')
    .requiredOption('--out <file.xlsx>', '输出 .xlsx 文件')
    .addOption(asOption())
    .action((opts: { region: string; out: string; as?: string }) => {
      if (!opts.out.toLowerCase().endsWith('.xlsx')) throw new CliError(`--out 应为 .xlsx 文件：${opts.out}`);
      return withActor(io, opts.as, 'member.read', 'member.national_export', async (opened, actor) => {
        try {
          const result = await writeExport(opts.out, (part) =>
            inScope(opened.database.db, actor, async (tx) => {
              const exported = await exportNationalMembers(tx, actor, opened.keys, opts.region);
              fs.writeFileSync(part, exported.buffer, { mode: 0o600 });
              return exported;
            }),
          );
          io.err(
            `已导出 ${result.rows} 名党员 → ${opts.out}（${result.reveal ? '完整号码' : '号码已脱敏，不能上传全国系统'}）\n`,
          );
        } catch (err) {
          if (err instanceof HttpError) throw new CliError(err.message);
          throw err;
        }
      });
    });
  return cmd;
}

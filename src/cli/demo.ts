import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { seeded } from '../domain/random.ts';
import { localOperator } from '../server/actor.ts';
import { inScope } from '../server/db/tx.ts';
import { demoAccounts, type Scale } from '../server/demo/accounts.ts';
import { writeDemoEnterpriseFile } from '../server/demo/enterprises.ts';
import { demoInstructors } from '../server/demo/instructors.ts';
import { demoOrgs } from '../server/demo/orgs.ts';
import { runImport } from '../server/imports/enterprises/run.ts';
import { CliError, withDatabase } from './context.ts';
import type { CliIo } from './io.ts';

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
        const { database } = opened;
        const operator = localOperator();
        const rand = seeded(opts.seed);
        const accounts = await inScope(database.db, operator, (tx) =>
          demoAccounts(tx, operator, rand, opts.region, opts.scale),
        );
        const created = accounts.filter((a) => a.oneTimePassword);
        io.log(`演示账户：${accounts.length} 个（本次新建 ${created.length} 个）`);
        // Every account's first login forces a password change; print what is needed for that once.
        for (const a of created.slice(0, 12)) {
          io.log(`  ${a.username.padEnd(14)} ${a.oneTimePassword}  ${a.displayName}（${a.role}，${a.regionCode}）`);
        }
        if (created.length > 12) io.log(`  ……其余 ${created.length - 12} 个账户请由系统管理员重置密码后使用`);

        // The enterprises go through the real import, as a county's first regulator file would.
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-demo-'));
        try {
          const file = path.join(dir, `演示企业-${opts.region}.csv`);
          await writeDemoEnterpriseFile(database.db, rand, opts.region, opts.scale, file);
          const now = new Date();
          const result = await runImport(opened, operator, {
            path: file,
            fileName: path.basename(file),
            period: `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`,
            source: '演示数据',
            partial: false,
            dryRun: false,
            apply: true,
          });
          if (result.status !== 'applied') {
            throw new CliError(`演示企业导入失败：${result.errors[0]?.message ?? result.status}`);
          }
          io.log(
            `演示企业：${result.rows} 家（新增 ${result.added}，未变 ${result.unchanged}），导入批次 ${result.batchId}`,
          );
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }

        const orgs = await inScope(database.db, operator, (tx) =>
          demoOrgs(tx, operator, opened.keys, rand, opts.region),
        );
        io.log(
          `演示党组织：${orgs.orgs} 个，逐人登记党员 ${orgs.members} 名，发展党员记录 ${orgs.developments} 条（已有党组织的区划不再添加）`,
        );
        for (const a of orgs.accounts) {
          io.log(`  ${a.username.padEnd(14)} ${a.oneTimePassword}  ${a.displayName}（${a.role}，${a.regionCode}）`);
        }

        const work = await inScope(database.db, operator, (tx) =>
          demoInstructors(tx, operator, opened.keys, rand, opts.region),
        );
        io.log(
          `演示指导员：${work.instructors} 名，联系企业 ${work.assignments} 家，走访记录 ${work.contacts} 条，诉求 ${work.requests} 件（已有指导员的区划不再添加）`,
        );
        for (const a of work.accounts) {
          io.log(`  ${a.username.padEnd(14)} ${a.oneTimePassword}  ${a.displayName}（${a.role}，${a.regionCode}）`);
        }
      }),
    );
}

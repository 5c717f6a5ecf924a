import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { ROLES } from '../domain/roles.ts';
import { users } from '../server/db/schema.ts';
import { inScope } from '../server/db/tx.ts';
import { createUser, resetPasswordAsOperator } from '../server/users/service.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';

export function userCommands(io: CliIo) {
  const user = new Command('user').description('用户账户');

  user
    .command('create')
    .description('创建用户并打印一次性密码（首次登录须修改）')
    .requiredOption('--username <name>', '用户名：3–32 位小写字母、数字或 _ . -')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--region <code>', '所属行政区划代码（其数据范围的根）')
    .option('--role <role...>', `角色，可多个：${ROLES.join(', ')}`)
    .option('--org <id>', '党组织书记账户所属的党组织编号（其数据范围即该党组织）', (v) => {
      if (!/^[1-9]\d*$/.test(v)) throw new CliError('--org 须为党组织编号（正整数）');
      return Number(v);
    })
    .option('--instructor <id>', '党建指导员账户对应的指导员编号（其数据范围即选派给他的企业）', (v) => {
      if (!/^[1-9]\d*$/.test(v)) throw new CliError('--instructor 须为指导员编号（正整数）');
      return Number(v);
    })
    .addOption(asOption())
    .action((opts) =>
      withActor(io, opts.as, 'user.write', 'user.create', async (opened, actor) => {
        const created = await inScope(opened.database.db, actor, (tx) =>
          createUser(tx, actor, {
            username: opts.username,
            displayName: opts.name,
            regionCode: opts.region,
            roles: opts.role ?? [],
            orgId: opts.org ?? null,
            instructorId: opts.instructor ?? null,
          }),
        );
        io.log(`已创建用户 ${created.user.username}（${created.user.roles.join(', ') || '无角色'}）`);
        io.log(`一次性密码：${created.oneTimePassword}`);
      }),
    );

  user
    .command('reset-password')
    .description('重置用户密码并打印新的一次性密码，同时结束其全部会话')
    .argument('<username>')
    .addOption(asOption())
    .action((username: string, opts) =>
      withActor(io, opts.as, 'user.write', 'user.reset_password', async (opened, actor) => {
        const [target] = await opened.database.db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.username, username.toLowerCase()));
        if (!target) throw new CliError(`用户 ${username} 不存在`);
        const result = await inScope(opened.database.db, actor, (tx) => resetPasswordAsOperator(tx, actor, target.id));
        io.log(`已重置 ${result.user.username} 的密码（锁定已解除）`);
        io.log(`一次性密码：${result.oneTimePassword}`);
      }),
    );

  return user;
}

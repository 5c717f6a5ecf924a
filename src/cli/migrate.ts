import { Command } from 'commander';
import { currentMigration } from '../server/db/migrate.ts';
import { withDatabase } from './context.ts';
import type { CliIo } from './io.ts';

export function migrateCommand(io: CliIo) {
  return new Command('migrate').description('应用数据库迁移并加载参考数据（行政区划至乡镇、行业分类）').action(() =>
    withDatabase(io, async ({ database }) => {
      io.log(`数据库（${database.kind}）已是最新：${await currentMigration(database)}`);
    }),
  );
}

import path from 'node:path';
import { Command } from 'commander';
import { createBackup, createBackupFromServer, restoreBackup } from '../server/backup/run.ts';
import { loadConfig } from '../server/config.ts';
import { DataDirBusy } from '../server/db/dataDir.ts';
import { readKeys } from '../server/keys.ts';
import { CliError, withDatabase } from './context.ts';
import type { CliIo } from './io.ts';

const failed = (err: unknown) => new CliError(err instanceof Error ? err.message : String(err));

export function backupCommands(io: CliIo): Command[] {
  const progress = (line: string) => io.err(`${line}\n`);
  const backup = new Command('backup')
    .description('备份数据库（一致快照；不含主密钥，恢复时须提供同一主密钥）')
    .requiredOption('--out <file>', '备份文件')
    .action(async (opts) => {
      const out = path.resolve(opts.out);
      try {
        await withDatabase(io, (opened) => createBackup(opened.database, opened.config, opened.keys, out, progress));
      } catch (err) {
        // The embedded database is held by another process: if it is the server, it takes the snapshot.
        if (!(err instanceof DataDirBusy)) throw err instanceof CliError ? err : failed(err);
        const done = await createBackupFromServer(loadConfig(io.env).dataDir, out, progress).catch((e) => {
          throw failed(e);
        });
        if (!done) throw failed(err);
      }
    });
  const restore = new Command('restore')
    .description('从备份文件恢复到空的数据目录或空的 PostgreSQL 数据库')
    .argument('<file>', '备份文件')
    .action(async (file: string) => {
      const config = loadConfig(io.env);
      let keys: ReturnType<typeof readKeys>;
      try {
        keys = readKeys(config.dataDir, io.env);
      } catch (err) {
        throw failed(err);
      }
      await restoreBackup(path.resolve(file), { config, keys }, progress).catch((err) => {
        throw failed(err);
      });
    });
  return [backup, restore];
}

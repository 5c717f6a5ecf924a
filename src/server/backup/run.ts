/** `dangjian backup` and `dangjian restore`: a consistent snapshot out, and back into an empty database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { anchorPath, writeAnchor } from '../audit/anchor.ts';
import { auditChainFor, bindAuditChain } from '../audit/chain.ts';
import { verifyAudit } from '../audit/verify.ts';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { Keys } from '../keys.ts';
import { type BackupHeader, extractPayload, readBackupHeader, writeBackupFile } from './format.ts';
import { snapshotFromServer } from './online.ts';
import { countsOf, dumpPglite, loadPglite, pgliteDirEmpty } from './pglite.ts';
import { countsAt, dumpPostgres, postgresEmpty, restorePostgres } from './postgres.ts';
import { knownMigrationLevel } from './snapshot.ts';

export type Progress = (line: string) => void;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A private scratch directory for the payload, removed whatever happens. */
async function withScratch<T>(fn: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-backup-'));
  try {
    return await fn(path.join(dir, 'payload'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function createBackup(
  database: Database,
  config: Config,
  keys: Keys,
  out: string,
  progress: Progress,
): Promise<BackupHeader> {
  return withScratch(async (payload) => {
    progress(
      database.kind === 'pglite'
        ? '读取快照：嵌入式数据库（PGlite 数据目录转储）…'
        : '读取快照：PostgreSQL（pg_dump，可重复读事务中的一致快照）…',
    );
    const snap =
      database.kind === 'pglite'
        ? await dumpPglite(database, payload)
        : await dumpPostgres(config.databaseUrl as string, payload);
    return finish(database.kind, { ...snap, keyFingerprint: keys.fingerprint }, payload, out, progress);
  });
}

/**
 * The same backup of an embedded database that a running server holds, taken by that server
 * (online.ts). Null when no server answers on the data directory.
 */
export async function createBackupFromServer(
  dataDir: string,
  out: string,
  progress: Progress,
): Promise<BackupHeader | null> {
  return withScratch(async (payload) => {
    const snap = await snapshotFromServer(dataDir, payload);
    if (!snap) return null;
    progress('读取快照：由运行中的服务生成（PGlite 数据目录转储，服务不中断）…');
    return finish('pglite', snap, payload, out, progress);
  });
}

async function finish(
  kind: BackupHeader['kind'],
  snap: Pick<BackupHeader, 'tables' | 'audit' | 'migration' | 'keyFingerprint'>,
  payload: string,
  out: string,
  progress: Progress,
): Promise<BackupHeader> {
  const rows = Object.values(snap.tables).reduce((a, b) => a + b, 0);
  progress(
    `已导出 ${Object.keys(snap.tables).length} 张表、${rows} 行（${mb(fs.statSync(payload).size)}），写入 ${out} …`,
  );
  const { tables, audit, migration, keyFingerprint } = snap;
  const header = await writeBackupFile(
    out,
    { kind, createdAt: new Date().toISOString(), migration, keyFingerprint, tables, audit },
    payload,
  );
  progress(`备份完成：${out}（${mb(fs.statSync(out).size)}；审计日志到第 ${snap.audit?.seq ?? 0} 条）`);
  return header;
}

export interface RestoreTarget {
  config: Config;
  /** The master key of the target; null when there is none (a restore never makes one). */
  keys: Keys | null;
}

function sameCounts(expected: Record<string, number>, actual: Record<string, number>): string | null {
  for (const [table, n] of Object.entries(expected))
    if (actual[table] !== n) return `表 ${table} 应有 ${n} 行，恢复后为 ${actual[table] ?? 0} 行`;
  return null;
}

/**
 * Checks everything that can be checked before writing (the file's integrity, the master key,
 * the code's migration level, an empty target), restores, compares every table's row count
 * with the backup's, and anchors the restored audit chain.
 */
export async function restoreBackup(file: string, target: RestoreTarget, progress: Progress): Promise<BackupHeader> {
  const { config, keys } = target;
  const { header, offset } = await readBackupHeader(file);
  if (!keys)
    throw new Error(
      '恢复需要备份时使用的主密钥（备份文件不含主密钥）：请设置 DANGJIAN_MASTER_KEY，或将原来的 keys/master.key 放入数据目录；未写入任何数据',
    );
  if (keys.fingerprint !== header.keyFingerprint)
    throw new Error('主密钥与备份时的不同：用它无法解密备份中的个人信息，也无法校验审计链；未写入任何数据');
  const kind = config.databaseUrl ? 'postgresql' : 'pglite';
  if (header.kind !== kind)
    throw new Error(
      header.kind === 'pglite'
        ? '这是嵌入式数据库（PGlite）的备份，只能恢复到嵌入式数据库：请不要设置 DATABASE_URL'
        : '这是 PostgreSQL 的备份，只能恢复到 PostgreSQL：请设置 DATABASE_URL 指向一个空数据库',
    );
  if (header.migration > knownMigrationLevel()) throw new Error('备份来自更新版本的 Dangjian：请先升级程序再恢复');
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (kind === 'pglite' ? !pgliteDirEmpty(pgliteDir) : !(await postgresEmpty(config.databaseUrl as string)))
    throw new Error(
      kind === 'pglite'
        ? `数据目录 ${config.dataDir} 中已有数据库：恢复只写入新的数据目录（请指定一个空的 DANGJIAN_DATA_DIR）`
        : 'DATABASE_URL 指向的数据库不是空的：恢复只写入新建的空数据库',
    );

  return withScratch(async (payload) => {
    progress(`校验备份文件（${header.payloadBytes} 字节，${header.createdAt}）…`);
    await extractPayload(file, offset, header, payload);
    progress(kind === 'pglite' ? `写入 ${pgliteDir} …` : '写入 PostgreSQL（pg_restore，单一事务）…');
    let database: Database | null = null;
    try {
      if (kind === 'pglite') {
        database = await loadPglite(pgliteDir, payload);
      } else {
        await restorePostgres(config.databaseUrl as string, payload);
        database = await openDatabase({ databaseUrl: config.databaseUrl });
      }
      const tables =
        kind === 'pglite' ? await countsOf(database) : (await countsAt(config.databaseUrl as string)).tables;
      const mismatch = sameCounts(header.tables, tables);
      if (mismatch) throw new Error(`恢复结果与备份不符：${mismatch}`);
      progress(`已恢复 ${Object.keys(tables).length} 张表，各表行数与备份一致；校验审计链…`);
      const chain = auditChainFor(keys, anchorPath(config.dataDir));
      bindAuditChain(database.db, chain);
      // The restored chain ends where the backup's did: that is the head to anchor from now on.
      if (header.audit) {
        writeAnchor(chain, { ...header.audit, keyedFrom: await firstKeyed(database) });
        progress(`审计链锚点设为备份中的最后一条（第 ${header.audit.seq} 条）`);
      }
      const verified = await verifyAudit(database.db);
      if (verified.problems.length > 0) throw new Error(`恢复后的审计链校验失败：${verified.problems[0].message}`);
      progress(`审计日志完整：共 ${verified.rows} 条`);
    } catch (err) {
      // Nothing half-restored stays behind for the next start to mistake for a database.
      if (kind === 'pglite') {
        await database?.close();
        database = null;
        fs.rmSync(pgliteDir, { recursive: true, force: true });
      }
      throw err;
    } finally {
      await database?.close();
    }
    progress('恢复完成');
    return header;
  });
}

async function firstKeyed(database: Database): Promise<number | null> {
  const [row] = await queryRows<{ seq: string | null }>(
    database.db,
    sql`select min(seq)::text as seq from audit_log where keyed`,
  );
  return row?.seq == null ? null : Number(row.seq);
}

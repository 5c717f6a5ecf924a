/**
 * `dangjian backup` and `dangjian restore` on the database this run targets (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL): a round trip gives every table the same row count, an
 * intact audit chain and ID numbers that still decrypt; a wrong or missing key, a damaged
 * file and a non-empty target are refused before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import { type Db, openDatabase } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { inScope } from '../db/tx.ts';
import { loadKeys } from '../keys.ts';
import { revealMember } from '../members/queries.ts';
import { runCli } from '../testing/cli.ts';
import { counts, type Place, place as placeFor, withPlace } from '../testing/places.ts';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

const place = (opts: { migrated: boolean; keyFrom?: string }) => placeFor(cleanups, opts);
const cli = (args: string[], at: Place) => runCli(args, at.dir, { env: at.env });

const reveal = (db: Db, at: Place, id: number) =>
  inScope(db, localOperator(), (tx) => revealMember(tx, localOperator(), loadKeys(at.dir, {}), id));

let source: Place;
let file: string;
let before: Record<string, number>;
let memberId: number;
let idNumber: string;
let backupProgress: string;

beforeAll(async () => {
  source = await place({ migrated: true });
  const demo = await cli(['demo', '--region', '420506', '--scale', 'county'], source);
  expect(demo.code, demo.stderr).toBe(0);
  await withPlace(source, async (db) => {
    [{ id: memberId }] = await queryRows<{ id: number }>(db, sql`select id from members order by id limit 1`);
    ({ idNumber } = await reveal(db, source, memberId));
  });
  file = path.join(source.dir, 'backup.djb');
  const res = await cli(['backup', '--out', file], source);
  expect(res.code, res.stderr).toBe(0);
  backupProgress = res.stderr;
  before = await withPlace(source, counts);
}, 600_000);

describe('a backup', () => {
  it('shows its progress, and holds neither the master key nor anything readable without it', async () => {
    const key = fs.readFileSync(path.join(source.dir, 'keys', 'master.key'), 'utf8').trim();
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(key)).toBe(false);
    expect(bytes.includes(Buffer.from(key, 'hex'))).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(before.members).toBeGreaterThan(0);
    expect(backupProgress).toContain('读取快照');
    expect(backupProgress).toMatch(/已导出 \d+ 张表/);
    expect(backupProgress).toContain('备份完成');
  });
});

describe('a restore', () => {
  it('into an empty place under the same master key restores every table, the audit chain and the encrypted fields', async () => {
    const target = await place({ migrated: false, keyFrom: source.dir });
    const res = await cli(['restore', file], target);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('各表行数与备份一致');
    expect(res.stderr).toContain('恢复完成');

    const verify = await cli(['audit', 'verify'], target);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/审计日志完整.*\n库外锚点：第 \d+ 条，与表中一致/);

    await withPlace(target, async (db) => {
      expect(await counts(db)).toEqual(before);
      expect((await reveal(db, target, memberId)).idNumber).toBe(idNumber);
    });
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);

    // Restored once, the place is no longer empty: a second restore is refused.
    const again = await cli(['restore', file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^错误：.*(已有数据库|不是空的)/);
  });

  it('under another master key is refused before anything is written', async () => {
    const target = await place({ migrated: false });
    loadKeys(target.dir, {});
    const res = await cli(['restore', file], target);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^错误：主密钥与备份时的不同/);
    await expectEmpty(target);
  });

  it('without any master key is refused, saying the backup does not hold it', async () => {
    const target = await place({ migrated: false });
    const res = await cli(['restore', file], target);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('备份文件不含主密钥');
    expect(fs.existsSync(path.join(target.dir, 'keys'))).toBe(false);
    await expectEmpty(target);
  });

  it('of a damaged file is refused before anything is written', async () => {
    const damaged = path.join(source.dir, 'damaged.djb');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    const target = await place({ migrated: false, keyFrom: source.dir });
    const res = await cli(['restore', damaged], target);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('备份文件已损坏');
    await expectEmpty(target);
  });
});

async function expectEmpty(target: Place) {
  if (!target.env.DATABASE_URL) {
    expect(fs.existsSync(path.join(target.dir, 'pglite'))).toBe(false);
    return;
  }
  const database = await openDatabase({ databaseUrl: target.env.DATABASE_URL });
  try {
    expect(
      await queryRows(database.db, sql`select tablename from pg_tables where schemaname in ('public', 'drizzle')`),
    ).toEqual([]);
  } finally {
    await database.close();
  }
}

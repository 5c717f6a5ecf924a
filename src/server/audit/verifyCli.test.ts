/**
 * `dangjian audit verify` on a real data directory: intact, then tampered behind the app's
 * back. PGlite is one process's database, so the test opens it only while no CLI runs.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema.ts';
import { migratedDataDir, removeDir, runCli, withDataDir } from '../testing/cli.ts';
import { behindTheAppsBack } from '../testing/tamper.ts';

let dir: string;

beforeAll(async () => {
  dir = await migratedDataDir();
  // Three accounts, so three audit rows or more (the whole demo county took minutes for the same).
  for (const n of [1, 2, 3]) {
    const res = await runCli(
      ['user', 'create', '--username', `verify${n}`, '--name', '核查员', '--region', '420506', '--role', 'leader'],
      dir,
    );
    expect(res.code, res.stderr).toBe(0);
  }
});
afterAll(() => removeDir(dir));

const tamper = (seq: number) =>
  withDataDir(dir, (db) =>
    behindTheAppsBack(db, (tx) => tx.update(auditLog).set({ actorName: 'someone-else' }).where(eq(auditLog.seq, seq))),
  );

describe('dangjian audit verify', () => {
  it('reports an intact chain and exits 0', async () => {
    const res = await runCli(['audit', 'verify'], dir);
    expect(res.code).toBe(0);
    expect(Number(/审计日志完整：共 (\d+) 条/.exec(res.stdout)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('after tampering, names the row and exits 1 with one error line', async () => {
    await tamper(2);
    const res = await runCli(['audit', 'verify'], dir);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('审计记录 2 的内容与其哈希不符（被修改）');
    const lines = res.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^错误：审计日志被篡改：发现 1 处问题/);
  });
});

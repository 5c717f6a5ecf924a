/**
 * `dangjian backup` while `dangjian serve` runs on the same data directory: on PGlite, which
 * only the server may open, the server takes the snapshot for the command; on PostgreSQL the
 * command dumps beside it. Either way the server keeps serving, and the backup restores to the
 * same row counts with an intact audit chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startServer } from '../serve.ts';
import { runCli } from '../testing/cli.ts';
import { HEADER, row, uscc, writeCsv } from '../testing/enterpriseFiles.ts';
import { expectAuditVerified } from '../testing/faults.ts';
import { counts, place, processEnv, withPlace } from '../testing/places.ts';
import { freePort, killAll, printed, startDangjian } from '../testing/processes.ts';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  killAll();
  for (const clean of cleanups.reverse()) await clean();
});

it('is taken while the server runs, which goes on answering, and restores to the same data', async () => {
  const at = await place(cleanups, { migrated: true });
  const file = writeCsv([HEADER, ...Array.from({ length: 300 }, (_, i) => row(uscc(), `在线备份${i}有限公司`))]);
  cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  const imported = await runCli(
    ['import', 'enterprises', file, '--period', '2026Q3', '--source', '市场监管局年报'],
    at.dir,
    { env: at.env },
  );
  expect(imported.code, imported.stderr).toBe(0);

  const port = await freePort();
  const server = await startServer({ ...loadConfig(processEnv(at)), port }, () => {});
  const out = path.join(at.dir, 'online.djb');
  try {
    const backup = startDangjian(['backup', '--out', out], processEnv(at));
    const code = await new Promise<number | null>((resolve) => backup.process.once('exit', resolve));
    expect(code, backup.output()).toBe(0);
    await printed(backup, at.env.DATABASE_URL ? /PostgreSQL（pg_dump/ : /由运行中的服务生成/);
    expect(backup.output()).toContain('备份完成');
    // It served throughout, and still does.
    expect((await fetch(`http://127.0.0.1:${port}/api/session`)).status).toBe(200);
  } finally {
    await server.stop();
  }
  expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  const before = await withPlace(at, counts);

  const target = await place(cleanups, { migrated: false, keyFrom: at.dir });
  const restored = await runCli(['restore', out], target.dir, { env: target.env });
  expect(restored.code, restored.stderr).toBe(0);
  expect(restored.stderr).toContain('各表行数与备份一致');
  expect(await withPlace(target, counts)).toEqual(before);
  expect(before.enterprises).toBeGreaterThanOrEqual(300);
  await expectAuditVerified(target);
}, 600_000);

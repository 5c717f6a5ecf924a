// Fault test (issue #12), the CLI: `dangjian import` killed outright (SIGKILL) while it reads
// the file, once every row is staged, and inside the transaction that writes the ledger; and
// `dangjian report … --out` killed inside its export. After each, the next start of the server
// proves nothing partial was applied, nothing of the killed work is left (staged rows, the kept
// file, its plaintext copy), and `audit verify` is clean. On PGlite and, with
// TEST_DATABASE_URL, on PostgreSQL. Real processes, so it is slow: the scenarios share a place.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { queryRows } from '../db/rows.ts';
import type { FaultPoint } from '../faultPoint.ts';
import { startServer } from '../serve.ts';
import { runCli } from '../testing/cli.ts';
import {
  aftermath,
  enterpriseFile,
  expectAbandoned,
  expectAuditVerified,
  sessionsOfTheDeadGone,
} from '../testing/faults.ts';
import { type Place, place, processEnv, withPlace } from '../testing/places.ts';
import { type Child, killAll, killHard, pausedAt, printed, startDangjian } from '../testing/processes.ts';

const cleanups: (() => unknown)[] = [];
let at: Place;
beforeAll(async () => {
  at = await place(cleanups, { migrated: true });
}, 120_000);
afterAll(async () => {
  killAll();
  for (const clean of cleanups.reverse()) await clean();
});

/** The next start: the server opens the database, cleans up, and stops. */
async function nextStart() {
  await sessionsOfTheDeadGone(at);
  const server = await startServer({ ...loadConfig(processEnv(at)), port: 0 }, () => {});
  await server.stop();
}

const importArgs = (file: string) => [
  'import',
  'enterprises',
  file,
  '--period',
  '2026Q3',
  '--source',
  '市场监管局年报',
];

/** Kills the import at `moment`, starts the server again, and checks what is left. */
async function killedImport(moment: (child: Child) => Promise<void>, pause?: FaultPoint) {
  // Without a pause the kill comes after the first chunk's progress line, with chunks still to read.
  const { codes, file } = enterpriseFile(cleanups, pause ? 1000 : 20_000);
  const child = startDangjian(importArgs(file), processEnv(at), pause);
  await moment(child);
  await killHard(child);
  await nextStart();
  expectAbandoned(await aftermath(at, codes));
  await expectAuditVerified(at);
}

describe('an import killed', () => {
  it('while it reads, after its first rows were staged: nothing applied, nothing left', async () => {
    await killedImport((child) => printed(child, /读取并校验：[1-9][\d,]* \//));
  }, 300_000);

  it('while it reads, its file decrypted for reading: the plaintext copy goes too', async () => {
    await killedImport(async (child) => {
      await pausedAt(child, 'import-read');
      expect(fs.readdirSync(path.join(at.dir, 'imports')).some((n) => n.startsWith('open-'))).toBe(true);
    }, 'import-read');
  }, 300_000);

  it('once every row is staged, before the batch was checked: its staged rows are removed', async () => {
    await killedImport((child) => pausedAt(child, 'import-stage'), 'import-stage');
  }, 300_000);

  it('inside the transaction that writes the ledger: none of it is applied', async () => {
    await killedImport((child) => pausedAt(child, 'import-apply'), 'import-apply');
  }, 300_000);

  it('leaves the next import of the same file to go through whole', async () => {
    const { codes, file } = enterpriseFile(cleanups, 500);
    const res = await runCli([...importArgs(file), '--json'], at.dir, { env: at.env });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'applied', added: 500 });
    expect((await aftermath(at, codes)).applied).toBe(500);
  }, 300_000);
});

describe('a report export killed', () => {
  const exports = (db: Parameters<Parameters<typeof withPlace>[1]>[0]) =>
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'report.quarterly_export'`,
    );

  it('after writing its file, before its transaction committed: no file, no export recorded; the next export clears the part', async () => {
    const outDir = fs.mkdtempSync(path.join(at.dir, 'out-'));
    const out = path.join(outDir, '季报.xlsx');
    const args = ['report', 'quarterly', '--region', '420500', '--quarter', '2026Q3', '--out', out];
    const child = startDangjian(args, processEnv(at), 'export-write');
    await pausedAt(child, 'export-write');
    await killHard(child);
    expect(fs.readdirSync(outDir)).toEqual([`.季报.xlsx.${child.process.pid}.part`]);
    await sessionsOfTheDeadGone(at);
    expect(await withPlace(at, exports)).toEqual([{ n: 0 }]);
    await expectAuditVerified(at);

    const again = await runCli(args, at.dir, { env: at.env });
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['季报.xlsx']);
    expect(await withPlace(at, exports)).toEqual([{ n: 1 }]);
    await expectAuditVerified(at);
  }, 300_000);
});

// Fault test (issue #12), the server: `dangjian serve` killed outright (SIGKILL) while an import
// uploaded over HTTP is read, once its rows are staged, and inside the transaction of its
// confirmation; and inside the transaction of a report export. After each the server is started
// again and proves, over HTTP and in its database: the ledger holds all of the import or none of
// it, no staged rows are left of a batch that will never be confirmed, the killed batch is shown
// failed with a clear message (or, killed while confirming, is still there to confirm whole),
// no export is recorded that did not happen, `audit verify` is clean, and the server answers.
// On PGlite and, with TEST_DATABASE_URL, on PostgreSQL (the helpers are the CLI test's).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.ts';
import type { FaultPoint } from '../faultPoint.ts';
import type { TestClient } from '../testing/client.ts';
import {
  aftermath,
  enterpriseFile,
  expectAbandoned,
  expectAuditVerified,
  sessionsOfTheDeadGone,
} from '../testing/faults.ts';
import { type Place, place, withPlace } from '../testing/places.ts';
import { killAll, pausedAt } from '../testing/processes.ts';
import {
  killServer,
  loginOver,
  makeCommittee,
  type Served,
  serve,
  serverPort,
  stopServer,
} from '../testing/servers.ts';
import { settled, uploadEnterprises } from '../testing/uploads.ts';
import { ABANDONED } from './ownership.ts';

const USER = 'fault_city';
const cleanups: (() => unknown)[] = [];
let at: Place;
let port: number;
let client: TestClient;
beforeAll(async () => {
  at = await place(cleanups, { migrated: true });
  await makeCommittee(at, USER);
  port = await serverPort();
}, 300_000);
afterAll(async () => {
  killAll();
  for (const clean of cleanups.reverse()) await clean();
});

/** A server that stops at `pause`; the client, logged in on the first, talks to it (same port, same session). */
async function pausing(pause: FaultPoint) {
  const server = await serve(at, port, pause);
  client ??= await loginOver(server, USER);
  return server;
}

/** The city's ledger as its committee sees it: how many enterprises. */
async function ledgerTotal() {
  const res = await client.get('/api/enterprises');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.total as number;
}

/** Kills it, waits for its database sessions to end, and starts the next server, which cleans up. */
async function killAndRestart(served: Served): Promise<Served> {
  await killServer(served);
  await sessionsOfTheDeadGone(at);
  const next = await serve(at, port);
  // It answers, and the session of before the kill is still good.
  expect((await client.get('/api/session')).body).toMatchObject({ user: { username: USER } });
  return next;
}

/** Uploads a file of `n` enterprises to a server paused at `pause`, kills it there, and starts the next one. */
async function killedWhileReading(pause: 'import-read' | 'import-stage') {
  const { codes, file } = enterpriseFile(cleanups, 300);
  const server = await pausing(pause);
  const upload = await uploadEnterprises(client, file);
  expect(upload.status, JSON.stringify(upload.body)).toBe(200);
  await pausedAt(server.child, pause);
  const next = await killAndRestart(server);
  try {
    // Shown failed, with the message that says what happened and what to do.
    const batch = await client.get(`/api/imports/enterprises/batches/${upload.body.id}`);
    expect(batch.body).toMatchObject({ status: 'failed', failure: ABANDONED });
  } finally {
    await stopServer(next);
  }
  expectAbandoned(await aftermath(at, codes));
  await expectAuditVerified(at);
}

describe('the server killed during an import', () => {
  it('while it reads the uploaded file: the batch is failed, nothing applied, nothing left', async () => {
    await killedWhileReading('import-read');
  }, 300_000);

  it('once every row is staged, before the batch was checked: its staged rows are removed', async () => {
    await killedWhileReading('import-stage');
  }, 300_000);

  it('inside the transaction of its confirmation: none of it applied; confirmed again, all of it', async () => {
    const { codes, file } = enterpriseFile(cleanups, 300);
    const server = await pausing('import-apply');
    const before = await ledgerTotal();
    const upload = await uploadEnterprises(client, file);
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    const batch = `/api/imports/enterprises/batches/${upload.body.id}`;
    expect((await settled(client, upload.body.id, 120_000)).body.status).toBe('staged');
    const confirming = client.post(`${batch}/apply`).then(
      () => 'answered',
      () => 'no answer',
    );
    await pausedAt(server.child, 'import-apply');
    const next = await killAndRestart(server);
    expect(await confirming).toBe('no answer');
    try {
      // Rolled back whole: the ledger as before, the batch as before its confirmation, to confirm again.
      expect(await ledgerTotal()).toBe(before);
      expect((await client.get(batch)).body).toMatchObject({ status: 'staged', failure: null });
      const applied = await client.post(`${batch}/apply`);
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
      expect(applied.body).toMatchObject({ status: 'applied' });
      expect(await ledgerTotal()).toBe(before + 300);
    } finally {
      await stopServer(next);
    }
    const after = await aftermath(at, codes);
    expect(after.applied).toBe(300);
    await expectAuditVerified(at);
  }, 300_000);
});

describe('the server killed during a report export', () => {
  const exports = () =>
    withPlace(at, (db) =>
      queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from audit_log where action = 'report.quarterly_export'`,
      ),
    );
  const xlsx = '/api/reports/quarterly.xlsx?region=420500&quarter=2026Q3';

  it('after it was audited, before its transaction committed: no export recorded; the next one goes through', async () => {
    const before = (await exports())[0].n;
    const server = await pausing('export');
    const exporting = client.request('GET', xlsx, undefined, { binary: true }).then(
      () => 'answered',
      () => 'no answer',
    );
    await pausedAt(server.child, 'export');
    const next = await killAndRestart(server);
    expect(await exporting).toBe('no answer');
    try {
      const again = await client.request('GET', xlsx, undefined, { binary: true });
      expect(again.status).toBe(200);
      expect(again.bytes?.subarray(0, 2).toString()).toBe('PK');
    } finally {
      await stopServer(next);
    }
    // Only the export that happened is recorded.
    expect((await exports())[0].n).toBe(before + 1);
    await expectAuditVerified(at);
  }, 300_000);
});

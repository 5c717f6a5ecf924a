// Confirming a batch is one transaction for every kind of file: the batch is locked within the
// actor's scope, checked again, written and audited together — never a scope check in one
// transaction and a write by id in another.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumber, memberFile, orgFile, orgName } from '../../../test/fixtures/orgImport/files.ts';
import type { TestClient } from '../testing/client.ts';
import { HEADER, row, uscc, writeCsv } from '../testing/enterpriseFiles.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { closedAfterAll } from '../testing/fileFixture.ts';
import { actorOf, importFixture, importRequest } from '../testing/imports.ts';
import { transactionsDuring } from '../testing/transactions.ts';
import { IMPORTS } from './adapters/index.ts';
import type { BatchKind } from './batches.ts';
import { achievementFile, meetingFile } from './orglife/files.testing.ts';
import { runImport } from './pipeline.ts';

const fx = closedAfterAll(await importFixture());
let yichang: TestClient;
let wuhan: TestClient;
let staged: (kind: BatchKind) => Promise<number>;

beforeAll(async () => {
  const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  yichang = committee.client;
  wuhan = (await fx.clientAs({ roles: ['committee'], regionCode: '420100' })).client;
  const actor = actorOf(committee.user);
  const employer = await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 });
  const org = await makeOrg(fx.database, [employer.id], { name: orgName(), establishedOn: '2015-01-01' });
  // A member of the org for the meeting and achievement files to name.
  const roster = memberFile([
    {
      name: '吴敏',
      idNumber: idNumber('1985-03-03', 'female'),
      status: '正式党员',
      joinedOn: '2010-07-01',
      fullOn: '2011-07-01',
      org: org.name,
      employerUscc: employer.uscc,
    },
  ]);
  expect((await runImport(fx.deps, actor, IMPORTS.members, importRequest(roster))).status).toBe('applied');
  let day = 0;
  const nextDay = () => `2024-03-${String(++day).padStart(2, '0')}`;
  const files: Record<BatchKind, () => string | Promise<string>> = {
    enterprises: () => writeCsv([HEADER, row(uscc(), '宜昌单事务测试有限公司')]),
    // A new enterprise each time: an enterprise has at most one org formed on its own.
    orgs: async () =>
      orgFile([
        {
          name: orgName(),
          regionCode: '420502',
          type: '党支部',
          formation: '单独组建',
          coveredUscc: (await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 })).uscc,
          establishedOn: '2020-01-01',
          fullMemberCount: 3,
        },
      ]),
    members: () =>
      memberFile([
        {
          name: '周敏',
          idNumber: idNumber('1986-03-03', 'female'),
          status: '正式党员',
          joinedOn: '2010-07-01',
          fullOn: '2011-07-01',
          org: org.name,
          employerUscc: employer.uscc,
        },
      ]),
    // A new date each time: the same org's meeting of a kind on a day is recorded once.
    meetings: () =>
      meetingFile([{ org: org.name, kind: '主题党日', heldOn: nextDay(), topic: '主题党日', attendees: '吴敏' }]),
    achievements: () =>
      achievementFile([
        { org: org.name, enterprise: employer.uscc, kind: '破解难题', onDate: nextDay(), content: '解决难题' },
      ]),
    // The national roster accepts our roster's headers too (所在党组织 for 所在党支部).
    national_members: () =>
      memberFile(
        [
          {
            name: '吴平',
            idNumber: idNumber('1987-04-04', 'male'),
            status: '正式党员',
            joinedOn: '2010-07-01',
            fullOn: '2011-07-01',
            org: org.name,
          },
        ],
        ['name', 'idNumber', 'status', 'joinedOn', 'fullOn', 'org'],
      ),
  };
  // Staged as the web app leaves a batch: read and checked, waiting for confirmation.
  staged = async (kind) => {
    const file = await files[kind]();
    const result = await runImport(
      fx.deps,
      actor,
      IMPORTS[kind],
      importRequest(file, { fileName: 'file.csv', apply: false }),
    );
    expect(result.status, JSON.stringify(result)).toBe('staged');
    return result.batchId;
  };
});

const batchPath = (kind: BatchKind, id: number) => `/api/imports/${kind}/batches/${id}`;

describe.each(['enterprises', 'orgs', 'members', 'meetings', 'achievements', 'national_members'] as const)(
  '%s',
  (kind) => {
    it('confirming opens one transaction, which writes the batch and its audit row', async () => {
      const id = await staged(kind);
      let status = 0;
      const opened = await transactionsDuring(fx.database.db, async () => {
        status = (await yichang.post(`${batchPath(kind, id)}/apply`)).status;
      });
      expect([status, opened]).toEqual([200, 1]);
      const [audit] = await fx.rows<{ result: string }>(
        sql`select result from audit_log where entity = 'import_batch' and entity_id = ${String(id)} order by seq desc limit 1`,
      );
      expect(audit).toEqual({ result: 'success' });
    });

    it('another region’s user is refused inside that transaction: 404, nothing written', async () => {
      const id = await staged(kind);
      expect((await wuhan.post(`${batchPath(kind, id)}/apply`)).status).toBe(404);
      expect((await yichang.get(batchPath(kind, id))).body.status).toBe('staged');
    });
  },
);

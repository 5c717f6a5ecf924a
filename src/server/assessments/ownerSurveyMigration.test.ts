/**
 * Migration 0030 renames the owner survey's tables, column and link purpose (the glossary's
 * ownerSurvey). A database holding owner surveys before it keeps every one after it: the
 * questionnaire, its response, its link (still opened by the token handed out), the
 * app's role still reading them through row-level security, and the audit rows written
 * under the old codes verifying and reading as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntity } from '../../domain/auditActions.ts';
import { auditActionLabel, auditEntityLabel } from '../../domain/auditLabels.ts';
import { seeded } from '../../domain/random.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { writeAudit } from '../audit/audit.ts';
import { auditChainFor, bindAuditChain } from '../audit/chain.ts';
import { auditWhere } from '../audit/query.ts';
import { verifyAudit } from '../audit/verify.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrate, migrationsFolder } from '../db/migrate.ts';
import { queryRows } from '../db/rows.ts';
import { auditLog } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { keysFrom } from '../keys.ts';
import { databaseTemplates } from '../testing/db.ts';
import { createPostgresDatabase } from '../testing/template.ts';
import { tokenHash } from './links.ts';
import { openOwnerSurvey } from './ownerSurveys.ts';

const RENAME = '0030_owner_surveys';

/** The committed migrations up to the one before the rename, in a folder of their own. */
function migrationsBefore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-before-0030-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const upTo = journal.entries.findIndex((e) => e.tag === RENAME);
  expect(upTo).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, upTo);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

let database: Database;
let drop: () => Promise<unknown> = async () => {};
let before: string;
const token = 'owner-survey-token-handed-out-before-0030x';
let ids: { survey: number; enterprise: number };

beforeAll(async () => {
  const postgres = databaseTemplates().postgresql;
  if (postgres) {
    const created = await createPostgresDatabase(postgres, { empty: true });
    drop = created.drop;
    database = await openDatabase({ databaseUrl: created.url });
  } else {
    database = await openDatabase({ pgliteDir: null });
  }
  before = migrationsBefore();
  if (database.kind === 'postgresql') await migratePg(database.db as never, { migrationsFolder: before });
  else await migratePglite(database.db as never, { migrationsFolder: before });
  bindAuditChain(database.db, auditChainFor(keysFrom(Buffer.alloc(32, 7)), null));

  const { db } = database;
  await db.execute(sql`insert into regions (code, name, level, parent_code, prefix)
                       values ('420502', '西陵区', 3, null, '420502')`);
  // Written in SQL, not by the factory: the schema in code has columns later migrations add.
  const [{ id: enterprise }] = await queryRows<{ id: number }>(
    db,
    sql`insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count)
        values (${makeUscc(seeded(29))}, '迁移测试有限公司', 'private', '420502', 20, 0, 0) returning id`,
  );
  const [survey] = await queryRows<{ id: number }>(
    db,
    sql`insert into surveys (period, region_code, title) values ('2026H2', '420502', '业主满意度测评') returning id`,
  );
  await db.execute(sql`insert into one_time_links (purpose, token_hash, enterprise_id, survey_id, expires_at)
                       values ('survey', ${tokenHash(token)}, ${enterprise}, ${survey.id}, now() + interval '30 days')`);
  await db.execute(sql`insert into survey_responses (survey_id, enterprise_id, answers)
                       values (${survey.id}, ${enterprise}, '{"satisfaction":"satisfied"}'::jsonb)`);
  // Rows as the version before the rename wrote them.
  await db.transaction(async (tx) => {
    for (const action of ['survey.create', 'survey.issue_links']) {
      await writeAudit(tx, {
        actorId: null,
        actorName: 'lisi',
        ip: null,
        action: action as AuditAction,
        entity: 'survey' as AuditEntity,
        entityId: survey.id,
        result: 'success',
        diff: {},
      });
    }
  });
  ids = { survey: survey.id, enterprise };
  expect(await verifyAudit(db)).toMatchObject({ problems: [] });

  await migrate(database);
}, 300_000);

afterAll(async () => {
  await database?.close();
  await drop();
  if (before) fs.rmSync(before, { recursive: true, force: true });
});

describe('migration 0030 (owner surveys)', () => {
  it('keeps the questionnaire, its response and its link under the new names', async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select s.title, r.answers, l.purpose, l.owner_survey_id as "linkSurvey"
          from owner_surveys s
          join owner_survey_responses r on r.owner_survey_id = s.id
          join one_time_links l on l.owner_survey_id = s.id
          where s.id = ${ids.survey}`,
    );
    expect(row).toEqual({
      title: '业主满意度测评',
      answers: { satisfaction: 'satisfied' },
      purpose: 'owner_survey',
      linkSurvey: ids.survey,
    });
    const old = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from one_time_links where purpose = 'survey'`,
    );
    expect(old[0].n).toBe(0);
  });

  it('a link handed out before opens the questionnaire, read as the app’s role in the region', async () => {
    const opened = await inScope(
      database.db,
      { actorId: null, scopePrefix: '420502', orgId: null, instructorId: null },
      (tx) => openOwnerSurvey(tx, token),
    );
    expect(opened).toMatchObject({ title: '业主满意度测评', period: '2026H2' });
  });

  it('the sequence and the checks carry on: a new owner survey and its link are stored, a second link is refused', async () => {
    const [next] = await queryRows<{ id: number }>(
      database.db,
      sql`insert into owner_surveys (period, region_code, title) values ('2027', '420502', '下一期') returning id`,
    );
    expect(next.id).toBeGreaterThan(ids.survey);
    const link = (hash: string) =>
      database.db.execute(sql`insert into one_time_links (purpose, token_hash, enterprise_id, owner_survey_id, expires_at)
                              values ('owner_survey', ${hash}, ${ids.enterprise}, ${next.id}, now() + interval '1 day')`);
    await link('a');
    await expect(link('b')).rejects.toThrow();
    await expect(
      database.db.execute(sql`insert into one_time_links (purpose, token_hash, enterprise_id, owner_survey_id, expires_at)
                              values ('survey', 'c', ${ids.enterprise}, ${next.id}, now() + interval '1 day')`),
    ).rejects.toThrow();
  });

  it('the audit rows written under the old codes still verify, read as owner survey rows and are found by its filter', async () => {
    expect(await verifyAudit(database.db)).toMatchObject({ problems: [] });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(auditWhere({ action: 'owner_survey.' }));
    expect(rows.map((r) => r.action).sort()).toEqual(['survey.create', 'survey.issue_links']);
    const created = await database.db
      .select()
      .from(auditLog)
      .where(auditWhere({ action: 'owner_survey.create' }));
    expect(created.map((r) => r.action)).toEqual(['survey.create']);
    const byEntity = await database.db
      .select()
      .from(auditLog)
      .where(auditWhere({ entity: 'owner_survey' }));
    expect(byEntity).toHaveLength(2);
    expect(auditActionLabel('survey.create', 'zh-CN')).toBe(auditActionLabel('owner_survey.create', 'zh-CN'));
    expect(auditActionLabel('survey.issue_links', 'en-US')).toBe('Issue owner survey links');
    expect(auditEntityLabel('survey', 'zh-CN')).toBe('满意度测评');
  });
});

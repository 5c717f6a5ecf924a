/** The audit trail is append-only in the database itself, even for the table's owner. */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema.ts';
import { lastAuditSeq } from '../testing/audit.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

beforeAll(async () => {
  // Two rows: a user creation and its login.
  await fx.clientAs({ roles: ['committee'], regionCode: '420506' });
  expect(await lastAuditSeq(fx.database.db)).toBeGreaterThanOrEqual(2);
});

/** The database's own message, under whatever the driver wraps it in. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('the statement was not refused');
}

describe('audit_log as the owner', () => {
  it.each([
    ['UPDATE', sql`update audit_log set result = 'failure' where seq = 1`],
    ['DELETE', sql`delete from audit_log where seq = 1`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('%s is refused', async (op, statement) => {
    const before = await fx.database.db.select().from(auditLog);
    expect(await refusal(() => fx.database.db.execute(statement))).toContain(`audit_log is append-only: ${op} refused`);
    expect(await fx.database.db.select().from(auditLog)).toEqual(before);
  });

  it('a row cannot be slipped into the middle of the chain', async () => {
    const [first] = await fx.database.db.select().from(auditLog).limit(1);
    expect(await refusal(() => fx.database.db.insert(auditLog).values(first))).toMatch(/duplicate key|audit_log_pkey/);
  });
});

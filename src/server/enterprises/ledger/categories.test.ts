/**
 * The ledger categories and flags exist twice: as pure functions (src/domain) and as SQL
 * (a generated column and the list filters). On generated data, the two must agree on
 * every enterprise.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  categorize,
  DEFAULT_KEY_WATCH_EMPLOYEES,
  flags,
  inScope,
  sizeBand,
} from '../../../domain/enterprise/categories.ts';
import type { RegistrationStatus } from '../../../domain/enterprise/codes.ts';
import { pick, seeded } from '../../../domain/random.ts';
import { DEFAULT_COVERAGE_SETTINGS } from '../../../domain/stats/coverage.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import { localOperator } from '../../actor.ts';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { enterprises } from '../../db/schema.ts';
import { inScope as inScopeTx } from '../../db/tx.ts';
import { testDatabase } from '../../testing/db.ts';
import { keyWatchSql, ledgerWhere, needsInstructorSql } from './filters.ts';

let database: Database;
const N = 2000;
const STATUSES: RegistrationStatus[] = ['active', 'operating', 'moved_in', 'moved_out', 'revoked', 'cancelled'];

beforeAll(async () => {
  database = await testDatabase();
  const rand = seeded(2026);
  const rows = Array.from({ length: N }, () => {
    const memberCount = pick(rand, [0, 0, 1, 2, 3, 4, 7, 60]);
    // Boundaries are where rules break: 0–3 full members, 99/100 employees, every coverage.
    return {
      uscc: makeUscc(rand),
      name: '生成企业',
      kind: 'private',
      regionCode: '420502',
      employees: pick(rand, [0, 9, 10, 49, 50, 99, 100, 101, 299, 300, 5000]),
      memberCount,
      fullMemberCount: Math.min(memberCount, pick(rand, [0, 1, 2, 3, 4, 50])),
      registrationStatus: pick(rand, STATUSES),
      orgCoverage: pick(rand, [null, null, 'standalone', 'joint']),
      hasInstructor: rand() < 0.3,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(enterprises).values(rows.slice(i, i + 500));
});
afterAll(() => database.close());

describe('categories and flags: SQL and the pure rules agree', () => {
  it('on every generated enterprise', async () => {
    const rows = await queryRows<{
      employees: number;
      member_count: number;
      full_member_count: number;
      registration_status: RegistrationStatus;
      org_coverage: string | null;
      has_instructor: boolean;
      in_scope: boolean;
      category: string;
      key_watch: boolean;
      needs_instructor: boolean;
    }>(
      database.db,
      sql`select employees, member_count, full_member_count, registration_status, org_coverage, has_instructor,
                 in_scope, category, ${keyWatchSql(DEFAULT_KEY_WATCH_EMPLOYEES)} as key_watch, ${needsInstructorSql()} as needs_instructor
          from enterprises`,
    );
    expect(rows).toHaveLength(N);
    for (const r of rows) {
      const orgCovered = r.org_coverage !== null;
      expect(r.in_scope).toBe(inScope(r.registration_status));
      expect(r.category).toBe(
        categorize({
          standaloneCovered: r.org_coverage === 'standalone',
          jointCovered: r.org_coverage === 'joint',
          memberCount: r.member_count,
          fullMemberCount: r.full_member_count,
        }),
      );
      const f = flags({ employees: r.employees, orgCovered, workCovered: orgCovered || r.has_instructor });
      // The flags are defined for enterprises in scope; SQL says false for the closed.
      expect(r.key_watch).toBe(r.in_scope && f.key_watch);
      expect(r.needs_instructor).toBe(r.in_scope && f.needs_instructor);
    }
  });

  it('the size-band filter selects exactly the enterprises of that band', async () => {
    const all = await queryRows<{ employees: number }>(database.db, sql`select employees from enterprises`);
    for (const band of ['lt10', '10_49', '50_99', '100_299', '300plus'] as const) {
      const [{ n }] = await inScopeTx(database.db, localOperator(), (tx) =>
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(enterprises)
          .where(ledgerWhere(localOperator(), { sizeBand: [band] }, DEFAULT_COVERAGE_SETTINGS)),
      );
      expect(n).toBe(all.filter((r) => sizeBand(r.employees) === band).length);
    }
  });
});

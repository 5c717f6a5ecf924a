// The enterprise sections' counts come from the kept counts (ledger_counts) where they can:
// each must equal the size of the ledger list the prompt opens, counted over the enterprises
// as before, at the key-watch edges, for closed and out-of-region enterprises, for a city and a
// county, and with a key-watch threshold off a band edge (then counted from the ledger).
import { count, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../actor.ts';
import { enterprises } from '../db/schema.ts';
import { inScope, inSystem } from '../db/tx.ts';
import { ledgerWhereIn } from '../enterprises/ledger/filters.ts';
import { getCoverageSettings, putCoverageSettings } from '../stats/settings.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { enterpriseSections } from './enterprises.ts';

const fx = await fileFixture();

beforeAll(async () => {
  const status = ['active', 'cancelled'] as const;
  let i = 0;
  for (const regionCode of ['420502', '420506', '420102'])
    for (const employees of [0, 9, 10, 29, 30, 49, 50, 99, 100, 299, 300, 1200])
      for (const [memberCount, fullMemberCount] of [
        [0, 0],
        [1, 0],
        [2, 2],
        [4, 3],
      ]) {
        i++;
        await makeEnterprise(fx.database, {
          regionCode,
          employees,
          memberCount,
          fullMemberCount,
          registrationStatus: status[i % 7 === 0 ? 1 : 0],
          hasUnion: i % 3 === 0 ? true : i % 3 === 1 ? null : false,
          hasLeague: i % 5 === 0,
        });
      }
  // Covered ones leave 应建未建 and 重点盯住.
  const covered = await fx.rows<{ id: number }>(
    sql`select id from enterprises where employees in (30, 300) and member_count = 4`,
  );
  for (const { id } of covered) await makeOrg(fx.database, [id]);
});

/** Each section's count as the ledger list counts it, over the enterprises. */
async function ledgerTotals(actor: ReturnType<typeof actorOf>, keys: string[]) {
  return inScope(fx.database.db, actor, async (tx) => {
    const sections = await enterpriseSections(tx, actor, 50);
    const out: Record<string, { prompt: number; ledger: number }> = {};
    for (const s of sections) {
      if (!keys.includes(s.key)) continue;
      const where = await ledgerWhereIn(tx, actor, s.listFilter as never);
      const [row] = await tx.select({ n: count() }).from(enterprises).where(where);
      out[s.key] = { prompt: s.total, ledger: row!.n };
    }
    return out;
  });
}

describe('enterprise prompt counts', () => {
  const keys = ['should_form', 'key_watch', 'joint_candidate', 'mass_org'];
  for (const regionCode of ['420500', '420506']) {
    it(`equal the ledger list's count for ${regionCode}, whatever the key-watch threshold`, async () => {
      const user = await fx.makeUser({ roles: ['committee'], regionCode });
      const actor = actorOf({ ...user, totpEnabled: true }, null);
      const settings = await inSystem(fx.database.db, (tx) => getCoverageSettings(tx));
      try {
        for (const keyWatchEmployees of [300, 50, 10, 25, 299]) {
          await inSystem(fx.database.db, (tx) => putCoverageSettings(tx, { ...settings, keyWatchEmployees }));
          const totals = await ledgerTotals(actor, keys);
          expect(Object.keys(totals).sort()).toEqual([...keys].sort());
          for (const [key, t] of Object.entries(totals)) {
            expect(t.prompt, `${key} at ${keyWatchEmployees}`).toBe(t.ledger);
            expect(t.ledger, `${key} at ${keyWatchEmployees}`).toBeGreaterThan(0);
          }
        }
      } finally {
        await inSystem(fx.database.db, (tx) => putCoverageSettings(tx, settings));
      }
    });
  }
});

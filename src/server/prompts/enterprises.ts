import { desc, type SQL, sql } from 'drizzle-orm';
import { bandFrom } from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { withoutJit } from '../db/jit.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises as e, ledgerCounts } from '../db/schema.ts';
import { type LedgerFilter, ledgerWhereIn } from '../enterprises/ledger/filters.ts';
import { inRegionScope } from '../regions/scope.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import type { PromptItem, PromptSection } from './types.ts';

/** Each enterprise section is a ledger filter: the prompt's count is the size of the list it opens. */
const SECTIONS: {
  key: PromptSection['key'];
  filter: LedgerFilter;
  message: (r: Row) => string;
  en: (r: Row) => string;
}[] = [
  {
    key: 'should_form',
    filter: { category: ['should_form'] },
    message: (r) => `有正式党员 ${r.fullMemberCount} 名，应单独建立党组织`,
    en: (r) => `${r.fullMemberCount} full members: should set up its own party organization`,
  },
  {
    key: 'key_watch',
    filter: { flag: ['key_watch'] },
    message: (r) => `从业人员 ${r.employees} 人，尚未建立党组织（重点盯住）`,
    en: (r) => `${r.employees} employees and no party organization yet (key watch)`,
  },
  {
    key: 'joint_candidate',
    filter: { category: ['joint_candidate'] },
    message: (r) => `有党员 ${r.memberCount} 名，可与${r.cluster ? `“${r.cluster}”内` : '邻近'}企业联合建立党组织`,
    en: (r) =>
      `${r.memberCount} members: may set up a joint organization with ${r.cluster ? `enterprises in “${r.cluster}”` : 'nearby enterprises'}`,
  },
  {
    // Document 001: where an org cannot be formed yet, the union or the league comes first.
    key: 'mass_org',
    filter: { category: ['no_member'], flag: ['no_mass_org'] },
    message: (r) => `从业人员 ${r.employees} 人，无党员，尚未建立工会或团组织，宜先建群团组织`,
    en: (r) => `${r.employees} employees, no party members, no union or league yet: set up a mass organization first`,
  },
];

interface Row {
  id: number;
  name: string;
  employees: number;
  memberCount: number;
  fullMemberCount: number;
  cluster: string | null;
}

type CountedKey = 'should_form' | 'key_watch' | 'joint_candidate';

/**
 * The sections' counts from the kept counts (ledger_counts, migration 0013): its triggers keep
 * it equal to the ledger key for key in the writing statement, so a sum of its rows is the
 * ledger list's count, without reading the region's enterprises (1.3 s for a city of
 * 1,000,000). It holds whole regions, so not for a secretary's or an instructor's scope, and
 * head counts by band, so 重点盯住 only for a threshold on a band edge; 宜先建群团组织 (union and
 * league) is none of its keys and is counted from its own index (migration 0034).
 */
async function keptCounts(tx: Tx, actor: Actor): Promise<Partial<Record<CountedKey, number>>> {
  if (actor.orgId !== null || actor.instructorId !== null) return {};
  const band = bandFrom((await getCoverageSettings(tx)).keyWatchEmployees);
  const [row] = await queryRows<Record<CountedKey, number>>(
    tx,
    sql`select coalesce(sum(n) filter (where category = 'should_form'), 0)::int as should_form,
          coalesce(sum(n) filter (where category = 'joint_candidate'), 0)::int as joint_candidate,
          coalesce(sum(n) filter (where org_coverage = 'none' and band >= ${band ?? 0}::int), 0)::int as key_watch
        from ledger_counts where in_scope and ${inRegionScope(ledgerCounts.regionCode, actor)}`,
  );
  const counts: Partial<Record<CountedKey, number>> = { ...row };
  if (band === null) delete counts.key_watch;
  return counts;
}

export async function enterpriseSections(tx: Tx, actor: Actor, limit: number): Promise<PromptSection[]> {
  await withoutJit(tx);
  const out: PromptSection[] = [];
  const kept = await keptCounts(tx, actor);
  for (const s of SECTIONS) {
    const where: SQL = await ledgerWhereIn(tx, actor, { ...s.filter, status: ['in_scope'] });
    const total =
      kept[s.key as CountedKey] ??
      (
        (await tx.select({ total: sql<number>`count(*)::int` }).from(e).where(where)) as {
          total: number;
        }[]
      )[0]!.total;
    const rows = await tx
      .select({
        id: e.id,
        name: e.name,
        employees: e.employees,
        memberCount: e.memberCount,
        fullMemberCount: e.fullMemberCount,
        cluster: e.cluster,
      })
      .from(e)
      .where(where)
      .orderBy(desc(e.employees), e.id)
      .limit(limit);
    const items: PromptItem[] = rows.map((r) => ({
      level: s.key === 'joint_candidate' || s.key === 'mass_org' ? 'info' : 'warning',
      title: r.name,
      message: s.message(r),
      en: s.en(r),
      link: { type: 'enterprise', id: r.id },
    }));
    out.push({ key: s.key, total, items, listFilter: { ...s.filter, status: ['in_scope'] } });
  }
  return out;
}

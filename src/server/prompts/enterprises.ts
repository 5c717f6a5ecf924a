import { desc, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { enterprises as e } from '../db/schema.ts';
import { type LedgerFilter, ledgerWhereIn } from '../enterprises/ledger/filters.ts';
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

export async function enterpriseSections(tx: Tx, actor: Actor, limit: number): Promise<PromptSection[]> {
  const out: PromptSection[] = [];
  for (const s of SECTIONS) {
    const where: SQL = await ledgerWhereIn(tx, actor, { ...s.filter, status: ['in_scope'] });
    const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(e).where(where)) as {
      total: number;
    }[];
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

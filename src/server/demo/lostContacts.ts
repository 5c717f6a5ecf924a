// Demo lost-contact members (issue #17 item 4) through the services the app uses, so every rule
// applies: of the demo county's members silent for 6 months (the prompt's own list), one being
// searched for, one recorded without a search yet, one found and restored, one whose membership
// was suspended after the search failed. The rest stay in the prompt. No random draws.
import { sql } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { silentMembers } from '../lostContact/prompts.ts';
import { addSearch, recordLostContact, recordOutcome } from '../lostContact/write.ts';

const PLAN = [
  { circumstance: '1', searches: 2, outcome: null },
  { circumstance: '6', searches: 0, outcome: null },
  { circumstance: '4', searches: 1, outcome: 'restored' },
  { circumstance: '5', searches: 2, outcome: 'suspended' },
] as const;
const SEARCHES = [
  { method: 'phone', result: '电话停机，短信无回复' },
  { method: 'relatives', result: '联系家属，称已外出多年，未留联系方式' },
] as const;

export async function demoLostContacts(tx: Tx, actor: Actor, regionCode: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from lost_contacts lc join party_orgs o on o.id = lc.org_id
        where o.region_code like ${`${regionPrefix(regionCode)}%`}`,
  );
  if (n > 0) return 0;
  const today = localDateString(new Date());
  const scoped = { ...actor, scopePrefix: regionPrefix(regionCode) };
  const silent = (await silentMembers(tx, scoped, today, 40)).filter((_, i) => i % 3 === 0);
  let made = 0;
  for (const [i, plan] of PLAN.entries()) {
    const m = silent[i];
    if (!m) break;
    const [status] = await queryRows<{ status: string }>(tx, sql`select status from members where id = ${m.id}`);
    // A probationary member is not suspended: they lose the probation instead.
    const outcome =
      plan.outcome === 'suspended' && status?.status === 'probationary' ? 'probation_cancelled' : plan.outcome;
    const c = await recordLostContact(
      tx,
      actor,
      m.id,
      { circumstance: plan.circumstance, circumstanceNote: null, outOfContactSince: null },
      today,
    );
    for (const s of SEARCHES.slice(0, plan.searches)) {
      await addSearch(tx, actor, c.id, { searchedOn: today, searcher: '支部书记', ...s }, today);
    }
    if (outcome) await recordOutcome(tx, actor, c.id, { outcome, outcomeOn: today, note: null }, today);
    made++;
  }
  return made;
}

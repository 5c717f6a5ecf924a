// Organizational relation transfers out (rules.md §7), through the member service: one
// completed by its receipt, one late receipt, one letter still valid, one expired unanswered.
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import { pick, type Rand } from '../../domain/random.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { receiveTransfer, transferOut } from '../members/transfers.ts';

const COUNTERPARTS = [
  '中共武汉市东湖新技术开发区光谷软件园委员会',
  '中共荆州市沙市区非公有制经济组织综合委员会',
  '中共深圳市宝安区新安街道工委',
  '中共襄阳市高新区非公企业联合委员会',
];

export async function demoTransfers(tx: Tx, actor: Actor, rand: Rand, prefix: string, today: string) {
  const cases = [
    { issued: 40, received: 25 },
    { issued: 150, received: 20 }, // the receipt came after the letter expired
    { issued: 10, received: null },
    { issued: 120, received: null }, // expired, no receipt: to follow up
  ];
  const people = await queryRows<{ id: number }>(
    tx,
    sql`select m.id from members m join party_orgs o on o.id = m.org_id
        where o.region_code like ${`${prefix}%`} and m.left_on is null and m.status = 'full'
          and m.joined_on < ${addDays(today, -200)}::date
        order by m.id desc limit ${cases.length}`,
  );
  let n = 0;
  for (const [i, p] of people.entries()) {
    const c = cases[i] as (typeof cases)[number];
    const { id } = await transferOut(tx, actor, p.id, {
      counterpart: pick(rand, COUNTERPARTS),
      letterNo: `鄂组转〔${today.slice(0, 4)}〕${String(100 + i)}号`,
      issuedOn: addDays(today, -c.issued),
    });
    if (c.received !== null) await receiveTransfer(tx, actor, id, addDays(today, -c.received));
    n++;
  }
  return n;
}

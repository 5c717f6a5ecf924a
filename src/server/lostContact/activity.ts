// A member's last recorded activity (docs/annual-tables.md §7), read from the records the system
// already keeps — nothing is typed twice: joining and confirmation (the development steps), a
// meeting attended, an open activity taken part in, a transfer of the relation issued or
// received, leaving to work away (外出登记), and a contact restored after a lost-contact case.
// Dates after `today` are not activity yet. One SQL expression, so the member page, the record
// check and the prompts cannot disagree.
import { type SQL, sql } from 'drizzle-orm';

/** The last activity date of the member aliased `m`, as of `today` (a date SQL value). */
export function lastActivityOf(today: SQL): SQL<string> {
  const upTo = (col: string) => sql`${sql.raw(col)} <= ${today}`;
  return sql<string>`greatest(
    case when ${upTo('m.joined_on')} then m.joined_on end,
    case when ${upTo('m.full_on')} then m.full_on end,
    case when ${upTo('m.away_since')} then m.away_since end,
    (select max(mt.held_on) from meeting_attendance a join meetings mt on mt.id = a.meeting_id
      where a.member_id = m.id and a.present and ${upTo('mt.held_on')}),
    (select max(oa.held_on) from open_activity_participants p join open_activities oa on oa.id = p.activity_id
      where p.member_id = m.id and ${upTo('oa.held_on')}),
    (select max(greatest(t.issued_on, t.received_on)) from member_transfers t
      where t.member_id = m.id and ${upTo('t.issued_on')}),
    (select max(lc.outcome_on) from lost_contacts lc
      where lc.member_id = m.id and lc.outcome = 'restored' and ${upTo('lc.outcome_on')})
  )::text`;
}

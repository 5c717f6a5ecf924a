import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { loadOrg } from '../orgs/load.ts';
import { orgEngagements } from './ownerEngagements.ts';

export interface OpenActivityRow {
  id: number;
  heldOn: string;
  title: string;
  place: string | null;
  nonMemberCount: number;
  note: string | null;
  participants: { id: number; name: string }[];
}

export interface PairingRow {
  id: number;
  /** The org whose record it is; the partner org sees it too. */
  orgId: number;
  partnerKind: 'org' | 'village' | 'community';
  partnerOrgId: number | null;
  partnerName: string;
  startOn: string;
  endOn: string | null;
  note: string | null;
  activities: { id: number; heldOn: string; title: string; content: string | null }[];
}

/**
 * An org's open activities, pairings (its own and those naming it as partner) with their joint
 * activities, and the owner engagement recorded with it; the latest first.
 */
export async function orgEngagementView(tx: Tx, actor: Actor, orgId: number) {
  const org = await loadOrg(tx, actor, orgId);
  const activities = await queryRows<OpenActivityRow>(
    tx,
    sql`select a.id, a.held_on::text as "heldOn", a.title, a.place, a.non_member_count as "nonMemberCount", a.note,
          coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.name)
                    from open_activity_participants p join members m on m.id = p.member_id
                    where p.activity_id = a.id), '[]') as participants
        from open_activities a where a.org_id = ${org.id} order by a.held_on desc, a.id desc limit 200`,
  );
  // The partner's name is the partner org's (or, seen from the partner, the recording org's, when
  // the reader may see it: a secretary sees only their own org).
  const pairingRows = await queryRows<PairingRow>(
    tx,
    sql`select p.id, p.org_id as "orgId", p.partner_kind as "partnerKind",
          p.partner_org_id as "partnerOrgId",
          coalesce(case when p.org_id = ${org.id} then coalesce(po.name, p.partner_name) else o.name end, '其他党组织') as "partnerName",
          p.start_on::text as "startOn", p.end_on::text as "endOn", p.note,
          coalesce((select json_agg(json_build_object('id', x.id, 'heldOn', x.held_on::text, 'title', x.title,
                      'content', x.content) order by x.held_on desc, x.id desc)
                    from pairing_activities x where x.pairing_id = p.id), '[]') as activities
        from pairings p left join party_orgs o on o.id = p.org_id left join party_orgs po on po.id = p.partner_org_id
        where p.org_id = ${org.id} or p.partner_org_id = ${org.id}
        order by p.start_on desc, p.id desc`,
  );
  return {
    openActivities: activities,
    pairings: pairingRows,
    ownerEngagements: await orgEngagements(tx, org.id),
  };
}

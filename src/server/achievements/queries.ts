import { type SQL, sql } from 'drizzle-orm';
import {
  ACHIEVEMENT_FORMS,
  ACHIEVEMENT_KINDS,
  type AchievementForm,
  type AchievementKind,
} from '../../domain/achievements/codes.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { enterpriseInScope } from '../instructors/scope.ts';
import { label } from '../members/presenter.ts';
import { loadOrg } from '../orgs/load.ts';
import { achievementInScope } from './scope.ts';

interface Row {
  id: number;
  orgId: number;
  orgName: string | null;
  enterpriseId: number;
  enterpriseName: string | null;
  kind: AchievementKind;
  form: AchievementForm | null;
  onDate: string;
  content: string;
  personName: string | null;
  adopted: boolean | null;
  fulfilled: boolean | null;
  benefit: number | null;
  amount: number | null;
  fromOn: string | null;
  toOn: string | null;
  note: string | null;
  members: { id: number; name: string | null }[];
}

/**
 * The achievements matching `where`, newest first, with their org, enterprise and members.
 * An instructor sees no org or member (migration 0013): their names come back null.
 */
async function listWhere(tx: Tx, where: SQL) {
  const rows = await queryRows<Row>(
    tx,
    sql`select achievements.id, achievements.org_id as "orgId", o.name as "orgName", achievements.enterprise_id as "enterpriseId",
               e.name as "enterpriseName", achievements.kind, achievements.form, achievements.on_date::text as "onDate", achievements.content,
               achievements.person_name as "personName", achievements.adopted, achievements.fulfilled, achievements.benefit::float8 as benefit,
               achievements.amount::float8 as amount, achievements.from_on::text as "fromOn", achievements.to_on::text as "toOn", achievements.note,
               coalesce((select json_agg(json_build_object('id', am.member_id, 'name', m.name) order by am.member_id)
                         from achievement_members am left join members m on m.id = am.member_id
                         where am.achievement_id = achievements.id), '[]'::json) as members
        from achievements left join enterprises e on e.id = achievements.enterprise_id
          left join party_orgs o on o.id = achievements.org_id
        where ${where}
        order by achievements.on_date desc, achievements.id desc`,
  );
  return rows.map((r) => ({
    ...r,
    kindLabel: label(ACHIEVEMENT_KINDS, r.kind) as string,
    formLabel: label(ACHIEVEMENT_FORMS, r.form),
  }));
}

/** An org's achievements at the enterprises it covers (or covered when they were made). */
export async function orgAchievements(tx: Tx, actor: Actor, orgId: number, today: string) {
  await loadOrg(tx, actor, orgId);
  return listWhere(tx, sql`achievements.org_id = ${orgId} and ${achievementInScope(actor, today)}`);
}

/** What the orgs (those the actor sees) achieved at one enterprise. */
export async function enterpriseAchievements(tx: Tx, actor: Actor, enterpriseId: number, today: string) {
  const [seen] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(sql`${enterprises.id} = ${enterpriseId} and ${enterpriseInScope(actor, today)}`);
  if (!seen) throw notFound('企业');
  return listWhere(tx, sql`achievements.enterprise_id = ${enterpriseId} and ${achievementInScope(actor, today)}`);
}

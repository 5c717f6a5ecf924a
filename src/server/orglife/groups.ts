// Party groups (党小组) inside an org, with their members: members on the org's roster today,
// each in one group at a time; the leader, if named, is one of them.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { loadInScope } from '../db/loadInScope.ts';
import { queryRows } from '../db/rows.ts';
import { members, partyGroupMembers, partyGroups, partyOrgs } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { orgInScope } from '../orgs/scope.ts';

export interface GroupInput {
  name: string;
  leaderMemberId: number | null;
  memberIds: number[];
}

export interface PartyGroup {
  id: number;
  orgId: number;
  name: string;
  leaderMemberId: number | null;
  leaderName: string | null;
  members: { id: number; name: string }[];
}

export async function listGroups(tx: Tx, actor: Actor, orgId: number): Promise<PartyGroup[]> {
  await loadOrg(tx, actor, orgId);
  return queryRows<PartyGroup>(
    tx,
    sql`select g.id, g.org_id as "orgId", g.name, g.leader_member_id as "leaderMemberId", l.name as "leaderName",
          coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.name, m.id)
            from party_group_members gm join members m on m.id = gm.member_id
            where gm.group_id = g.id and m.left_on is null), '[]'::json) as members
        from party_groups g left join members l on l.id = g.leader_member_id
        where g.org_id = ${orgId}
        order by g.name, g.id`,
  );
}

function loadGroup(tx: Tx, actor: Actor, id: number) {
  const scope = inArray(partyGroups.orgId, tx.select({ id: partyOrgs.id }).from(partyOrgs).where(orgInScope(actor)));
  return loadInScope(tx, partyGroups, id, scope, '党小组', { forUpdate: true });
}

/** Checks the members are on the org's roster today and not in another of its groups. */
async function checkMembers(tx: Tx, orgId: number, groupId: number | null, input: GroupInput) {
  const ids = [...new Set(input.memberIds)];
  if (input.leaderMemberId !== null && !ids.includes(input.leaderMemberId)) {
    invalid('leaderMemberId', '党小组组长须是本小组的成员');
  }
  if (ids.length === 0) return ids;
  const found = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(inArray(members.id, ids), eq(members.orgId, orgId), isNull(members.leftOn)));
  if (found.length !== ids.length) invalid('memberIds', '党小组成员须是本党组织名册上的党员');
  const elsewhere = await queryRows<{ member: string; group: string }>(
    tx,
    sql`select m.name as member, g.name as "group" from party_group_members gm
          join party_groups g on g.id = gm.group_id join members m on m.id = gm.member_id
        where gm.member_id = any(${`{${ids.join(',')}}`}::int[]) ${groupId === null ? sql`` : sql`and gm.group_id <> ${groupId}`}
        limit 1`,
  );
  if (elsewhere[0])
    invalid('memberIds', `${elsewhere[0].member} 已在“${elsewhere[0].group}”党小组，一人只能在一个党小组`);
  return ids;
}

const cleanName = (name: string) => {
  const n = name.trim();
  if (n === '') invalid('name', '请填写党小组名称');
  return n;
};

async function sameName(tx: Tx, orgId: number, name: string, except: number | null) {
  const [same] = await tx
    .select({ id: partyGroups.id })
    .from(partyGroups)
    .where(and(eq(partyGroups.orgId, orgId), eq(partyGroups.name, name)));
  if (same && same.id !== except) invalid('name', `本党组织已有名为“${name}”的党小组`);
}

export async function createGroup(tx: Tx, actor: Actor, orgId: number, input: GroupInput) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  const name = cleanName(input.name);
  await sameName(tx, org.id, name, null);
  const ids = await checkMembers(tx, org.id, null, input);
  const [row] = await tx
    .insert(partyGroups)
    .values({ orgId: org.id, name, leaderMemberId: input.leaderMemberId })
    .returning({ id: partyGroups.id });
  if (ids.length > 0) await tx.insert(partyGroupMembers).values(ids.map((memberId) => ({ groupId: row.id, memberId })));
  await auditChange(tx, actor, {
    action: 'party_group.create',
    entity: 'party_group',
    entityId: row.id,
    diff: { orgId: org.id, orgName: org.name, name, leaderMemberId: input.leaderMemberId, memberIds: ids },
  });
  return row;
}

export async function updateGroup(tx: Tx, actor: Actor, id: number, input: GroupInput) {
  const before = await loadGroup(tx, actor, id);
  await loadOrg(tx, actor, before.orgId, { forUpdate: true });
  const name = cleanName(input.name);
  await sameName(tx, before.orgId, name, id);
  const ids = await checkMembers(tx, before.orgId, id, input);
  const old = await tx
    .select({ id: partyGroupMembers.memberId })
    .from(partyGroupMembers)
    .where(eq(partyGroupMembers.groupId, id));
  await tx
    .update(partyGroups)
    .set({ name, leaderMemberId: input.leaderMemberId, updatedAt: new Date() })
    .where(eq(partyGroups.id, id));
  await tx.delete(partyGroupMembers).where(eq(partyGroupMembers.groupId, id));
  if (ids.length > 0) await tx.insert(partyGroupMembers).values(ids.map((memberId) => ({ groupId: id, memberId })));
  await auditChange(tx, actor, {
    action: 'party_group.update',
    entity: 'party_group',
    entityId: id,
    diff: {
      name: { before: before.name, after: name },
      leaderMemberId: { before: before.leaderMemberId, after: input.leaderMemberId },
      memberIds: { before: old.map((m) => m.id).sort((a, b) => a - b), after: [...ids].sort((a, b) => a - b) },
    },
  });
}

/** Removes a group set up by mistake; a group that has held meetings stays with them. */
export async function deleteGroup(tx: Tx, actor: Actor, id: number) {
  const row = await loadGroup(tx, actor, id);
  const [held] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from meetings where party_group_id = ${id}`,
  );
  if (held.n > 0) {
    throw new HttpError(409, 'has_meetings', `“${row.name}”党小组已记录 ${held.n} 次党小组会，不能撤销`);
  }
  await tx.delete(partyGroups).where(eq(partyGroups.id, id));
  await auditChange(tx, actor, {
    action: 'party_group.delete',
    entity: 'party_group',
    entityId: id,
    diff: { orgId: row.orgId, name: row.name },
  });
}

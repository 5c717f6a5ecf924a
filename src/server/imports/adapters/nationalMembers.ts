// The national system's member roster (全国党员管理信息系统, docs/national-files.md): read under
// its own headers, checked like our roster (orgs/members.ts), and reconciled with what we hold:
// added, changed field by field, and missing — the members of the orgs the file names that the
// file lacks, listed for checking and never removed (members leave only by a recorded reason).
import { z } from '@hono/zod-openapi';
import { asc, count, eq, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../../domain/mask.ts';
import { nationalMemberHeaderOf } from '../../../domain/national/memberColumns.ts';
import type { MemberColumnKey } from '../../../domain/org/memberColumns.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { importMissingMembers, members, partyOrgs } from '../../db/schema.ts';
import { orgInScope } from '../../orgs/scope.ts';
import { type Batch, batchOfKind, countBatch, offsetOf, type PageRequest } from '../batches.ts';
import { checkMembers } from '../orgs/members.ts';
import { writeMembers } from '../orgs/memberWrite.ts';
import { orgFileAdapter } from './orgFile.ts';

/**
 * Records the batch's missing members: on the roster (not left) of an org some row of the file
 * resolved to, in the actor's scope, with an ID number no row of the file has.
 */
async function recordMissing(tx: Tx, actor: Actor, batch: Batch) {
  await tx.delete(importMissingMembers).where(eq(importMissingMembers.batchId, batch.id));
  await tx.execute(sql`
    insert into import_missing_members (batch_id, member_id)
    select ${batch.id}, m.id from members m
    join party_orgs on party_orgs.id = m.org_id
    where m.left_on is null
      and ${orgInScope(actor)}
      and m.org_id in (select (data->'r'->>'orgId')::int from import_rows
                       where batch_id = ${batch.id} and data->'r'->>'orgId' is not null)
      and m.id_number_hash not in (select data->'v'->>'idHash' from import_rows
                                   where batch_id = ${batch.id} and data->'v' is not null)`);
}

const missingCount = (batchId: number) =>
  sql`(select count(*)::int from import_missing_members where batch_id = ${batchId})`;

export async function listMissingMembers(tx: Tx, actor: Actor, id: number, page: PageRequest) {
  await batchOfKind(tx, actor, 'national_members', id);
  const where = eq(importMissingMembers.batchId, id);
  const [{ total }] = await tx.select({ total: count() }).from(importMissingMembers).where(where);
  const rows = await tx
    .select({
      id: members.id,
      name: members.name,
      idNumber: members.idNumber,
      orgName: partyOrgs.name,
    })
    .from(importMissingMembers)
    .innerJoin(members, eq(members.id, importMissingMembers.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .where(where)
    .orderBy(asc(partyOrgs.name), asc(members.name), asc(members.id))
    .limit(page.pageSize)
    .offset(offsetOf(page));
  return { total, rows };
}

export const nationalMemberImport = orgFileAdapter(
  'national_members',
  async (tx, actor, batch) => {
    await checkMembers(tx, actor, batch, (key: MemberColumnKey) => nationalMemberHeaderOf(key));
    await recordMissing(tx, actor, batch);
    return {
      counts: await countBatch(tx, batch.id, { missing: missingCount(batch.id), discrepancies: sql`0` }),
      write: () => writeMembers(tx, actor, batch),
    };
  },
  {
    summary: '文件中缺少的党员：所列党支部中已在党员名册、文件里没有的党员（待核实，不会删除）',
    item: z.object({
      id: z.number(),
      name: z.string(),
      idNumber: z.string().openapi({ description: '公民身份号码（已打码）' }),
      orgName: z.string(),
    }),
    list: async (tx, actor, id, page, keys) => {
      const { total, rows } = await listMissingMembers(tx, actor, id, page);
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          idNumber: maskIdNumber(keys.decrypt(r.idNumber)),
          orgName: r.orgName,
        })),
      };
    },
  },
);

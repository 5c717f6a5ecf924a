// The bulk actions, each row done by the single-record functions of its area (which check
// the rules, keep the ledger's coverage and write the audit row): this file only finds, for
// each enterprise, the records those functions take.
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { orgCoverages, partyOrgs } from '../db/schema.ts';
import { assign } from '../instructors/assignments.ts';
import { loadInstructor } from '../instructors/load.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { addCoverage, endCoverage, updateOrg } from '../orgs/write.ts';
import type { RowAction } from './batch.ts';

/** The coverages of an enterprise still in force (no end date), with their orgs. */
async function openCoverages(tx: Tx, enterpriseId: number) {
  return tx
    .select({
      id: orgCoverages.id,
      orgId: partyOrgs.id,
      orgName: partyOrgs.name,
      managingOrgId: partyOrgs.managingOrgId,
    })
    .from(orgCoverages)
    .innerJoin(partyOrgs, eq(partyOrgs.id, orgCoverages.orgId))
    .where(and(eq(orgCoverages.enterpriseId, enterpriseId), isNull(orgCoverages.endOn)))
    .orderBy(orgCoverages.id);
}

/** Refuses an enterprise no org covers now, saying when its last coverage ended. */
async function noOpenCoverage(tx: Tx, enterpriseId: number): Promise<never> {
  const [last] = await tx
    .select({ endOn: orgCoverages.endOn, orgName: partyOrgs.name })
    .from(orgCoverages)
    .innerJoin(partyOrgs, eq(partyOrgs.id, orgCoverages.orgId))
    .where(and(eq(orgCoverages.enterpriseId, enterpriseId), isNotNull(orgCoverages.endOn)))
    .orderBy(desc(orgCoverages.endOn))
    .limit(1);
  invalid(
    'enterpriseIds',
    last ? `${last.orgName}对该企业的覆盖已于 ${last.endOn} 结束，现在没有党组织覆盖它` : '该企业没有党组织覆盖',
  );
}

const names = (rows: { orgName: string }[]) => rows.map((r) => r.orgName).join('、');

/** 选派: one instructor to each enterprise, from `startOn`. The instructor is loaded once, so one out of scope refuses the batch. */
export async function assignAction(
  tx: Tx,
  actor: Actor,
  input: { instructorId: number; startOn: string; note: string | null },
): Promise<RowAction> {
  const instructor = await loadInstructor(tx, actor, input.instructorId);
  return async (sp, e) => {
    await assign(sp, actor, instructor.id, { enterpriseId: e.id, startOn: input.startOn, note: input.note });
    return `选派${instructor.name}联系，${input.startOn} 起`;
  };
}

/** Ends every coverage of the enterprise in force: `endOn` is the first day it is no longer covered. */
export function endCoverageAction(actor: Actor, endOn: string): RowAction {
  return async (sp, e) => {
    const open = await openCoverages(sp, e.id);
    if (open.length === 0) await noOpenCoverage(sp, e.id);
    for (const c of open) await endCoverage(sp, actor, c.orgId, c.id, endOn);
    return `结束${names(open)}的覆盖，${endOn} 起不再覆盖`;
  };
}

/** Moves the enterprise to another org on `on`: its coverages in force end that day and the new one starts. */
export async function moveCoverageAction(tx: Tx, actor: Actor, toOrgId: number, on: string): Promise<RowAction> {
  const target = await loadOrg(tx, actor, toOrgId);
  return async (sp, e) => {
    const open = await openCoverages(sp, e.id);
    if (open.some((c) => c.orgId === target.id)) invalid('orgId', `该企业已在${target.name}的覆盖范围内`);
    for (const c of open) await endCoverage(sp, actor, c.orgId, c.id, on);
    await addCoverage(sp, actor, target.id, e.id, on);
    return open.length > 0 ? `由${names(open)}转到${target.name}覆盖，${on} 起` : `纳入${target.name}的覆盖，${on} 起`;
  };
}

/**
 * 管理党组织 (managingOrg): recorded on the party org, so an enterprise's is set on the orgs
 * covering it. A joint org covering several selected enterprises is changed once, with the first.
 */
export async function managingOrgAction(tx: Tx, actor: Actor, managingOrgId: number): Promise<RowAction> {
  const target = await loadOrg(tx, actor, managingOrgId);
  const done = new Set<number>();
  return async (sp, e) => {
    const open = await openCoverages(sp, e.id);
    if (open.length === 0) {
      invalid('enterpriseIds', '该企业没有党组织覆盖：管理党组织登记在覆盖企业的党组织上');
    }
    const changed: string[] = [];
    for (const c of open) {
      if (done.has(c.orgId)) continue;
      if ((await updateOrg(sp, actor, c.orgId, { managingOrgId: target.id })).changed.length > 0) {
        changed.push(c.orgName);
      }
    }
    const already = open.filter((c) => done.has(c.orgId));
    if (changed.length === 0 && already.length === 0) {
      invalid('managingOrgId', `${names(open)}的管理党组织已是${target.name}`);
    }
    // Only now, when every write of the row succeeded: a refused row leaves nothing done.
    for (const c of open) done.add(c.orgId);
    const parts = changed.length > 0 ? [`${changed.join('、')}的管理党组织设为${target.name}`] : [];
    if (already.length > 0) parts.push(`${names(already)}已随本批其他企业设置`);
    return parts.join('；');
  };
}

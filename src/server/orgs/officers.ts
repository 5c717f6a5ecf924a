import { and, eq, isNull } from 'drizzle-orm';
import type { OfficerPost } from '../../domain/org/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { members, orgOfficers } from '../db/schema.ts';
import { invalid } from './invalid.ts';
import { loadOrg, loadOrgRecord } from './load.ts';

export interface OfficerInput {
  post: OfficerPost;
  personName: string;
  memberId: number | null;
  startOn: string | null;
  /** 双向进入、交叉兼职; absent means none held. */
  enterprisePost?: string | null;
  legalRepresentative?: boolean;
  unionChair?: boolean;
}

/** 双向进入、交叉兼职: what an officer holds in the enterprise, corrected after the appointment. */
export type OfficerEnterprisePosts = Partial<
  Pick<OfficerInput, 'enterprisePost' | 'legalRepresentative' | 'unionChair'>
>;

/** A secretary or committee member taking a post; an org has one secretary at a time. */
export async function addOfficer(tx: Tx, actor: Actor, orgId: number, input: OfficerInput) {
  await loadOrg(tx, actor, orgId, { forUpdate: true });
  if (input.memberId !== null) {
    const [m] = await tx
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(members.id, input.memberId));
    if (!m) invalid('memberId', '所选党员不存在或不在您的管辖范围内');
  }
  if (input.post === 'secretary') {
    const [current] = await tx
      .select({ personName: orgOfficers.personName })
      .from(orgOfficers)
      .where(and(eq(orgOfficers.orgId, orgId), eq(orgOfficers.post, 'secretary'), isNull(orgOfficers.endOn)));
    if (current) invalid('post', `本组织现任书记为 ${current.personName}，请先登记其离任`);
  }
  const [row] = await tx
    .insert(orgOfficers)
    .values({ orgId, ...input })
    .returning();
  await auditChange(tx, actor, {
    action: 'org.officer_add',
    entity: 'party_org',
    entityId: orgId,
    diff: {
      post: input.post,
      personName: input.personName,
      ...(input.enterprisePost ? { enterprisePost: input.enterprisePost } : {}),
      ...(input.legalRepresentative ? { legalRepresentative: true } : {}),
      ...(input.unionChair ? { unionChair: true } : {}),
    },
  });
  return row;
}

/** Records or corrects the enterprise posts an officer holds; the audit keeps what each was. */
export async function updateOfficerPosts(
  tx: Tx,
  actor: Actor,
  orgId: number,
  officerId: number,
  input: OfficerEnterprisePosts,
) {
  const row = await loadOrgRecord(tx, actor, orgOfficers, orgId, officerId, '任职记录');
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of ['enterprisePost', 'legalRepresentative', 'unionChair'] as const) {
    const to = input[key];
    if (to !== undefined && to !== row[key]) diff[key] = { before: row[key], after: to };
  }
  if (Object.keys(diff).length === 0) return;
  await tx.update(orgOfficers).set(input).where(eq(orgOfficers.id, officerId));
  await auditChange(tx, actor, {
    action: 'org.officer_update',
    entity: 'party_org',
    entityId: orgId,
    diff: { officerId, personName: row.personName, ...diff },
  });
}

export async function endOfficer(tx: Tx, actor: Actor, orgId: number, officerId: number, endOn: string) {
  const row = await loadOrgRecord(tx, actor, orgOfficers, orgId, officerId, '任职记录');
  if (row.endOn) invalid('endOn', `已于 ${row.endOn} 离任`);
  if (row.startOn && endOn < row.startOn) invalid('endOn', `离任日期早于任职日期（${row.startOn}）`);
  await tx.update(orgOfficers).set({ endOn }).where(eq(orgOfficers.id, officerId));
  await auditChange(tx, actor, {
    action: 'org.officer_end',
    entity: 'party_org',
    entityId: orgId,
    diff: { post: row.post, personName: row.personName, endOn },
  });
}

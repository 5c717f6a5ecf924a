import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Formation, JointBasis, ManagementMode, OrgType, SecretarySource } from '../../domain/org/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises, orgCoverages, partyOrgs, regions } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { codeInScope, inRegionScope } from '../regions/scope.ts';
import { saveEdit } from '../saveEdit.ts';
import { today } from '../today.ts';
import { refreshOrgCoverage } from './coverage.ts';
import { invalid, notAfterToday } from './invalid.ts';
import { loadOrg, loadOrgRecord, type OrgRow } from './load.ts';
import { isDescendant } from './tree.ts';

export interface OrgProfile {
  name: string;
  orgCode: string | null;
  type: OrgType;
  jointBasis: JointBasis | null;
  parentId: number | null;
  managingOrgId: number | null;
  management: ManagementMode | null;
  approvedBy: string | null;
  secretarySource: SecretarySource | null;
  reportedFullCount: number | null;
  reportedProbationaryCount: number | null;
}

export interface OrgCreate extends OrgProfile {
  regionCode: string;
  formation: Formation;
  establishedOn: string;
  enterpriseIds: number[];
}

async function checkProfile(
  tx: Tx,
  _actor: Actor,
  p: OrgProfile,
  formation: Formation,
  regionCode: string,
  self?: number,
) {
  if (p.type === 'joint_branch' && formation !== 'joint') invalid('type', '联合党支部的组建形式应为联合组建');
  if (formation === 'joint' && !p.jointBasis)
    invalid('jointBasis', '联合组建的党组织请填写联建类型（区域联建或行业联建）');
  if (formation === 'standalone' && p.jointBasis) invalid('jointBasis', '单独组建的党组织没有联建类型');
  for (const [field, id, what] of [
    ['parentId', p.parentId, '上级党组织'],
    ['managingOrgId', p.managingOrgId, '管理党组织'],
  ] as const) {
    if (id === null) continue;
    if (id === self) invalid(field, `${what}不能是本组织`);
    const [row] = await tx.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.id, id));
    if (!row) invalid(field, `${what}不存在或不在您的管辖范围内`);
  }
  const clash = await tx
    .select({ id: partyOrgs.id, name: partyOrgs.name, orgCode: partyOrgs.orgCode })
    .from(partyOrgs)
    .where(
      and(
        sql`((${partyOrgs.regionCode} = ${regionCode} and ${partyOrgs.name} = ${p.name}) or ${partyOrgs.orgCode} = ${p.orgCode})`,
        self === undefined ? undefined : sql`${partyOrgs.id} <> ${self}`,
      ),
    );
  if (clash.some((c) => c.name === p.name)) invalid('name', `本行政区划内已有名为“${p.name}”的党组织`);
  if (clash.length > 0) invalid('orgCode', `党组织代码 ${p.orgCode} 已被其他党组织使用`);
}

/** Enterprises an org may cover: in the actor's scope, and without another standalone org in force. */
async function checkCoverable(
  tx: Tx,
  actor: Actor,
  formation: Formation,
  enterpriseIds: number[],
  on: string,
  field: string,
) {
  const found = await tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(inArray(enterprises.id, enterpriseIds), inRegionScope(enterprises.regionCode, actor)));
  if (found.length !== new Set(enterpriseIds).size) invalid(field, '所选企业不存在或不在您的管辖范围内');
  if (formation !== 'standalone') return;
  const taken = await queryRows<{ name: string }>(
    tx,
    sql`select name from enterprises
        where id = any(${`{${enterpriseIds.join(',')}}`}::int[])
          and (dangjian_org_coverage(id, ${on}::date) = 'standalone'
               or dangjian_org_coverage(id, ${today()}::date) = 'standalone')`,
  );
  if (taken.length > 0) {
    invalid(field, `${taken.map((t) => t.name).join('、')} 已有单独组建的党组织，一个企业只能有一个单独组建的党组织`);
  }
}

export async function createOrg(tx: Tx, actor: Actor, input: OrgCreate) {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
  if (!region) invalid('regionCode', `行政区划代码 ${input.regionCode} 不存在`);
  if (!codeInScope(input.regionCode, actor)) throw new HttpError(403, 'forbidden', '所选行政区划不在您的管辖范围内');
  notAfterToday('establishedOn', '成立日期', input.establishedOn);
  const units = [...new Set(input.enterpriseIds)];
  if (input.formation === 'standalone' && units.length !== 1)
    invalid('enterpriseIds', '单独组建的党组织覆盖且只覆盖一个企业');
  if (units.length === 0) invalid('enterpriseIds', '请选择党组织覆盖的企业');
  await checkProfile(tx, actor, input, input.formation, input.regionCode);
  await checkCoverable(tx, actor, input.formation, units, input.establishedOn, 'enterpriseIds');

  const { enterpriseIds: _ids, ...values } = input;
  const [org] = await tx.insert(partyOrgs).values(values).returning();
  await tx
    .insert(orgCoverages)
    .values(units.map((enterpriseId) => ({ orgId: org.id, enterpriseId, startOn: org.establishedOn })));
  await refreshOrgCoverage(tx, actor, units, today());
  await auditChange(tx, actor, {
    action: 'org.create',
    entity: 'party_org',
    entityId: org.id,
    diff: { ...values, enterpriseIds: units },
  });
  return org;
}

export async function updateOrg(tx: Tx, actor: Actor, id: number, patch: Partial<OrgProfile>) {
  const row = await loadOrg(tx, actor, id, { forUpdate: true });
  const next = { ...pickProfile(row), ...patch };
  await checkProfile(tx, actor, next, row.formation as Formation, row.regionCode, id);
  if (next.parentId !== null && (await isDescendant(tx, next.parentId, id))) {
    invalid('parentId', '上级党组织不能是本组织的下级组织');
  }
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(patch)) {
    const before = row[k as keyof OrgRow];
    if (before !== v) diff[k] = { before, after: v };
  }
  return saveEdit(tx, actor, { table: partyOrgs, id, action: 'org.update', entity: 'party_org' }, patch, diff);
}

function pickProfile(row: OrgRow): OrgProfile {
  return {
    name: row.name,
    orgCode: row.orgCode,
    type: row.type as OrgType,
    jointBasis: row.jointBasis as JointBasis | null,
    parentId: row.parentId,
    managingOrgId: row.managingOrgId,
    management: row.management as ManagementMode | null,
    approvedBy: row.approvedBy,
    secretarySource: row.secretarySource as SecretarySource | null,
    reportedFullCount: row.reportedFullCount,
    reportedProbationaryCount: row.reportedProbationaryCount,
  };
}

export async function addCoverage(tx: Tx, actor: Actor, orgId: number, enterpriseId: number, startOn: string) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  if (org.dissolvedOn) invalid('orgId', '党组织已撤销，不能再覆盖企业');
  if (startOn < org.establishedOn) invalid('startOn', `覆盖开始日期早于党组织成立日期（${org.establishedOn}）`);
  notAfterToday('startOn', '覆盖开始日期', startOn);
  const open = await tx
    .select({ enterpriseId: orgCoverages.enterpriseId })
    .from(orgCoverages)
    .where(and(eq(orgCoverages.orgId, orgId), isNull(orgCoverages.endOn)));
  if (open.some((c) => c.enterpriseId === enterpriseId)) invalid('enterpriseId', '该企业已在本党组织的覆盖范围内');
  if (org.formation === 'standalone' && open.length > 0) invalid('enterpriseId', '单独组建的党组织只覆盖一个企业');
  await checkCoverable(tx, actor, org.formation as Formation, [enterpriseId], startOn, 'enterpriseId');
  const [coverage] = await tx.insert(orgCoverages).values({ orgId, enterpriseId, startOn }).returning();
  await refreshOrgCoverage(tx, actor, [enterpriseId], today());
  await auditChange(tx, actor, {
    action: 'org.coverage_add',
    entity: 'party_org',
    entityId: orgId,
    diff: { enterpriseId, startOn },
  });
  return coverage;
}

export async function endCoverage(tx: Tx, actor: Actor, orgId: number, coverageId: number, endOn: string) {
  const coverage = await loadOrgRecord(tx, actor, orgCoverages, orgId, coverageId, '覆盖记录');
  if (coverage.endOn) invalid('endOn', `该覆盖已于 ${coverage.endOn} 结束`);
  if (endOn < coverage.startOn) invalid('endOn', `结束日期早于覆盖开始日期（${coverage.startOn}）`);
  await tx.update(orgCoverages).set({ endOn }).where(eq(orgCoverages.id, coverageId));
  await refreshOrgCoverage(tx, actor, [coverage.enterpriseId], today());
  await auditChange(tx, actor, {
    action: 'org.coverage_end',
    entity: 'party_org',
    entityId: orgId,
    diff: { enterpriseId: coverage.enterpriseId, endOn },
  });
}

/** Dissolution ends every coverage on that date; the org, its members' history and its records stay. */
export async function dissolveOrg(tx: Tx, actor: Actor, id: number, dissolvedOn: string) {
  const org = await loadOrg(tx, actor, id, { forUpdate: true });
  if (org.dissolvedOn) invalid('dissolvedOn', `党组织已于 ${org.dissolvedOn} 撤销`);
  if (dissolvedOn < org.establishedOn) invalid('dissolvedOn', `撤销日期早于成立日期（${org.establishedOn}）`);
  notAfterToday('dissolvedOn', '撤销日期', dissolvedOn);
  const [members] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from members where org_id = ${id} and left_on is null`,
  );
  if (members.n > 0) invalid('dissolvedOn', `党组织还有 ${members.n} 名党员，请先转出组织关系`);
  await tx.update(partyOrgs).set({ dissolvedOn, updatedAt: new Date() }).where(eq(partyOrgs.id, id));
  const ended = await tx
    .update(orgCoverages)
    .set({ endOn: dissolvedOn })
    .where(and(eq(orgCoverages.orgId, id), isNull(orgCoverages.endOn)))
    .returning({ enterpriseId: orgCoverages.enterpriseId });
  await refreshOrgCoverage(
    tx,
    actor,
    ended.map((c) => c.enterpriseId),
    today(),
  );
  await auditChange(tx, actor, { action: 'org.dissolve', entity: 'party_org', entityId: id, diff: { dissolvedOn } });
}

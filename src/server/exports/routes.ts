// 导出 on every list: each list's export is the screen's own list function with the screen's
// filters (listExport.ts), so the file holds exactly the rows the list counts.
import { z } from '@hono/zod-openapi';
import { and, inArray } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { listAssignments, listContacts, listRequests } from '../casework/queries.ts';
import { AssignmentListQuery, ContactListQuery, RequestListQuery } from '../casework/routes.ts';
import { getCaseworkSettings } from '../casework/settings.ts';
import type { Tx } from '../db/client.ts';
import { members } from '../db/schema.ts';
import { developmentBoard } from '../developments/queries.ts';
import { listInstructors } from '../instructors/queries.ts';
import { InstructorListQuery } from '../instructors/routes.ts';
import type { Keys } from '../keys.ts';
import { MemberListQuery, TransferListQuery } from '../members/listQueries.ts';
import { listMembers } from '../members/queries.ts';
import { memberInWriteScope } from '../members/scope.ts';
import { listTransfers } from '../members/transfers.ts';
import { listOrgs } from '../orgs/queries.ts';
import { OrgListQuery } from '../orgs/routes.ts';
import { areaRouter } from '../route.ts';
import { calendarDay, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import {
  ASSIGNMENT_COLUMNS,
  CONTACT_COLUMNS,
  DEVELOPMENT_COLUMNS,
  INSTRUCTOR_COLUMNS,
  MEMBER_COLUMNS,
  ORG_COLUMNS,
  REQUEST_COLUMNS,
  TRANSFER_COLUMNS,
} from './columns.ts';
import { defineListExport } from './listExport.ts';

export const exportRoutes = areaRouter('导出');

/** Whether a member export holds full numbers: the reveal rule, for the members the actor may reveal. */
const mayReveal = (actor: Actor) => actor.permissions.has('member.reveal');

/**
 * The full ID and phone numbers and birth dates of those of `ids` the actor may reveal (their org
 * is in the actor's scope; a mobile member seen where they work stays masked).
 */
async function revealed(tx: Tx, actor: Actor, keys: Keys, ids: number[]) {
  if (ids.length === 0) return new Map<number, { idNumber: string; phone: string | null; birthDate: string }>();
  const rows = await tx
    .select({ id: members.id, idNumber: members.idNumber, phone: members.phone, birthDate: members.birthDate })
    .from(members)
    .where(and(inArray(members.id, ids), memberInWriteScope(tx, actor)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        idNumber: keys.decrypt(r.idNumber),
        phone: r.phone === null ? null : keys.decrypt(r.phone),
        birthDate: r.birthDate,
      },
    ]),
  );
}

defineListExport(exportRoutes, {
  path: '/api/exports/orgs',
  permission: 'org.read',
  action: 'org.export',
  entity: 'party_org',
  summary: '导出党组织列表（.xlsx，与列表同筛选；记入审计）',
  query: OrgListQuery,
  title: '党组织',
  columns: () => ORG_COLUMNS,
  page: async (tx, actor, _c, filter, paging) => (await listOrgs(tx, actor, filter, paging, today())).items,
});

defineListExport(exportRoutes, {
  path: '/api/exports/members',
  permission: 'member.read',
  action: 'member.export',
  entity: 'member',
  summary: '导出党员名册（.xlsx，与列表同筛选；号码脱敏，有查看完整号码权限者导出本组织党员的完整号码；记入审计）',
  query: MemberListQuery,
  title: '党员名册',
  columns: () => MEMBER_COLUMNS,
  detail: (actor) => (mayReveal(actor) ? { revealed: ['idNumber', 'phone', 'birthDate'] } : undefined),
  page: async (tx, actor, c, filter, paging) => {
    const keys = c.get('deps').keys;
    const { items } = await listMembers(tx, actor, keys, filter, paging);
    if (!mayReveal(actor)) return items;
    const full = await revealed(
      tx,
      actor,
      keys,
      items.map((m) => m.id),
    );
    return items.map((m) => {
      const f = full.get(m.id);
      return f ? { ...m, ...f } : m;
    });
  },
});

defineListExport(exportRoutes, {
  path: '/api/exports/instructors',
  permission: 'instructor.read',
  action: 'instructor.export',
  entity: 'instructor',
  summary: '导出党建指导员和联络员（.xlsx，与列表同筛选；电话脱敏；记入审计）',
  query: InstructorListQuery,
  title: '党建指导员',
  columns: () => INSTRUCTOR_COLUMNS,
  page: async (tx, actor, c, filter, paging) =>
    (await listInstructors(tx, actor, c.get('deps').keys, filter, paging)).items,
});

defineListExport(exportRoutes, {
  path: '/api/exports/assignments',
  permission: 'instructor.read',
  action: 'instructor.assignments_export',
  entity: 'instructor',
  summary: '导出在派企业（.xlsx，与列表同筛选；记入审计）',
  query: AssignmentListQuery,
  title: '在派企业',
  columns: () => ASSIGNMENT_COLUMNS,
  // The list is not paged: all of it is the first page.
  page: async (tx, actor, _c, filter, paging) =>
    paging.page > 1
      ? []
      : (await listAssignments(tx, actor, filter, await getCaseworkSettings(tx, actor.regionCode), today())).items,
});

defineListExport(exportRoutes, {
  path: '/api/exports/contacts',
  permission: 'instructor.read',
  action: 'contact.export',
  entity: 'contact',
  summary: '导出走访联系记录（.xlsx，与列表同筛选；记入审计）',
  query: ContactListQuery,
  title: '走访联系记录',
  columns: () => CONTACT_COLUMNS,
  page: async (tx, actor, _c, filter, paging) =>
    (await listContacts(tx, actor, { ...filter, ...paging }, today())).items,
});

defineListExport(exportRoutes, {
  path: '/api/exports/requests',
  permission: 'instructor.read',
  action: 'request.export',
  entity: 'request',
  summary: '导出企业诉求（.xlsx，与列表同筛选；记入审计）',
  query: RequestListQuery,
  title: '企业诉求',
  columns: () => REQUEST_COLUMNS,
  page: async (tx, actor, _c, filter, paging) =>
    (await listRequests(tx, actor, { ...filter, ...paging }, await getCaseworkSettings(tx, actor.regionCode), today()))
      .items,
});

defineListExport(exportRoutes, {
  path: '/api/exports/developments',
  permission: 'member.read',
  action: 'development.export',
  entity: 'party_org',
  summary: '导出党组织的发展党员看板（.xlsx，各阶段的记录；身份证号码脱敏；记入审计）',
  query: z.object({ orgId: idParam, completedSince: calendarDay.optional() }),
  title: '发展党员',
  columns: () => DEVELOPMENT_COLUMNS,
  // The board is not paged: all of it is the first page.
  page: async (tx, actor, c, filter, paging) => {
    if (paging.page > 1) return [];
    const board = await developmentBoard(tx, actor, c.get('deps').keys, filter.orgId, today(), filter.completedSince);
    return board.stages.flatMap((s) => s.items);
  },
});

defineListExport(exportRoutes, {
  path: '/api/exports/transfers',
  permission: 'member.read',
  action: 'member.transfer_export',
  entity: 'member_transfer',
  summary: '导出组织关系转接（.xlsx，与列表同筛选；记入审计）',
  query: TransferListQuery,
  title: '组织关系转接',
  columns: () => TRANSFER_COLUMNS,
  page: async (tx, actor, _c, filter, paging) => (await listTransfers(tx, actor, filter, paging)).items,
});

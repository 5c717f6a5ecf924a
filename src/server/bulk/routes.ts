import { z } from '@hono/zod-openapi';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { areaRouter } from '../route.ts';
import { calendarDay, idParam } from '../schemas.ts';
import { assignAction, endCoverageAction, managingOrgAction, moveCoverageAction } from './actions.ts';
import {
  applyBatch,
  BatchResult,
  BULK_LIMIT,
  previewBatch,
  type RowAction,
  resolveSelection,
  Selection,
} from './batch.ts';

export const bulkRoutes = areaRouter('批量操作');

type Permission = 'instructor.manage' | 'org.manage';
type Body<S extends z.ZodRawShape> = { selection: z.infer<typeof Selection> } & z.infer<z.ZodObject<S>>;
type Action = 'instructor.assign' | 'org.coverage_end' | 'org.coverage_add' | 'org.update';

/**
 * Declares a bulk action's two routes: `…/preview` runs it and undoes it, answering per
 * enterprise what would change or why it is refused; `…/apply` runs it all or nothing.
 */
function bulk<S extends z.ZodRawShape>(spec: {
  path: string;
  permission: Permission;
  action: Action;
  summary: string;
  fields: S;
  rowAction: (tx: Tx, actor: Actor, body: z.infer<z.ZodObject<S>>) => Promise<RowAction> | RowAction;
}) {
  const body = z.object({ selection: Selection, ...spec.fields });
  const limit = `；一次最多 ${BULK_LIMIT} 家企业，所选企业有一家不在您的管辖范围内则整批拒绝`;
  bulkRoutes.define({
    method: 'post',
    path: `${spec.path}/preview`,
    permission: spec.permission,
    action: spec.action,
    summary: `${spec.summary}：预览（逐家说明将要发生的变化或不能处理的原因，不作任何修改）${limit}`,
    body,
    response: BatchResult,
    describe: '预览',
    handler: async ({ tx, actor, input }) => {
      const { selection, ...rest } = input.body as unknown as Body<S>;
      const targets = await resolveSelection(tx, actor, selection);
      return previewBatch(tx, targets, await spec.rowAction(tx, actor, rest as unknown as z.infer<z.ZodObject<S>>));
    },
  });
  bulkRoutes.define({
    method: 'post',
    path: `${spec.path}/apply`,
    permission: spec.permission,
    action: spec.action,
    summary: `${spec.summary}：执行（全部成功或全部不执行，每条变化各记一条审计日志）${limit}`,
    body,
    response: BatchResult,
    describe: '已执行',
    handler: async ({ tx, actor, input }) => {
      const { selection, ...rest } = input.body as unknown as Body<S>;
      const targets = await resolveSelection(tx, actor, selection);
      return applyBatch(tx, targets, await spec.rowAction(tx, actor, rest as unknown as z.infer<z.ZodObject<S>>));
    },
  });
}

bulk({
  path: '/api/enterprises/bulk/assign',
  permission: 'instructor.manage',
  action: 'instructor.assign',
  summary: '批量选派：把一名指导员选派到所选企业',
  fields: {
    instructorId: idParam,
    startOn: calendarDay,
    note: z.string().trim().max(200, '备注不超过 200 个字').nullable().default(null),
  },
  rowAction: (tx, actor, b) => assignAction(tx, actor, b),
});

bulk({
  path: '/api/enterprises/bulk/end-coverage',
  permission: 'org.manage',
  action: 'org.coverage_end',
  summary: '批量结束覆盖：所选企业正在进行的党组织覆盖在同一天结束（结束日期是不再覆盖的第一天）',
  fields: { endOn: calendarDay },
  rowAction: (_tx, actor, b) => endCoverageAction(actor, b.endOn),
});

bulk({
  path: '/api/enterprises/bulk/move-coverage',
  permission: 'org.manage',
  action: 'org.coverage_add',
  summary: '批量转移覆盖：所选企业在同一天改由另一个党组织覆盖',
  fields: { orgId: idParam, on: calendarDay },
  rowAction: (tx, actor, b) => moveCoverageAction(tx, actor, b.orgId, b.on),
});

bulk({
  path: '/api/enterprises/bulk/managing-org',
  permission: 'org.manage',
  action: 'org.update',
  summary: '批量设置管理党组织：设在覆盖所选企业的党组织上',
  fields: { managingOrgId: idParam },
  rowAction: (tx, actor, b) => managingOrgAction(tx, actor, b.managingOrgId),
});

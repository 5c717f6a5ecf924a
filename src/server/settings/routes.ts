import { createRoute } from '@hono/zod-openapi';
import { writeAudit } from '../audit/audit.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { getSecurityPolicy, putSecurityPolicy, SecurityPolicy } from './policy.ts';

const tags = ['设置'];
export const settingsRoutes = newRouter();

settingsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/settings/security',
    middleware: [permit('policy.write', 'settings.security.read')],
    tags,
    summary: '安全策略：登录失败锁定与会话超时',
    responses: jsonResponse(SecurityPolicy, '当前策略'),
  }),
  async (c) => {
    return c.json(await getSecurityPolicy(c.get('deps').database.db), 200);
  },
);

settingsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/settings/security',
    middleware: [permit('policy.write', 'settings.security')],
    tags,
    summary: '修改安全策略（安全管理员）',
    request: jsonBody(SecurityPolicy),
    responses: jsonResponse(SecurityPolicy, '修改后的策略'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const policy = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, async (tx) => {
      const before = await getSecurityPolicy(tx);
      await putSecurityPolicy(tx, policy);
      await writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'settings.security',
        entity: 'settings',
        entityId: 'security',
        result: 'success',
        diff: { before, after: policy },
      });
    });
    return c.json(policy, 200);
  },
);

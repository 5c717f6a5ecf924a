import { areaRouter } from '../route.ts';
import { getSecurityPolicy, putSecurityPolicy, SecurityPolicy } from './policy.ts';

export const settingsRoutes = areaRouter('设置');

settingsRoutes.define({
  method: 'get',
  path: '/api/settings/security',
  permission: 'policy.write',
  action: 'settings.security.read',
  summary: '安全策略：登录失败锁定与会话超时',
  response: SecurityPolicy,
  describe: '当前策略',
  handler: ({ tx }) => getSecurityPolicy(tx),
});

settingsRoutes.define({
  method: 'put',
  path: '/api/settings/security',
  permission: 'policy.write',
  action: 'settings.security',
  summary: '修改安全策略（安全管理员）',
  body: SecurityPolicy,
  response: SecurityPolicy,
  describe: '修改后的策略',
  handler: async ({ tx, input, audit }) => {
    const before = await getSecurityPolicy(tx);
    await putSecurityPolicy(tx, input.body);
    await audit({ entity: 'settings', entityId: 'security', diff: { before, after: input.body } });
    return input.body;
  },
});

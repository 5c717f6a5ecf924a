import { areaRouter } from '../route.ts';
import { AppraisalRuleSettings, getAppraisalRuleSettings, putAppraisalRuleSettings } from './appraisalRules.ts';
import { getOrgRuleSettings, OrgRuleSettings, putOrgRuleSettings } from './orgRules.ts';
import { getSecurityPolicy, putSecurityPolicy, SecurityPolicy } from './policy.ts';
import { changeRegionalSettings } from './regional.ts';

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

settingsRoutes.define({
  method: 'get',
  path: '/api/settings/org-rules',
  permission: 'org.read',
  action: 'settings.org_rules.read',
  summary: '本辖区的党组织工作规则：联合党组织覆盖单位上限、换届提示时点、三同步落实期限（未单独设置时沿用上级区划的）',
  response: OrgRuleSettings,
  describe: '当前规则',
  handler: ({ tx, actor }) => getOrgRuleSettings(tx, actor.regionCode),
});

settingsRoutes.define({
  method: 'put',
  path: '/api/settings/org-rules',
  permission: 'org.manage',
  action: 'settings.org_rules',
  summary: '修改本辖区的党组织工作规则（组织部门；下级区划未单独设置的随之变化；上级和同级区划不受影响）',
  body: OrgRuleSettings,
  response: OrgRuleSettings,
  describe: '修改后的规则',
  handler: (ctx) =>
    changeRegionalSettings(ctx, 'org_rules', { get: getOrgRuleSettings, put: putOrgRuleSettings }, ctx.input.body),
});

settingsRoutes.define({
  method: 'get',
  path: '/api/settings/appraisal-rules',
  permission: 'orglife.read',
  action: 'settings.appraisal_rules.read',
  summary: '本辖区的评定规则：软弱涣散党组织整顿期限、不合格党员组织处置期限（未单独设置时沿用上级区划的）',
  response: AppraisalRuleSettings,
  describe: '当前规则',
  handler: ({ tx, actor }) => getAppraisalRuleSettings(tx, actor.regionCode),
});

settingsRoutes.define({
  method: 'put',
  path: '/api/settings/appraisal-rules',
  permission: 'appraisal.manage',
  action: 'settings.appraisal_rules',
  summary: '修改本辖区的评定规则（下级区划未单独设置的随之变化；已登记的期限不变）',
  body: AppraisalRuleSettings,
  response: AppraisalRuleSettings,
  describe: '修改后的规则',
  handler: (ctx) =>
    changeRegionalSettings(
      ctx,
      'appraisal_rules',
      { get: getAppraisalRuleSettings, put: putAppraisalRuleSettings },
      ctx.input.body,
    ),
});

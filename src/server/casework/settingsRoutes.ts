import { areaRouter } from '../route.ts';
import { changeRegionalSettings } from '../settings/regional.ts';
import { CaseworkSettings, getCaseworkSettings, putCaseworkSettings } from './settings.ts';

// The rules of the instructors' work sit with the other settings in the API document.
export const caseworkSettingsRoutes = areaRouter('设置');

caseworkSettingsRoutes.define({
  method: 'get',
  path: '/api/settings/instructor',
  permission: 'instructor.manage',
  action: 'settings.instructor.read',
  summary: '本辖区的指导员工作规则：每周联系次数、诉求未更新提示天数（未单独设置时沿用上级区划的）',
  response: CaseworkSettings,
  describe: '当前规则',
  handler: ({ tx, actor }) => getCaseworkSettings(tx, actor.regionCode),
});

caseworkSettingsRoutes.define({
  method: 'put',
  path: '/api/settings/instructor',
  permission: 'instructor.manage',
  action: 'settings.instructor',
  summary: '修改本辖区的指导员工作规则（下级区划未单独设置的随之变化；上级和同级区划不受影响）',
  body: CaseworkSettings,
  response: CaseworkSettings,
  describe: '修改后的规则',
  handler: (ctx) =>
    changeRegionalSettings(ctx, 'instructor', { get: getCaseworkSettings, put: putCaseworkSettings }, ctx.input.body),
});

import { areaRouter } from '../route.ts';
import { CaseworkSettings, getCaseworkSettings, putCaseworkSettings } from './settings.ts';

// The rules of the instructors' work sit with the other settings in the API document.
export const caseworkSettingsRoutes = areaRouter('设置');

caseworkSettingsRoutes.define({
  method: 'get',
  path: '/api/settings/instructor',
  permission: 'instructor.manage',
  action: 'settings.instructor.read',
  summary: '指导员工作规则：每周联系次数、诉求未更新提示天数',
  response: CaseworkSettings,
  describe: '当前规则',
  handler: ({ tx }) => getCaseworkSettings(tx),
});

caseworkSettingsRoutes.define({
  method: 'put',
  path: '/api/settings/instructor',
  permission: 'instructor.manage',
  action: 'settings.instructor',
  summary: '修改指导员工作规则',
  body: CaseworkSettings,
  response: CaseworkSettings,
  describe: '修改后的规则',
  handler: async ({ tx, input, audit }) => {
    const before = await getCaseworkSettings(tx);
    await putCaseworkSettings(tx, input.body);
    await audit({ entity: 'settings', entityId: 'instructor', diff: { before, after: input.body } });
    return input.body;
  },
});

import { z } from '@hono/zod-openapi';
import { HttpError } from '../errors.ts';
import { areaRouter } from '../route.ts';
import { chooseDeploymentRegion, RegionChoiceError } from './deploymentRegion.ts';

export const setupRoutes = areaRouter('设置');

const Chosen = z.object({ regionCode: z.string(), regionName: z.string(), moved: z.array(z.string()) });

setupRoutes.define({
  method: 'put',
  path: '/api/setup/region',
  permission: 'settings.write',
  action: 'settings.region',
  summary: '首次登录时选定本系统服务的区划（只能选定一次；三员账户随之移到该区划）',
  body: z.object({ regionCode: z.string().regex(/^\d{6}$/, '请选择区划') }),
  response: Chosen,
  describe: '已选定',
  handler: async ({ tx, actor, input, audit }) => {
    try {
      const { before, regionName, moved } = await chooseDeploymentRegion(
        tx,
        input.body.regionCode,
        'prompt',
        actor.username,
      );
      await audit({
        entity: 'settings',
        entityId: 'deployment_region',
        diff: {
          before: { regionCode: before.join('、') || null },
          after: { regionCode: input.body.regionCode },
          moved,
        },
      });
      return { regionCode: input.body.regionCode, regionName, moved };
    } catch (error) {
      if (error instanceof RegionChoiceError) {
        throw new HttpError(error.code === 'already_chosen' ? 409 : 400, error.code, error.message);
      }
      throw error;
    }
  },
});

import { createRoute, z } from '@hono/zod-openapi';
import { inScope } from '../db/tx.ts';
import { jsonResponse, newRouter, requirePermission } from '../http.ts';
import { dashboard } from './service.ts';

const Dashboard = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), level: z.number() }),
    figures: z.object({
      provinces: z.number(),
      cities: z.number(),
      counties: z.number(),
      towns: z.number(),
      villages: z.number(),
      users: z.number(),
      activeUsers: z.number(),
    }),
    children: z.array(
      z.object({ code: z.string(), name: z.string(), level: z.number(), subRegions: z.number(), users: z.number() }),
    ),
  })
  .openapi('Dashboard');

export const dashboardRoutes = newRouter();

dashboardRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/dashboard',
    tags: ['首页'],
    summary: '本人管辖区域的概况数字',
    responses: jsonResponse(Dashboard, '概况'),
  }),
  async (c) => {
    const actor = await requirePermission(c, 'dashboard.read', 'dashboard.read');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => dashboard(tx, actor)), 200);
  },
);

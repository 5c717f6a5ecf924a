import { createRoute, z } from '@hono/zod-openapi';
import { inScope } from '../db/tx.ts';
import { jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { dashboard } from './service.ts';

const Ledger = z
  .object({
    inScope: z.number(),
    closed: z.number(),
    orgCovered: z.number(),
    standalone: z.number(),
    joint: z.number(),
    workCovered: z.number(),
    keyWatch: z.number(),
    needsInstructor: z.number(),
    missing: z.number(),
    categories: z.object({
      standalone: z.number(),
      joint: z.number(),
      should_form: z.number(),
      joint_candidate: z.number(),
      no_member: z.number(),
    }),
    orgCoverageRate: z.number().nullable(),
    standaloneRate: z.number().nullable(),
    workCoverageRate: z.number().nullable(),
  })
  .openapi('LedgerFigures');

const Dashboard = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), level: z.number() }),
    ledger: Ledger.nullable(),
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
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.number(),
        subRegions: z.number(),
        users: z.number(),
        ledger: Ledger.nullable(),
      }),
    ),
  })
  .openapi('Dashboard');

export const dashboardRoutes = newRouter();

dashboardRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/dashboard',
    middleware: [permit('dashboard.read', 'dashboard.read')],
    tags: ['首页'],
    summary: '本人管辖区域的概况数字',
    responses: jsonResponse(Dashboard, '概况'),
  }),
  async (c) => {
    const actor = requireActor(c);
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => dashboard(tx, actor)), 200);
  },
);

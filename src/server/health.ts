import { z } from '@hono/zod-openapi';
import { currentMigration } from './db/migrate.ts';
import { areaRouter } from './route.ts';

export const healthRoutes = areaRouter('系统');

healthRoutes.defineOpen({
  method: 'get',
  path: '/api/health',
  access: 'public',
  summary: '健康检查',
  response: z.object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgresql']),
    migration: z.string().nullable(),
  }),
  describe: '正常',
  handler: async ({ deps }) => ({
    status: 'ok' as const,
    database: deps.database.kind,
    migration: await currentMigration(deps.database),
  }),
});

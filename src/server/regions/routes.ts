import { z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { industries, regions } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { areaRouter } from '../route.ts';
import { regionPath } from './path.ts';
import { codeInScope, inRegionScope } from './scope.ts';

const Region = z
  .object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() })
  .openapi('Region');
const CodeParam = z.object({ code: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字') });

export const regionRoutes = areaRouter('参考数据');

regionRoutes.define({
  permission: null,
  action: 'region.read',
  entity: 'region',
  method: 'get',
  path: '/api/regions/{code}',
  summary: '行政区划及其上级路径（限管辖范围内）',
  params: CodeParam,
  response: Region.extend({ path: z.array(Region) }),
  describe: '区划',
  handler: async ({ tx, actor, input }) => {
    const { code } = input.params;
    if (!codeInScope(code, actor)) throw notFound('行政区划');
    const path = await regionPath(tx, code, actor);
    const self = path.at(-1);
    if (!self || self.code !== code) throw notFound('行政区划');
    return { ...self, path };
  },
});

regionRoutes.define({
  permission: null,
  action: 'region.children',
  entity: 'region',
  method: 'get',
  path: '/api/regions/{code}/children',
  summary: '下级行政区划（限管辖范围内）',
  params: CodeParam,
  response: z.array(Region),
  describe: '下级区划',
  handler: async ({ tx, actor, input }) => {
    const { code } = input.params;
    if (!codeInScope(code, actor)) throw notFound('行政区划');
    return tx
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
      })
      .from(regions)
      .where(and(eq(regions.parentCode, code), inRegionScope(regions.code, actor)))
      .orderBy(asc(regions.code));
  },
});

regionRoutes.define({
  permission: null,
  action: 'industry.list',
  method: 'get',
  path: '/api/industries',
  summary: '国民经济行业分类（GB/T 4754-2017）门类与大类',
  response: z.array(
    z.object({
      code: z.string(),
      section: z.string(),
      name: z.string(),
      nameEn: z.string(),
      isSection: z.boolean(),
    }),
  ),
  describe: '行业分类',
  handler: ({ tx }) => tx.select().from(industries).orderBy(asc(industries.code)),
});

import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { industries, regions } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { regionPath } from './path.ts';
import { codeInScope, inRegionScope } from './scope.ts';

const Region = z
  .object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() })
  .openapi('Region');
const CodeParam = z.object({ code: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字') });
const tags = ['参考数据'];

export const regionRoutes = newRouter();

regionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/regions/{code}',
    middleware: [permit(null, 'region.read', 'region')],
    tags,
    summary: '行政区划及其上级路径（限管辖范围内）',
    request: { params: CodeParam },
    responses: jsonResponse(Region.extend({ path: z.array(Region) }), '区划'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { code } = c.req.valid('param');
    const { db } = c.get('deps').database;
    if (!codeInScope(code, actor)) throw notFound('行政区划');
    const path = await regionPath(db, code, actor);
    const self = path.at(-1);
    if (!self || self.code !== code) throw notFound('行政区划');
    return c.json({ ...self, path }, 200);
  },
);

regionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/regions/{code}/children',
    middleware: [permit(null, 'region.children', 'region')],
    tags,
    summary: '下级行政区划（限管辖范围内）',
    request: { params: CodeParam },
    responses: jsonResponse(z.array(Region), '下级区划'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { code } = c.req.valid('param');
    if (!codeInScope(code, actor)) throw notFound('行政区划');
    const rows = await c
      .get('deps')
      .database.db.select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
      })
      .from(regions)
      .where(and(eq(regions.parentCode, code), inRegionScope(regions.code, actor)))
      .orderBy(asc(regions.code));
    return c.json(rows, 200);
  },
);

regionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/industries',
    middleware: [permit(null, 'industry.list')],
    tags,
    summary: '国民经济行业分类（GB/T 4754-2017）门类与大类',
    responses: jsonResponse(
      z.array(
        z.object({
          code: z.string(),
          section: z.string(),
          name: z.string(),
          nameEn: z.string(),
          isSection: z.boolean(),
        }),
      ),
      '行业分类',
    ),
  }),
  async (c) => c.json(await c.get('deps').database.db.select().from(industries).orderBy(asc(industries.code)), 200),
);

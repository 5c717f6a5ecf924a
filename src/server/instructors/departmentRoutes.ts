import { createRoute, z } from '@hono/zod-openapi';
import { REQUEST_CATEGORIES } from '../../domain/instructor/codes.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { codeOf, idParam } from '../schemas.ts';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './departments.ts';

const tags = ['党建指导员'];

const section = z.string().regex(/^[A-T]$/, '行业门类为 A–T 的一个字母');
const DepartmentInput = z.object({
  name: z.string().trim().min(1, '请填写部门名称').max(30, '部门名称不超过 30 个字'),
  sortOrder: z.number().int().min(0).max(999).default(0),
  industries: z.array(section).max(20).default([]).openapi({ description: '职能相关的行业门类（GB/T 4754 字母）' }),
  requests: z
    .array(codeOf(REQUEST_CATEGORIES))
    .max(REQUEST_CATEGORIES.length)
    .default([])
    .openapi({ description: '职能相关的诉求类别' }),
});

const Department = z
  .object({
    id: z.number(),
    name: z.string(),
    sortOrder: z.number(),
    industries: z.array(z.string()),
    requests: z.array(z.string()),
    instructors: z.number().openapi({ description: '在任的指导员和联络员（本人管辖范围内）' }),
  })
  .openapi('Department');

const byId = z.object({ id: idParam });

export const departmentRoutes = newRouter();

departmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/departments',
    tags,
    middleware: [permit('instructor.read', 'department.list')],
    summary: '职能部门目录及其与行业门类、诉求类别的相关关系；本部署尚无部门时先载入默认目录（记入审计日志）',
    responses: jsonResponse(z.array(Department), '部门目录'),
  }),
  async (c) => {
    const actor = requireActor(c);
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => listDepartments(tx, actor)), 200);
  },
);

departmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/departments',
    tags,
    middleware: [permit('instructor.manage', 'department.create')],
    summary: '新增职能部门及其相关行业门类和诉求类别',
    request: jsonBody(DepartmentInput),
    responses: jsonResponse(z.object({ id: z.number() }), '已新增'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => createDepartment(tx, actor, input)), 200);
  },
);

departmentRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/departments/{id}',
    tags,
    middleware: [permit('instructor.manage', 'department.update', 'department')],
    summary: '修改部门名称、排序或相关关系（给出的列表整体替换原有列表）',
    request: {
      params: byId,
      ...jsonBody(
        z
          .object({
            name: DepartmentInput.shape.name,
            sortOrder: z.number().int().min(0).max(999),
            industries: z.array(section).max(20),
            requests: z.array(codeOf(REQUEST_CATEGORIES)).max(REQUEST_CATEGORIES.length),
          })
          .partial()
          .strict(),
      ),
    },
    responses: jsonResponse(z.object({ changed: z.array(z.string()) }), '已修改的字段'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => updateDepartment(tx, actor, id, patch)), 200);
  },
);

departmentRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/api/departments/{id}',
    tags,
    middleware: [permit('instructor.manage', 'department.delete', 'department')],
    summary: '删除没有指导员的部门（有指导员的部门只能改名）',
    request: { params: byId },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已删除'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    await inScope(c.get('deps').database.db, actor, (tx) => deleteDepartment(tx, actor, id));
    return c.json({ ok: true as const }, 200);
  },
);

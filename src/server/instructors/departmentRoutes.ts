import { z } from '@hono/zod-openapi';
import { REQUEST_CATEGORIES } from '../../domain/instructor/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, codeOf } from '../schemas.ts';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './departments.ts';

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
    regionCode: z.string().openapi({ description: '部门所属的行政区划：本级，或上级（下级沿用）' }),
    regionName: z.string(),
    own: z.boolean().openapi({ description: '本级的部门（可修改）；否则为上级的，由上级维护' }),
    industries: z.array(z.string()),
    requests: z.array(z.string()),
    instructors: z.number().openapi({ description: '在任的指导员和联络员（本人管辖范围内）' }),
  })
  .openapi('Department');

export const departmentRoutes = areaRouter('党建指导员');

departmentRoutes.define({
  method: 'get',
  path: '/api/departments',
  permission: 'instructor.read',
  action: 'department.list',
  summary:
    '适用于本级的职能部门目录（本级的和上级的，本级同名部门代替上级的）及其与行业门类、诉求类别的相关关系；本部署尚无部门时先载入默认目录（记入审计日志）',
  response: z.array(Department),
  describe: '部门目录',
  handler: ({ tx, actor }) => listDepartments(tx, actor),
});

departmentRoutes.define({
  method: 'post',
  path: '/api/departments',
  permission: 'instructor.manage',
  action: 'department.create',
  summary: '为本级新增职能部门及其相关行业门类和诉求类别',
  body: DepartmentInput,
  response: z.object({ id: z.number() }),
  describe: '已新增',
  handler: ({ tx, actor, input }) => createDepartment(tx, actor, input.body),
});

departmentRoutes.define({
  method: 'patch',
  path: '/api/departments/{id}',
  permission: 'instructor.manage',
  action: 'department.update',
  entity: 'department',
  summary:
    '修改部门的名称、排序或相关关系（给出的列表整体替换原有列表）。修改沿用自上级的部门时不改动上级的：为本级建立一个代替它的部门，本级指导员随之改为来自新部门',
  params: byId,
  body: z
    .object({
      name: DepartmentInput.shape.name,
      sortOrder: z.number().int().min(0).max(999),
      industries: z.array(section).max(20),
      requests: z.array(codeOf(REQUEST_CATEGORIES)).max(REQUEST_CATEGORIES.length),
    })
    .partial()
    .strict(),
  response: z.object({
    id: z.number().openapi({ description: '本级现在使用的部门（修改上级的部门时为新建的本级部门）' }),
    changed: z.array(z.string()),
  }),
  describe: '已修改的字段',
  handler: ({ tx, actor, input }) => updateDepartment(tx, actor, input.params.id, input.body),
});

departmentRoutes.define({
  method: 'delete',
  path: '/api/departments/{id}',
  permission: 'instructor.manage',
  action: 'department.delete',
  entity: 'department',
  summary: '删除本级没有指导员的部门（有指导员的部门只能改名）',
  params: byId,
  response: Ok,
  describe: '已删除',
  handler: ({ tx, actor, input }) => done(deleteDepartment(tx, actor, input.params.id)),
});

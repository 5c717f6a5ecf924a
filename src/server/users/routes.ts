import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/roles.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { linkTargets } from './linkTargets.ts';
import { createUser, listUsers, resetPassword, resetTotp, setRoles, unlockUser, updateUser } from './service.ts';

const User = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    roles: z.array(z.enum(ROLES)),
    orgId: z.number().nullable(),
    instructorId: z.number().nullable(),
    disabled: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
    totpEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');
const WithPassword = z.object({ user: User, oneTimePassword: z.string() });
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const tags = ['用户'];

export const userRoutes = newRouter();

userRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/users',
    middleware: [permit('user.read', 'user.list')],
    tags,
    summary: '管辖范围内的用户列表',
    request: {
      query: z.object({
        q: z.string().max(64).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(20),
      }),
    },
    responses: jsonResponse(z.object({ total: z.number(), items: z.array(User) }), '用户列表'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    const result = await inScope(c.get('deps').database.db, actor, (tx) =>
      listUsers(tx, actor, { search: q.q, page: q.page, pageSize: q.pageSize }),
    );
    return c.json(result, 200);
  },
);

const LinkTarget = z.object({ id: z.number(), name: z.string(), regionName: z.string().nullable() });

userRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/users/link-targets',
    middleware: [permit('user.write', 'user.link_targets')],
    tags,
    summary: '账户可关联的对象：该区划内现有的党组织（党组织书记账户）与在任的指导员（党建指导员账户），仅名称',
    request: {
      query: z.object({
        region: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字'),
        q: z.string().max(64).optional(),
        orgId: z.coerce.number().int().positive().optional().describe('总是列出：账户当前关联的党组织'),
        instructorId: z.coerce.number().int().positive().optional().describe('总是列出：账户当前关联的指导员'),
      }),
    },
    responses: jsonResponse(
      z.object({
        orgs: z.array(LinkTarget),
        instructors: z.array(LinkTarget.extend({ sourceDepartmentName: z.string().nullable() })),
      }),
      '按名称排序，各至多 50 个',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => linkTargets(tx, actor, query)), 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/users',
    middleware: [permit('user.write', 'user.create', 'user')],
    tags,
    summary: '创建用户（返回一次性密码，首次登录须修改）',
    request: jsonBody(
      z.object({
        username: z.string().min(3).max(32),
        displayName: z.string().trim().min(1).max(50),
        regionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字'),
        roles: z.array(z.enum(ROLES)).optional(),
        orgId: z.number().int().positive().nullable().optional(),
        instructorId: z.number().int().positive().nullable().optional(),
      }),
    ),
    responses: jsonResponse(WithPassword, '新用户与一次性密码'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => createUser(tx, actor, body)), 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/users/{id}',
    middleware: [permit('user.write', 'user.update', 'user')],
    tags,
    summary: '修改用户姓名、所属区划，停用或启用（停用即结束其全部会话）',
    request: {
      params: IdParam,
      ...jsonBody(
        z.object({
          displayName: z.string().trim().min(1).max(50).optional(),
          regionCode: z
            .string()
            .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字')
            .optional(),
          disabled: z.boolean().optional(),
          orgId: z.number().int().positive().nullable().optional(),
          instructorId: z.number().int().positive().nullable().optional(),
        }),
      ),
    },
    responses: jsonResponse(User, '修改后的用户'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => updateUser(tx, actor, id, body)), 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/users/{id}/reset-password',
    middleware: [permit('user.write', 'user.reset_password', 'user')],
    tags,
    summary: '重置密码（返回一次性密码）',
    request: { params: IdParam },
    responses: jsonResponse(WithPassword, '一次性密码'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => resetPassword(tx, actor, id)), 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/users/{id}/roles',
    middleware: [permit('role.assign', 'user.set_roles', 'user')],
    tags,
    summary: '分配角色（安全管理员）',
    request: { params: IdParam, ...jsonBody(z.object({ roles: z.array(z.enum(ROLES)) })) },
    responses: jsonResponse(User, '修改后的用户'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { roles } = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => setRoles(tx, actor, id, roles)), 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/users/{id}/unlock',
    middleware: [permit('user.unlock', 'user.unlock', 'user')],
    tags,
    summary: '解除登录锁定（安全管理员）',
    request: { params: IdParam },
    responses: jsonResponse(User, '已解锁'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => unlockUser(tx, actor, id)), 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/users/{id}/reset-totp',
    middleware: [permit('user.unlock', 'user.reset_totp', 'user')],
    tags,
    summary: '重置动态验证码（安全管理员；用户下次登录重新绑定）',
    request: { params: IdParam },
    responses: jsonResponse(User, '已重置'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => resetTotp(tx, actor, id)), 200);
  },
);

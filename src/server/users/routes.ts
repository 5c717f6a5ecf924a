import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/roles.ts';
import { areaRouter } from '../route.ts';
import { pageOf, pageQuery } from '../schemas.ts';
import { linkTargets } from './linkTargets.ts';
import { accountFields } from './schemas.ts';
import {
  approvePasswordReset,
  createUser,
  listUsers,
  rejectPasswordReset,
  requestPasswordReset,
  resetTotp,
  setRoles,
  unlockUser,
  updateUser,
} from './service.ts';

const User = z
  .object({
    ...accountFields,
    instructorId: z.number().nullable(),
    disabled: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
    totpEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    resetRequestedAt: z
      .string()
      .nullable()
      .openapi({ description: '系统管理员申请的密码重置，待安全管理员批准；null 表示没有' }),
    createdAt: z.string(),
  })
  .openapi('User');
const WithPassword = z.object({ user: User, oneTimePassword: z.string() });
const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const userRoutes = areaRouter('用户');

userRoutes.define({
  permission: 'user.read',
  action: 'user.list',
  method: 'get',
  path: '/api/users',
  summary: '管辖范围内的用户列表',
  query: z.object({
    q: z.string().max(64).optional(),
    ...pageQuery(20),
  }),
  response: pageOf(User),
  describe: '用户列表',
  handler: ({ tx, actor, input }) => {
    const q = input.query;
    return listUsers(tx, actor, { search: q.q, page: q.page, pageSize: q.pageSize });
  },
});

const LinkTarget = z.object({ id: z.number(), name: z.string(), regionName: z.string().nullable() });

userRoutes.define({
  permission: 'user.write',
  action: 'user.link_targets',
  method: 'get',
  path: '/api/users/link-targets',
  summary: '账户可关联的对象：该区划内现有的党组织（党组织书记账户）与在任的指导员（党建指导员账户），仅名称',
  query: z.object({
    region: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字'),
    q: z.string().max(64).optional(),
    orgId: z.coerce.number().int().positive().optional().describe('总是列出：账户当前关联的党组织'),
    instructorId: z.coerce.number().int().positive().optional().describe('总是列出：账户当前关联的指导员'),
  }),
  response: z.object({
    orgs: z.array(LinkTarget),
    instructors: z.array(LinkTarget.extend({ sourceDepartmentName: z.string().nullable() })),
  }),
  describe: '按名称排序，各至多 50 个',
  handler: ({ tx, actor, input }) => {
    const query = input.query;
    return linkTargets(tx, actor, query);
  },
});

userRoutes.define({
  permission: 'user.write',
  action: 'user.create',
  entity: 'user',
  method: 'post',
  path: '/api/users',
  summary: '创建用户（返回一次性密码，首次登录须修改）',
  body: z.object({
    username: z.string().min(3).max(32),
    displayName: z.string().trim().min(1).max(50),
    regionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字'),
    roles: z.array(z.enum(ROLES)).optional(),
    orgId: z.number().int().positive().nullable().optional(),
    instructorId: z.number().int().positive().nullable().optional(),
  }),
  response: WithPassword,
  describe: '新用户与一次性密码',
  handler: ({ tx, actor, input }) => {
    const body = input.body;
    return createUser(tx, actor, body);
  },
});

userRoutes.define({
  permission: 'user.write',
  action: 'user.update',
  entity: 'user',
  method: 'patch',
  path: '/api/users/{id}',
  summary: '修改用户姓名、所属区划，停用或启用（停用即结束其全部会话）',
  params: IdParam,
  body: z.object({
    displayName: z.string().trim().min(1).max(50).optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字')
      .optional(),
    disabled: z.boolean().optional(),
    orgId: z.number().int().positive().nullable().optional(),
    instructorId: z.number().int().positive().nullable().optional(),
  }),
  response: User,
  describe: '修改后的用户',
  handler: ({ tx, actor, input }) => {
    const { id } = input.params;
    const body = input.body;
    return updateUser(tx, actor, id, body);
  },
});

userRoutes.define({
  permission: 'user.write',
  action: 'user.reset_password_request',
  entity: 'user',
  method: 'post',
  path: '/api/users/{id}/reset-password',
  summary: '申请重置密码（系统管理员）：须经安全管理员批准，一次性密码只交给批准人',
  params: IdParam,
  response: User,
  describe: '已提交申请的用户',
  handler: ({ tx, actor, input }) => requestPasswordReset(tx, actor, input.params.id),
});

userRoutes.define({
  permission: 'user.approve_reset',
  action: 'user.reset_password',
  entity: 'user',
  method: 'post',
  path: '/api/users/{id}/reset-password/approve',
  summary: '批准密码重置（安全管理员）：生成一次性密码交给本人，结束其全部会话；已绑定的动态验证码保留',
  params: IdParam,
  response: WithPassword,
  describe: '一次性密码',
  handler: ({ tx, actor, input }) => approvePasswordReset(tx, actor, input.params.id),
});

userRoutes.define({
  permission: 'user.approve_reset',
  action: 'user.reset_password_reject',
  entity: 'user',
  method: 'post',
  path: '/api/users/{id}/reset-password/reject',
  summary: '驳回密码重置申请（安全管理员）',
  params: IdParam,
  response: User,
  describe: '已驳回',
  handler: ({ tx, actor, input }) => rejectPasswordReset(tx, actor, input.params.id),
});

userRoutes.define({
  permission: 'role.assign',
  action: 'user.set_roles',
  entity: 'user',
  method: 'put',
  path: '/api/users/{id}/roles',
  summary: '分配角色（安全管理员）',
  params: IdParam,
  body: z.object({ roles: z.array(z.enum(ROLES)) }),
  response: User,
  describe: '修改后的用户',
  handler: ({ tx, actor, input }) => {
    const { id } = input.params;
    const { roles } = input.body;
    return setRoles(tx, actor, id, roles);
  },
});

userRoutes.define({
  permission: 'user.unlock',
  action: 'user.unlock',
  entity: 'user',
  method: 'post',
  path: '/api/users/{id}/unlock',
  summary: '解除登录锁定（安全管理员）',
  params: IdParam,
  response: User,
  describe: '已解锁',
  handler: ({ tx, actor, input }) => {
    const { id } = input.params;
    return unlockUser(tx, actor, id);
  },
});

userRoutes.define({
  permission: 'user.unlock',
  action: 'user.reset_totp',
  entity: 'user',
  method: 'post',
  path: '/api/users/{id}/reset-totp',
  summary: '重置动态验证码（安全管理员；用户下次登录重新绑定）',
  params: IdParam,
  response: User,
  describe: '已重置',
  handler: ({ tx, actor, input }) => {
    const { id } = input.params;
    return resetTotp(tx, actor, id);
  },
});

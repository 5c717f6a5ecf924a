// Reports passed up between deployments (docs/upward-reports.md). The receiving endpoint is
// public — a child deployment has no account here — and trusts nothing but the signature of
// the key the administrator registered for the sender's region; it answers with the region's
// history here, so the child learns of a return at its next exchange.
import { z } from '@hono/zod-openapi';
import { MAX_PACKAGE_BYTES, PERIOD_PATTERN } from '../../domain/upward/package.ts';
import { HttpError } from '../errors.ts';
import { areaRouter } from '../route.ts';
import { UpwardError } from './keys.ts';
import { childPackages, deploymentKeys, returnPackage, trustDeployment } from './manage.ts';
import { receivePackage } from './receive.ts';

const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '地区代码应为 6、9 或 12 位数字');
const period = z.string().regex(PERIOD_PATTERN, '报送期间应为年份（2026）或季度（2026Q3）').describe('年份或季度');

const History = z.array(
  z.object({
    id: z.number(),
    period: z.string(),
    action: z.enum(['receive', 'return']).openapi({ description: 'receive 收到报送包 · return 退回' }),
    sequence: z.number().nullable(),
    reason: z.string().nullable(),
    via: z.string().nullable().openapi({ description: 'http 在线报送 · file 报送包文件' }),
    actorName: z.string(),
    at: z.string(),
  }),
);

const Received = z
  .object({ region: z.string(), name: z.string(), period: z.string(), sequence: z.number(), history: History })
  .openapi('UpwardPackageReceived');

const status = z
  .enum(['none', 'received', 'returned'])
  .openapi({ description: 'none 未报 · received 已报 · returned 退回' });

const ChildPackages = z
  .object({
    region: z.string(),
    name: z.string(),
    period: z.string(),
    children: z.array(
      z.object({
        region: z.string(),
        name: z.string(),
        fingerprint: z.string().openapi({ description: '登记的公钥指纹' }),
        status,
        receivedAt: z.string().nullable(),
        sequence: z.number().nullable(),
        returnReason: z.string().nullable(),
        history: History,
        canReturn: z.boolean(),
      }),
    ),
  })
  .openapi('UpwardChildPackages');

const asHttp = (err: unknown): never => {
  if (err instanceof UpwardError) throw new HttpError(err.status, err.code, err.message);
  throw err;
};

export const upwardRoutes = areaRouter('报表');

upwardRoutes.defineOpen({
  access: 'public',
  method: 'post',
  path: '/api/deployments/packages',
  summary: '接收下级系统的签名报送包（dangjian submit --to）：验证签名、地区、版本、大小和序号后保存',
  description: `报送包不超过 ${MAX_PACKAGE_BYTES / 1048576} MB；验证不通过时不保存任何内容。`,
  response: Received,
  describe: '已接收；附该地区在本系统的报送与退回记录',
  handler: async ({ c, deps }) => {
    const body = Buffer.from(await c.req.arrayBuffer());
    return receivePackage(deps.database.db, body, 'http').catch(asHttp);
  },
});

upwardRoutes.define({
  method: 'get',
  path: '/api/deployments/packages',
  permission: 'report.read',
  action: 'report.packages',
  summary: '下级系统报送情况：各下级系统某期报送包的状态（未报 / 已报 / 退回）和记录',
  query: z.object({ region: regionCode.optional().describe('地区代码，默认为本人管辖地区'), period }),
  response: ChildPackages,
  describe: '各下级系统的报送情况',
  handler: ({ tx, actor, input }) => childPackages(tx, actor, input.query),
});

upwardRoutes.define({
  method: 'post',
  path: '/api/deployments/packages/return',
  permission: 'report.return',
  action: 'report.package_return',
  summary: '退回下级系统的报送包（说明原因）；下级下次报送时看到退回原因',
  body: z.object({
    region: regionCode,
    period,
    reason: z.string({ error: '请填写退回原因' }).trim().min(1, '请填写退回原因').max(200, '退回原因不超过 200 个字'),
  }),
  response: z.object({ id: z.number(), at: z.string() }),
  describe: '已退回',
  handler: ({ tx, actor, input }) => returnPackage(tx, actor, input.body),
});

upwardRoutes.define({
  method: 'post',
  path: '/api/deployments/trusted',
  permission: 'settings.write',
  action: 'settings.deployment_trust',
  summary: '登记（或更换）下级系统的公钥：该地区须为本系统所辖的下一级地区',
  body: z.object({
    region: regionCode,
    publicKey: z.string().min(1, '请粘贴下级系统的公钥').max(2000, '公钥过长'),
  }),
  response: z.object({ region: z.string(), name: z.string(), fingerprint: z.string() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => trustDeployment(tx, actor, input.body).catch(asHttp),
});

upwardRoutes.defineOwnTransaction({
  method: 'get',
  path: '/api/deployments/trusted',
  permission: 'settings.write',
  action: 'settings.deployments.read',
  summary: '本系统的公钥和指纹（交给上级系统登记）及已登记的下级系统',
  response: z
    .object({
      region: z.string().nullable().openapi({ description: '本系统服务的地区代码' }),
      regionName: z.string().nullable(),
      publicKey: z.string().openapi({ description: '本系统的公钥（PEM）' }),
      fingerprint: z.string(),
      children: z.array(
        z.object({
          region: z.string(),
          name: z.string(),
          fingerprint: z.string(),
          registeredBy: z.string(),
          registeredAt: z.string(),
        }),
      ),
    })
    .openapi('DeploymentKeys'),
  describe: '本系统公钥与已登记的下级系统',
  handler: ({ db }) => deploymentKeys(db),
});

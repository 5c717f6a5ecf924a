// Reports passed up between deployments (docs/upward-reports.md):
//   child:  dangjian deployments key              — print this deployment's public key to give the parent
//           dangjian submit --year 2025 --out FILE  (or --quarter 2026Q3, or --to https://parent)
//   parent: dangjian deployments trust --region CODE --key FILE
//           dangjian receive FILE
//           dangjian deployments list --period 2025
//           dangjian deployments return --region CODE --period 2025 --reason TEXT
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { isQuarter } from '../domain/stats/quarter.ts';
import { PACKAGE_STATUS_LABEL } from '../domain/upward/package.ts';
import type { Actor } from '../server/actor.ts';
import { auditChange } from '../server/audit/audit.ts';
import type { Db } from '../server/db/client.ts';
import { inScope } from '../server/db/tx.ts';
import { HttpError } from '../server/errors.ts';
import { deploymentRegion } from '../server/setup/deploymentRegion.ts';
import { buildPackage } from '../server/upward/build.ts';
import { ownPublicKey, UpwardError } from '../server/upward/keys.ts';
import { childPackages, returnPackage, trustDeployment } from '../server/upward/manage.ts';
import { type HistoryItem, receivePackage } from '../server/upward/receive.ts';
import { asOption, CliError, withActor } from './context.ts';
import type { CliIo } from './io.ts';

/** Our errors as the one-line CLI failure. */
async function plainly<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof UpwardError || err instanceof HttpError) throw new CliError(err.message);
    throw err;
  }
}

/**
 * The local operator stands for the whole installation (全国); as the parent region's committee
 * it acts at the region this deployment serves. A named user (--as) acts at their own region.
 */
async function atDeployment(db: Db, actor: Actor): Promise<Actor> {
  if (actor.actorId !== null) return actor;
  const own = await deploymentRegion(db);
  if (!own) throw new CliError('本系统尚未选定服务的行政区划（serve --region 或 DANGJIAN_REGION）');
  return { ...actor, regionCode: own.code };
}

const ACTION_LABEL = { receive: '已报', return: '退回' } as const;

/** The history a parent keeps of this region, as the child is told it (returns with their reasons). */
function printHistory(io: CliIo, history: HistoryItem[]) {
  for (const h of history) {
    const what =
      h.action === 'receive' ? `${ACTION_LABEL.receive}（序号 ${h.sequence}）` : `${ACTION_LABEL.return}：${h.reason}`;
    io.log(`  ${h.period}  ${h.at.slice(0, 10)}  ${what}`);
  }
}

/** The parent's address: HTTPS, except on this machine (a test, or a tunnel's local end). */
function endpointOf(to: string): URL {
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    throw new CliError(`--to 不是有效的网址：${to}`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:'))
    throw new CliError(`--to 须为 https:// 地址（本机测试可用 http://127.0.0.1）：${to}`);
  return new URL('/api/deployments/packages', url);
}

/** Posts the package as the API's double-submit CSRF check asks: the token from /api/session, as cookie and header. */
async function post(url: URL, body: string) {
  const session = await fetch(new URL('/api/session', url));
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
    body,
  });
  const answer = (await res.json().catch(() => null)) as
    | { history: HistoryItem[]; name: string; period: string; sequence: number }
    | { error?: { message?: string } }
    | null;
  if (!res.ok || !answer || !('history' in answer))
    throw new CliError(
      `上级系统未接收：${(answer as { error?: { message?: string } })?.error?.message ?? `HTTP ${res.status}`}`,
    );
  return answer;
}

export function submitCommand(io: CliIo) {
  return new Command('submit')
    .description('向上级系统报送本地区的报表（签名报送包）：年度报年报表和统计表，季度报季报；附台账分类计数')
    .addOption(new Option('--year <YYYY>', '报送年度（年度统计表、年报表 27 / 30）').conflicts('quarter'))
    .option('--quarter <2026Q3>', '报送季度（新建党组织季报）')
    .option('--region <code>', '报送地区（默认本系统服务的区划）')
    .option('--out <file>', '写成报送包文件，由人带到上级系统 dangjian receive')
    .option('--to <url>', '直接报送到上级系统的网址（https://…）')
    .addOption(asOption())
    .action(
      async (opts: { year?: string; quarter?: string; region?: string; out?: string; to?: string; as?: string }) => {
        const period = opts.year ?? opts.quarter;
        if (!period) throw new CliError('请指定 --year YYYY 或 --quarter 2026Q3');
        if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
          throw new CliError(`--year 应为四位年份：${opts.year}`);
        if (opts.quarter !== undefined && !isQuarter(opts.quarter))
          throw new CliError(`--quarter 格式应为 2026Q3：${opts.quarter}`);
        if (!opts.out === !opts.to) throw new CliError('请指定 --out FILE 或 --to URL 之一');
        const url = opts.to ? endpointOf(opts.to) : null;
        await withActor(io, opts.as, 'report.submit', 'report.package_submit', async (opened, actor) => {
          const db = opened.database.db;
          const { envelope, payload } = await plainly(buildPackage(db, actor, { region: opts.region, period }));
          const body = JSON.stringify(envelope);
          const audit = (to: string) =>
            inScope(db, actor, (tx) =>
              auditChange(tx, actor, {
                action: 'report.package_submit',
                entity: 'region',
                entityId: payload.region.code,
                diff: { period, sequence: payload.sequence, to },
              }),
            );
          if (opts.out) {
            fs.writeFileSync(opts.out, body, { mode: 0o600 });
            await audit('file');
            io.log(`已生成 ${payload.region.name} ${period} 的报送包（序号 ${payload.sequence}）→ ${opts.out}`);
            return;
          }
          const answer = await post(url as URL, body);
          await audit(url?.origin ?? '');
          io.log(
            `上级系统已接收 ${payload.region.name} ${period} 的报送包（序号 ${payload.sequence}）。在上级系统的记录：`,
          );
          printHistory(io, answer.history);
        });
      },
    );
}

export function receiveCommand(io: CliIo) {
  return new Command('receive')
    .description('接收下级系统的报送包文件：验证签名、地区和序号后，下级的数据出现在本系统报表中')
    .argument('<file>', '报送包文件')
    .addOption(asOption())
    .action(async (file: string, opts: { as?: string }) => {
      if (!fs.existsSync(file)) throw new CliError(`文件不存在：${file}`);
      await withActor(io, opts.as, 'report.return', 'report.package_receive', async (opened) => {
        const got = await plainly(receivePackage(opened.database.db, fs.readFileSync(file), 'file'));
        io.log(`已接收 ${got.name} ${got.period} 的报送包（序号 ${got.sequence}）。该地区的记录：`);
        printHistory(io, got.history);
      });
    });
}

export function deploymentCommands(io: CliIo) {
  const c = new Command('deployments').description('上下级系统之间报送：本系统公钥、登记下级系统、报送情况、退回');
  c.command('key')
    .description('打印本系统的公钥（首次使用时生成密钥对；私钥不导出），交上级系统登记')
    .option('--out <file>', '同时写入文件')
    .action((opts: { out?: string }) =>
      withActor(io, undefined, 'report.submit', 'report.package_submit', async (opened) => {
        const key = await ownPublicKey(opened.database.db);
        if (opts.out) fs.writeFileSync(opts.out, key.publicKey);
        io.out(key.publicKey);
        io.err(`指纹：${key.fingerprint}（请与上级系统登记后显示的指纹核对）\n`);
      }),
    );
  c.command('trust')
    .description('登记（或更换）下级系统的公钥')
    .requiredOption('--region <code>', '下级地区代码（须为本系统所辖的下一级地区）')
    .requiredOption('--key <file>', '下级系统 dangjian deployments key 打印的公钥文件')
    .addOption(asOption())
    .action((opts: { region: string; key: string; as?: string }) => {
      if (!fs.existsSync(opts.key)) throw new CliError(`文件不存在：${opts.key}`);
      const publicKey = fs.readFileSync(opts.key, 'utf8');
      return withActor(io, opts.as, 'settings.write', 'settings.deployment_trust', async (opened, actor) => {
        const got = await plainly(
          inScope(opened.database.db, actor, (tx) => trustDeployment(tx, actor, { region: opts.region, publicKey })),
        );
        io.log(`已登记 ${got.name}（${got.region}）下级系统的公钥，指纹：${got.fingerprint}`);
      });
    });
  c.command('list')
    .description('下级系统某期的报送情况（未报 / 已报 / 退回）')
    .requiredOption('--period <period>', '年份（2025）或季度（2026Q3）')
    .option('--region <code>', '上级地区（默认本系统服务的区划）')
    .option('--json', '输出 JSON')
    .addOption(asOption())
    .action((opts: { period: string; region?: string; json?: boolean; as?: string }) =>
      withActor(io, opts.as, 'report.read', 'report.packages', async (opened, actor) => {
        const region = opts.region ?? (await atDeployment(opened.database.db, actor)).regionCode;
        const got = await plainly(
          inScope(opened.database.db, actor, (tx) => childPackages(tx, actor, { region, period: opts.period })),
        );
        if (opts.json) return io.log(JSON.stringify(got));
        for (const ch of got.children)
          io.log(
            `${ch.region} ${ch.name}  ${PACKAGE_STATUS_LABEL[ch.status]}${ch.returnReason ? `（${ch.returnReason}）` : ''}`,
          );
      }),
    );
  c.command('return')
    .description('退回下级系统的报送包（说明原因）；下级下次报送时看到')
    .requiredOption('--region <code>', '下级地区代码')
    .requiredOption('--period <period>', '年份或季度')
    .requiredOption('--reason <text>', '退回原因')
    .addOption(asOption())
    .action((opts: { region: string; period: string; reason: string; as?: string }) =>
      withActor(io, opts.as, 'report.return', 'report.package_return', async (opened, actor) => {
        const reason = opts.reason.trim();
        if (!reason) throw new CliError('请填写退回原因');
        const parent = await atDeployment(opened.database.db, actor);
        await plainly(inScope(opened.database.db, parent, (tx) => returnPackage(tx, parent, { ...opts, reason })));
        io.log(`已退回 ${opts.region} ${opts.period} 的报送包`);
      }),
    );
  return c;
}

// The parent deployment receives a child's package (`dangjian receive FILE`, or the child's
// `dangjian submit --to URL` posting it). Everything is checked before anything is written:
// size, JSON, format and version, the registered key's signature, that the sender's region is
// a child of this deployment's, that the package is newer than the last one received, and that
// it carries the period's reports for that region. Then one transaction keeps it and audits it.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { MAX_PACKAGE_BYTES, type PackageStatus, reportsOf } from '../../domain/upward/package.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { trustedDeployments, upwardPackageEvents } from '../db/schema.ts';
import { deploymentRegion } from '../setup/deploymentRegion.ts';
import { Envelope, Payload } from './format.ts';
import { UpwardError, verify } from './keys.ts';

export interface HistoryItem {
  id: number;
  period: string;
  action: 'receive' | 'return';
  sequence: number | null;
  reason: string | null;
  via: string | null;
  actorName: string;
  at: string;
}

/** A child region's packages and returns on this deployment, oldest first (what the child is told at each exchange). */
export async function historyOf(tx: Db | Tx, regionCode: string, period?: string): Promise<HistoryItem[]> {
  const rows = await queryRows<Omit<HistoryItem, 'at'> & { at: string | Date }>(
    tx,
    sql`select id, period, action, sequence, reason, via, actor_name as "actorName", at
        from upward_package_events where region_code = ${regionCode}
          ${period ? sql`and period = ${period}` : sql``}
        order by at, id`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** Where a period stands: 未报 with no package, 退回 when the last event is a return, else 已报. */
export function statusOf(history: HistoryItem[]): PackageStatus {
  const last = history.at(-1);
  return !last ? 'none' : last.action === 'return' ? 'returned' : 'received';
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UpwardError(400, 'bad_json', `${what}不是有效的 JSON，未接收`);
  }
}

function issue(error: { issues: { path: PropertyKey[]; message: string }[] }, what: string): never {
  const first = error.issues[0];
  const at = first.path.length ? `（${first.path.join('.')}）` : '';
  throw new UpwardError(400, 'bad_package', `${what}格式不符${at}：${first.message}，未接收`);
}

/** The envelope and its payload, read and checked for shape (not yet for trust). */
export function readPackage(body: Buffer | string) {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (size > MAX_PACKAGE_BYTES)
    throw new UpwardError(
      413,
      'too_large',
      `报送包过大（${(size / 1048576).toFixed(1)} MB），上限 ${MAX_PACKAGE_BYTES / 1048576} MB，未接收`,
    );
  const envelope = Envelope.safeParse(parseJson(body.toString(), '报送包'));
  if (!envelope.success) issue(envelope.error, '报送包');
  const bytes = Buffer.from(envelope.data.payload, 'base64');
  const payload = Payload.safeParse(parseJson(bytes.toString('utf8'), '报送包内容'));
  if (!payload.success) issue(payload.error, '报送包内容');
  return { bytes, signature: Buffer.from(envelope.data.signature, 'base64'), payload: payload.data };
}

/** The period's reports, each of the sender's region, its rows its own subtree's, and nothing else. */
function checkReports(p: Payload) {
  const wanted: readonly string[] = reportsOf(p.period);
  for (const [kind, report] of Object.entries(p.reports)) {
    if (!report) continue;
    if (!wanted.includes(kind))
      throw new UpwardError(400, 'bad_package', `${p.period} 的报送包不应含 ${kind} 报表，未接收`);
    const foreign = [report.region, ...report.rows.map((r) => r.region)].find((c) => !c.startsWith(p.region.code));
    if (foreign !== undefined || report.region !== p.region.code)
      throw new UpwardError(
        400,
        'bad_package',
        `报送包的 ${kind} 报表含非 ${p.region.name} 的地区（${foreign}），未接收`,
      );
  }
  const missing = wanted.find((k) => !p.reports[k as keyof Payload['reports']]);
  if (missing) throw new UpwardError(400, 'bad_package', `${p.period} 的报送包缺少 ${missing} 报表，未接收`);
}

export async function receivePackage(
  db: Db,
  body: Buffer | string,
  via: 'file' | 'http',
): Promise<{ region: string; name: string; period: string; sequence: number; history: HistoryItem[] }> {
  const { bytes, signature, payload } = readPackage(body);
  const own = await deploymentRegion(db);
  if (!own) throw new UpwardError(400, 'no_region', '本系统尚未选定服务的行政区划，无法接收下级报送');
  const { code, name } = payload.region;
  return db.transaction(async (tx) => {
    const [trusted] = await tx
      .select()
      .from(trustedDeployments)
      .where(eq(trustedDeployments.regionCode, code))
      .for('update');
    if (!trusted)
      throw new UpwardError(
        403,
        'untrusted',
        `未登记 ${name}（${code}）下级系统的公钥，未接收：请系统管理员先登记（dangjian deployments trust）`,
      );
    if (!verify(trusted.publicKey, bytes, signature))
      throw new UpwardError(
        403,
        'bad_signature',
        `签名校验失败：报送包在签名后被改动，或不是 ${name} 登记的密钥所签，未接收`,
      );
    const [region] = await queryRows<{ parentCode: string | null; name: string }>(
      tx,
      sql`select parent_code as "parentCode", name from regions where code = ${code}`,
    );
    if (region?.parentCode !== own.code)
      throw new UpwardError(403, 'not_child', `${name}（${code}）不是本系统所辖的下一级地区，未接收`);
    if (payload.sequence <= trusted.lastSequence)
      throw new UpwardError(
        409,
        'replay',
        `报送包已过时：序号 ${payload.sequence} 不大于已接收的 ${trusted.lastSequence}（重复或较早的报送包），未接收`,
      );
    checkReports(payload);
    const digest = crypto.createHash('sha256').update(bytes).digest('hex');
    const actorName = `下级系统（${region.name}）`;
    await tx.insert(upwardPackageEvents).values({
      regionCode: code,
      period: payload.period,
      action: 'receive',
      sequence: payload.sequence,
      signedAt: new Date(payload.signedAt),
      figures: payload,
      signature: signature.toString('base64'),
      digest,
      via,
      actorName,
    });
    await tx
      .update(trustedDeployments)
      .set({ lastSequence: payload.sequence })
      .where(eq(trustedDeployments.regionCode, code));
    await writeAudit(tx, {
      actorId: null,
      actorName,
      ip: null,
      action: 'report.package_receive',
      entity: 'region',
      entityId: code,
      result: 'success',
      diff: { period: payload.period, sequence: payload.sequence, via, digest },
    });
    return {
      region: code,
      name: region.name,
      period: payload.period,
      sequence: payload.sequence,
      history: await historyOf(tx, code),
    };
  });
}

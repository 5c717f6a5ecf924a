// The parent's side besides receiving: registering a child deployment's key (the system
// administrator), listing the children's packages with their status, and returning one with a
// reason (the parent region's committee). The return is told to the child at its next exchange:
// `dangjian submit --to URL` answers with the region's history here, returns and reasons included.
import { eq, sql } from 'drizzle-orm';
import { type Actor, can } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { trustedDeployments, upwardPackageEvents } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { regionInScope } from '../regions/scope.ts';
import { deploymentRegion } from '../setup/deploymentRegion.ts';
import { fingerprint, ownPublicKey, parsePublicKey, UpwardError } from './keys.ts';
import { historyOf, statusOf } from './receive.ts';

async function childOfDeployment(tx: Tx, code: string) {
  const own = await deploymentRegion(tx);
  const [region] = await queryRows<{ code: string; name: string; parentCode: string | null }>(
    tx,
    sql`select code, name, parent_code as "parentCode" from regions where code = ${code}`,
  );
  if (!region) throw new UpwardError(404, 'not_found', `行政区划 ${code} 不存在`);
  if (!own || region.parentCode !== own.code)
    throw new UpwardError(400, 'not_child', `${region.name}（${code}）不是本系统所辖的下一级地区`);
  return region;
}

/** Registers (or replaces) the key of the child region's deployment. A new key starts its sequence afresh. */
export async function trustDeployment(tx: Tx, actor: Actor, input: { region: string; publicKey: string }) {
  await regionInScope(tx, actor, input.region);
  const region = await childOfDeployment(tx, input.region);
  const publicKey = parsePublicKey(input.publicKey);
  const print = fingerprint(publicKey);
  const [before] = await tx.select().from(trustedDeployments).where(eq(trustedDeployments.regionCode, region.code));
  const values = { publicKey, fingerprint: print, registeredBy: actor.displayName, registeredAt: new Date() };
  if (!before) await tx.insert(trustedDeployments).values({ regionCode: region.code, ...values });
  else if (before.publicKey !== publicKey)
    await tx
      .update(trustedDeployments)
      .set({ ...values, lastSequence: 0 })
      .where(eq(trustedDeployments.regionCode, region.code));
  await auditChange(tx, actor, {
    action: 'settings.deployment_trust',
    entity: 'region',
    entityId: region.code,
    diff: { regionName: region.name, fingerprint: print, ...(before ? { before: before.fingerprint } : {}) },
  });
  return { region: region.code, name: region.name, fingerprint: print };
}

/** The child deployments of the region (default: the actor's) with where each stands for the period. */
export async function childPackages(tx: Tx, actor: Actor, input: { region?: string; period: string }) {
  const region = await regionInScope(tx, actor, input.region ?? actor.regionCode);
  const children = await queryRows<{ region: string; name: string; fingerprint: string; registeredAt: string | Date }>(
    tx,
    sql`select t.region_code as region, r.name, t.fingerprint, t.registered_at as "registeredAt"
        from trusted_deployments t join regions r on r.code = t.region_code
        where r.parent_code = ${region.code} order by t.region_code`,
  );
  const mayReturn = region.code === actor.regionCode && can(actor, 'report.return');
  const out = [];
  for (const c of children) {
    const history = await historyOf(tx, c.region, input.period);
    const status = statusOf(history);
    const lastReceive = history.findLast((h) => h.action === 'receive') ?? null;
    out.push({
      region: c.region,
      name: c.name,
      fingerprint: c.fingerprint,
      status,
      receivedAt: lastReceive?.at ?? null,
      sequence: lastReceive?.sequence ?? null,
      returnReason: status === 'returned' ? (history.at(-1)?.reason ?? null) : null,
      history,
      canReturn: mayReturn && status === 'received',
    });
  }
  return { region: region.code, name: region.name, period: input.period, children: out };
}

/** The parent region's committee returns the child's package of the period, with a reason. */
export async function returnPackage(tx: Tx, actor: Actor, input: { region: string; period: string; reason: string }) {
  const region = await regionInScope(tx, actor, input.region);
  const [parent] = await queryRows<{ parentCode: string | null }>(
    tx,
    sql`select parent_code as "parentCode" from regions where code = ${region.code}`,
  );
  if (parent?.parentCode !== actor.regionCode)
    throw new HttpError(403, 'not_parent_region', `只有上级地区的党委（工委）可以退回${region.name}的报送`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`upward_package:${region.code}`}))`);
  const history = await historyOf(tx, region.code, input.period);
  const status = statusOf(history);
  if (status === 'none')
    throw new HttpError(409, 'not_submitted', `${region.name} 尚未报送 ${input.period} 的报送包，无可退回`);
  if (status === 'returned')
    throw new HttpError(409, 'already_returned', `${region.name} 的 ${input.period} 报送包已退回，等待重新报送`);
  const [row] = await tx
    .insert(upwardPackageEvents)
    .values({
      regionCode: region.code,
      period: input.period,
      action: 'return',
      reason: input.reason,
      actorName: actor.displayName,
    })
    .returning({ id: upwardPackageEvents.id, at: upwardPackageEvents.at });
  await auditChange(tx, actor, {
    action: 'report.package_return',
    entity: 'region',
    entityId: region.code,
    diff: { period: input.period, regionName: region.name, reason: input.reason },
  });
  return { id: row.id, at: row.at.toISOString() };
}

/**
 * What the administrator's settings page shows: this deployment's region, its own public key
 * (to give to the parent) and the child deployments registered here. Reads the key table, so
 * it runs as the database owner (the application role cannot read deployment_keys).
 */
export async function deploymentKeys(db: Db) {
  const own = await ownPublicKey(db);
  const region = await deploymentRegion(db);
  const [named] = region
    ? await queryRows<{ name: string }>(db, sql`select name from regions where code = ${region.code}`)
    : [];
  const children = await queryRows<{
    region: string;
    name: string;
    fingerprint: string;
    registeredBy: string;
    registeredAt: string | Date;
  }>(
    db,
    sql`select t.region_code as region, r.name, t.fingerprint, t.registered_by as "registeredBy",
               t.registered_at as "registeredAt"
        from trusted_deployments t join regions r on r.code = t.region_code order by t.region_code`,
  );
  return {
    region: region?.code ?? null,
    regionName: named?.name ?? null,
    publicKey: own.publicKey,
    fingerprint: own.fingerprint,
    children: children.map((c) => ({ ...c, registeredAt: new Date(c.registeredAt).toISOString() })),
  };
}

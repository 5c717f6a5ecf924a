import { and, asc, count, desc, eq, inArray, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { PoolOrigin, PoolStatus } from '../../domain/recognition/codes.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { escapeLike } from '../db/like.ts';
import { partyOrgs, poolSecretaries, regions, secretaryDispatches } from '../db/schema.ts';
import type { Keys } from '../keys.ts';
import { maskedPhone } from '../members/presenter.ts';
import { loadOrg } from '../orgs/load.ts';
import { loadPoolSecretary, type PoolSecretaryRow } from './load.ts';
import { type CurrentDispatch, presentPoolSecretary } from './presenter.ts';
import { poolSecretaryInScope, poolSecretaryInWriteScope, poolStatusSql } from './scope.ts';

export interface PoolFilter {
  q?: string;
  origin?: PoolOrigin;
  status?: PoolStatus | 'in_pool' | 'all';
  regionCode?: string;
}

function filterOf(actor: Actor, f: PoolFilter): SQL {
  const where: SQL[] = [poolSecretaryInScope(actor)];
  if (f.q) where.push(like(poolSecretaries.name, `%${escapeLike(f.q)}%`));
  if (f.origin) where.push(eq(poolSecretaries.origin, f.origin));
  if (f.regionCode) where.push(like(poolSecretaries.regionCode, `${regionPrefix(f.regionCode)}%`));
  const status = f.status ?? 'in_pool';
  if (status === 'in_pool') where.push(isNull(poolSecretaries.leftOn));
  else if (status !== 'all') where.push(sql`${poolStatusSql} = ${status}`);
  return and(...where) as SQL;
}

/** Each listed person's open dispatch (where they serve now), among those the actor sees. */
async function currentDispatches(tx: Tx, ids: number[]): Promise<Map<number, CurrentDispatch>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      secretaryId: secretaryDispatches.secretaryId,
      dispatchId: secretaryDispatches.id,
      orgId: secretaryDispatches.orgId,
      orgName: partyOrgs.name,
      startOn: secretaryDispatches.startOn,
    })
    .from(secretaryDispatches)
    .innerJoin(partyOrgs, eq(partyOrgs.id, secretaryDispatches.orgId))
    .where(and(inArray(secretaryDispatches.secretaryId, ids), isNull(secretaryDispatches.endOn)));
  return new Map(rows.map(({ secretaryId, ...d }) => [secretaryId, d]));
}

async function present(tx: Tx, keys: Keys, rows: (PoolSecretaryRow & { regionName: string | null; status: string })[]) {
  const current = await currentDispatches(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map(({ regionName, status, ...row }) =>
    presentPoolSecretary(row, keys, { regionName, status, current: current.get(row.id) ?? null }),
  );
}

export async function listPoolSecretaries(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  filter: PoolFilter,
  page: { page: number; pageSize: number },
) {
  const where = filterOf(actor, filter);
  const [{ total }] = await tx.select({ total: count() }).from(poolSecretaries).where(where);
  const rows = await tx
    .select({ row: poolSecretaries, regionName: regions.name, status: poolStatusSql })
    .from(poolSecretaries)
    .leftJoin(regions, eq(regions.code, poolSecretaries.regionCode))
    .where(where)
    .orderBy(asc(poolSecretaries.name), asc(poolSecretaries.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    total,
    items: await present(
      tx,
      keys,
      rows.map((r) => ({ ...r.row, regionName: r.regionName, status: r.status })),
    ),
  };
}

/** One person: their record, whether the actor may change it, and every dispatch the actor can see. */
export async function poolSecretaryDetail(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const row = await loadPoolSecretary(tx, actor, id);
  const [extra] = await tx
    .select({ regionName: regions.name, status: poolStatusSql })
    .from(poolSecretaries)
    .leftJoin(regions, eq(regions.code, poolSecretaries.regionCode))
    .where(eq(poolSecretaries.id, id));
  const [secretary] = await present(tx, keys, [{ ...row, ...extra }]);
  const [own] = await tx
    .select({ id: poolSecretaries.id })
    .from(poolSecretaries)
    .where(and(eq(poolSecretaries.id, id), poolSecretaryInWriteScope(actor)));
  const dispatches = await tx
    .select({
      id: secretaryDispatches.id,
      orgId: secretaryDispatches.orgId,
      orgName: partyOrgs.name,
      regionName: regions.name,
      startOn: secretaryDispatches.startOn,
      endOn: secretaryDispatches.endOn,
      note: secretaryDispatches.note,
    })
    .from(secretaryDispatches)
    .innerJoin(partyOrgs, eq(partyOrgs.id, secretaryDispatches.orgId))
    .leftJoin(regions, eq(regions.code, partyOrgs.regionCode))
    .where(eq(secretaryDispatches.secretaryId, id))
    .orderBy(desc(secretaryDispatches.startOn));
  return { secretary, writable: own !== undefined, dispatches };
}

/** The dispatched secretaries (下派书记) of an org, now and before: shown on the org's page. */
export async function orgDispatchedSecretaries(tx: Tx, actor: Actor, keys: Keys, orgId: number) {
  await loadOrg(tx, actor, orgId);
  const rows = await tx
    .select({
      id: secretaryDispatches.id,
      secretaryId: poolSecretaries.id,
      name: poolSecretaries.name,
      origin: poolSecretaries.origin,
      originUnit: poolSecretaries.originUnit,
      phone: poolSecretaries.phone,
      startOn: secretaryDispatches.startOn,
      endOn: secretaryDispatches.endOn,
      note: secretaryDispatches.note,
    })
    .from(secretaryDispatches)
    .innerJoin(poolSecretaries, eq(poolSecretaries.id, secretaryDispatches.secretaryId))
    .where(eq(secretaryDispatches.orgId, orgId))
    .orderBy(desc(secretaryDispatches.startOn));
  return rows.map((r) => ({ ...r, origin: r.origin as PoolOrigin, phone: maskedPhone(keys, r.phone) }));
}

import { and, eq } from 'drizzle-orm';
import { type ColumnKey, ENTERPRISE_COLUMNS } from '../../../domain/enterprise/columns.ts';
import type { EnterpriseInput } from '../../../domain/enterprise/input.ts';
import { regionNotFoundMessage, regionOutOfScopeMessage } from '../../../domain/enterprise/messages.ts';
import { parseEnterpriseRow } from '../../../domain/enterprise/row.ts';
import { maskPhone } from '../../../domain/mask.ts';
import type { Actor } from '../../actor.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Tx } from '../../db/client.ts';
import { enterprises as e, enterpriseHistory, regions } from '../../db/schema.ts';
import { HttpError, notFound } from '../../errors.ts';
import type { Keys } from '../../keys.ts';
import { codeInScope, inRegionScope } from '../../regions/scope.ts';
import { LEDGER_FIELDS } from '../fields.ts';

export type EnterprisePatch = Partial<Record<Exclude<ColumnKey, 'uscc'>, unknown>>;

const keyOfHeader = new Map(ENTERPRISE_COLUMNS.map((c) => [c.header, c.key]));

function bad(field: string, message: string): never {
  throw new HttpError(400, 'validation', message, [{ field, message }]);
}

/**
 * A user's correction of one enterprise, checked by exactly the rules an import row is
 * (the record with the changes laid over it goes through the same parser), recorded
 * field by field in the history as a user edit, and audited in the same transaction.
 */
export async function editEnterprise(tx: Tx, actor: Actor, keys: Keys, id: number, patch: EnterprisePatch) {
  const [row] = await tx
    .select()
    .from(e)
    .where(and(eq(e.id, id), inRegionScope(e.regionCode, actor)))
    .for('update');
  if (!row) throw notFound('企业');
  if ('uscc' in patch) bad('uscc', '统一社会信用代码是企业的标识，不能修改');

  const record = row as unknown as Record<string, unknown>;
  const cells = new Map<ColumnKey, unknown>(ENTERPRISE_COLUMNS.map((c) => [c.key, record[c.key] ?? null]));
  cells.set('phone', row.phone ? keys.decrypt(row.phone) : null);
  for (const [k, v] of Object.entries(patch)) cells.set(k as ColumnKey, v);
  // A stored full-member count that was only estimated stays an estimate unless it is given.
  if (row.fullMemberEstimated && !('fullMemberCount' in patch)) cells.set('fullMemberCount', null);

  const parsed = parseEnterpriseRow(cells, 0);
  if (!parsed.value) {
    const details = parsed.errors.map((i) => ({ field: keyOfHeader.get(i.column) ?? i.column, message: i.message }));
    throw new HttpError(400, 'validation', details.map((d) => d.message).join('；'), details);
  }
  const next = parsed.value;
  if (next.regionCode !== row.regionCode) {
    const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, next.regionCode));
    if (!region) bad('regionCode', regionNotFoundMessage(next.regionCode));
    if (!codeInScope(next.regionCode, actor)) bad('regionCode', regionOutOfScopeMessage(next.regionCode));
  }

  const set: Record<string, unknown> = {};
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of LEDGER_FIELDS) {
    const before = record[f.key] ?? null;
    const after = next[f.key as keyof EnterpriseInput] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      set[f.key] = after;
      diff[f.key] = { before, after };
    }
  }
  if (next.fullMemberEstimated !== row.fullMemberEstimated) set.fullMemberEstimated = next.fullMemberEstimated;
  const oldPhone = row.phone ? keys.decrypt(row.phone) : null;
  if ((next.phone ?? null) !== oldPhone) {
    set.phone = next.phone ? keys.encrypt(next.phone) : null;
    set.phoneHash = next.phone ? keys.lookupHash(next.phone) : null;
    diff.phone = { before: oldPhone && maskPhone(oldPhone), after: next.phone && maskPhone(next.phone) };
  }
  if (Object.keys(diff).length === 0) return { changed: [] as string[] };

  await tx
    .update(e)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(e.id, id));
  await tx.insert(enterpriseHistory).values(
    Object.entries(diff).map(([field, d]) => ({
      enterpriseId: id,
      field,
      before: d.before,
      after: d.after,
      actorId: actor.actorId,
      actorName: actor.username,
    })),
  );
  await writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action: 'enterprise.update',
    entity: 'enterprise',
    entityId: id,
    result: 'success',
    diff,
  });
  return { changed: Object.keys(diff) };
}

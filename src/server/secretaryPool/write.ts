import { and, eq, isNull } from 'drizzle-orm';
import { maskBirthDate, maskPhone } from '../../domain/mask.ts';
import type { PoolOrigin } from '../../domain/recognition/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { poolSecretaries, regions, secretaryDispatches } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { Keys } from '../keys.ts';
import { sealPhone } from '../keys.ts';
import { normalizePhone } from '../members/checks.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { phoneChange } from '../phoneChange.ts';
import { codeInScope } from '../regions/scope.ts';
import { revealPhone } from '../revealPhone.ts';
import { saveEdit } from '../saveEdit.ts';
import { loadPoolSecretary, type PoolSecretaryRow } from './load.ts';

export interface PoolSecretaryInput {
  name: string;
  sex: 'male' | 'female';
  birthDate: string | null;
  phone: string | null;
  origin: PoolOrigin;
  originUnit: string;
  regionCode: string;
  enteredOn: string;
  note: string | null;
}

export interface PoolSecretaryPatch extends Partial<PoolSecretaryInput> {
  /** From this date out of the pool; null: back in it. */
  leftOn?: string | null;
}

async function checkRegion(tx: Tx, actor: Actor, code: string) {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  if (!region) invalid('regionCode', `行政区划代码 ${code} 不存在`);
  if (!codeInScope(code, actor)) throw new HttpError(403, 'forbidden', '所选行政区划不在您的管辖范围内');
}

const maskedBirth = (d: string | null) => (d === null ? null : maskBirthDate(d));
const maskedNumber = (p: string | null) => (p === null ? null : maskPhone(p));

/** Enters a person into the region's pool; the phone is stored encrypted, audited masked. */
export async function createPoolSecretary(tx: Tx, actor: Actor, keys: Keys, input: PoolSecretaryInput) {
  await checkRegion(tx, actor, input.regionCode);
  notAfterToday('enteredOn', '入库日期', input.enteredOn);
  if (input.birthDate !== null && input.birthDate >= input.enteredOn) {
    invalid('birthDate', `出生日期（${input.birthDate}）不早于入库日期`);
  }
  const phone = normalizePhone(input.phone);
  const values = { ...input, name: input.name.trim(), originUnit: input.originUnit.trim(), note: input.note || null };
  const [row] = await tx
    .insert(poolSecretaries)
    .values({
      ...values,
      ...sealPhone(keys, phone),
    })
    .returning({ id: poolSecretaries.id });
  await auditChange(tx, actor, {
    action: 'pool.create',
    entity: 'pool_secretary',
    entityId: row.id,
    diff: { ...values, birthDate: maskedBirth(values.birthDate), phone: maskedNumber(phone) },
  });
  return row;
}

/** Corrects a pool secretary's record; one serving an org cannot leave the pool before coming back. */
export async function updatePoolSecretary(tx: Tx, actor: Actor, keys: Keys, id: number, patch: PoolSecretaryPatch) {
  const row = await loadPoolSecretary(tx, actor, id, { write: true, forUpdate: true });
  const set: Partial<typeof poolSecretaries.$inferInsert> = {};
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const change = <K extends keyof PoolSecretaryRow>(key: K, after: PoolSecretaryRow[K], shown = (v: unknown) => v) => {
    if (row[key] !== after) {
      set[key] = after as never;
      diff[key] = { before: shown(row[key]), after: shown(after) };
    }
  };
  if (patch.regionCode !== undefined && patch.regionCode !== row.regionCode) {
    await checkRegion(tx, actor, patch.regionCode);
    change('regionCode', patch.regionCode);
  }
  if (patch.name !== undefined) change('name', patch.name.trim());
  if (patch.sex !== undefined) change('sex', patch.sex);
  if (patch.birthDate !== undefined) change('birthDate', patch.birthDate, (v) => maskedBirth(v as string | null));
  if (patch.origin !== undefined) change('origin', patch.origin);
  if (patch.originUnit !== undefined) change('originUnit', patch.originUnit.trim());
  if (patch.note !== undefined) change('note', patch.note || null);
  if (patch.enteredOn !== undefined) {
    notAfterToday('enteredOn', '入库日期', patch.enteredOn);
    change('enteredOn', patch.enteredOn);
  }
  const phone = patch.phone === undefined ? null : phoneChange(keys, row.phone, patch.phone);
  if (phone) {
    Object.assign(set, phone.set);
    diff.phone = phone.diff;
  }
  if (patch.leftOn !== undefined && patch.leftOn !== row.leftOn) {
    if (patch.leftOn !== null) await checkLeaving(tx, row, patch.leftOn);
    change('leftOn', patch.leftOn);
  }
  const enteredOn = set.enteredOn ?? row.enteredOn;
  const birthDate = set.birthDate === undefined ? row.birthDate : set.birthDate;
  if (birthDate !== null && birthDate >= enteredOn) invalid('birthDate', `出生日期（${birthDate}）不早于入库日期`);
  const leftOn = set.leftOn === undefined ? row.leftOn : set.leftOn;
  if (leftOn !== null && leftOn < enteredOn) invalid('leftOn', `退出日期（${leftOn}）早于入库日期（${enteredOn}）`);
  return saveEdit(
    tx,
    actor,
    { table: poolSecretaries, id, action: 'pool.update', entity: 'pool_secretary' },
    set,
    diff,
  );
}

async function checkLeaving(tx: Tx, row: PoolSecretaryRow, leftOn: string) {
  notAfterToday('leftOn', '退出日期', leftOn);
  const [open] = await tx
    .select({ startOn: secretaryDispatches.startOn })
    .from(secretaryDispatches)
    .where(and(eq(secretaryDispatches.secretaryId, row.id), isNull(secretaryDispatches.endOn)));
  if (open) invalid('leftOn', `该同志自 ${open.startOn} 起仍在下派任职，请先登记返回再退出书记库`);
}

/** The full phone number, for someone who must call them; every reveal is audited. */
export async function revealPoolSecretary(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const row = await loadPoolSecretary(tx, actor, id, { write: true });
  return revealPhone(tx, actor, keys, { action: 'pool.reveal', entity: 'pool_secretary', id, phone: row.phone });
}

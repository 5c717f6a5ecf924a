import { maskBirthDate } from '../../domain/mask.ts';
import { SEXES } from '../../domain/org/codes.ts';
import { POOL_ORIGINS, POOL_STATUSES, type PoolOrigin, type PoolStatus } from '../../domain/recognition/codes.ts';
import type { Keys } from '../keys.ts';
import { label, maskedPhone } from '../members/presenter.ts';
import type { PoolSecretaryRow } from './load.ts';

export interface CurrentDispatch {
  dispatchId: number;
  orgId: number;
  orgName: string;
  startOn: string;
}

/**
 * A pool secretary as they leave the server: field by field, the phone masked and the birth
 * date to its year (as members'), the full phone only through the audited reveal.
 */
export function presentPoolSecretary(
  row: PoolSecretaryRow,
  keys: Keys,
  extra: { regionName: string | null; status: string; current: CurrentDispatch | null },
) {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex as 'male' | 'female',
    sexLabel: label(SEXES, row.sex),
    birthDate: row.birthDate === null ? null : maskBirthDate(row.birthDate),
    phone: maskedPhone(keys, row.phone),
    // The table's checks admit only the domain's codes.
    origin: row.origin as PoolOrigin,
    originLabel: label(POOL_ORIGINS, row.origin),
    originUnit: row.originUnit,
    regionCode: row.regionCode,
    regionName: extra.regionName,
    enteredOn: row.enteredOn,
    leftOn: row.leftOn,
    note: row.note,
    status: extra.status as PoolStatus,
    statusLabel: label(POOL_STATUSES, extra.status),
    current: extra.current,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

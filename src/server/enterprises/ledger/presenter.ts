import type { LedgerCategory } from '../../../domain/enterprise/categories.ts';
import type { Formation } from '../../../domain/enterprise/codes.ts';
import { maskPhone } from '../../../domain/mask.ts';
import type { enterprises } from '../../db/schema.ts';
import type { Keys } from '../../keys.ts';

type EnterpriseRow = typeof enterprises.$inferSelect;

/** An enterprise as it leaves the server: the phone masked, internal hashes dropped. */
export function presentEnterprise(row: EnterpriseRow & { regionName?: string | null }, keys: Keys) {
  const { phone, phoneHash: _hash, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    regionName: row.regionName ?? null,
    // Written only by the classification, from the domain's codes.
    orgCoverage: row.orgCoverage as Formation | null,
    category: row.category as LedgerCategory | null,
    phone: phone ? maskPhone(keys.decrypt(phone)) : null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
export type PresentedEnterprise = ReturnType<typeof presentEnterprise>;

import { maskPhone } from '../domain/mask.ts';
import { type Keys, openPhone, sealPhone } from './keys.ts';
import { normalizePhone } from './members/checks.ts';

const masked = (phone: string | null) => (phone === null ? null : maskPhone(phone));

/**
 * A phone number typed over a stored (encrypted) one: the columns to set and the audit diff,
 * masked on both sides; null when it is the same number.
 */
export function phoneChange(keys: Keys, stored: string | null, typed: string | null) {
  const phone = normalizePhone(typed);
  const old = openPhone(keys, stored);
  if (phone === old) return null;
  return { set: sealPhone(keys, phone), diff: { before: masked(old), after: masked(phone) } };
}

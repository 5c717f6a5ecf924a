import { maskBirthDate, maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { EDUCATIONS, LEAVE_REASONS, MEMBER_STATUSES, type MemberStatus, SEXES } from '../../domain/org/codes.ts';
import type { Keys } from '../keys.ts';
import { presentAway } from './away.ts';
import type { MemberRow } from './load.ts';

/** The zh-CN label of a stored code; a code without one (older data) shows as it is. */
export const label = (choices: readonly { code: string; label: string }[], code: string | null) =>
  code === null ? null : (choices.find((c) => c.code === code)?.label ?? code);

/** The masked forms, the only ones that leave the server outside a reveal. */
export function maskedIdNumber(keys: Keys, stored: string): string {
  return maskIdNumber(keys.decrypt(stored));
}
export const maskedBirthDate = maskBirthDate;
export function maskedPhone(keys: Keys, stored: string | null): string | null {
  return stored === null ? null : maskPhone(keys.decrypt(stored));
}

/**
 * A member as it leaves the server: field by field (a column added later stays inside until
 * it is named here), the ID and phone numbers masked and the birth date to its year, no hash or ciphertext.
 */
export function presentMember(row: MemberRow, keys: Keys) {
  const away = presentAway(row);
  return {
    id: row.id,
    name: row.name,
    idNumber: maskedIdNumber(keys, row.idNumber),
    phone: maskedPhone(keys, row.phone),
    birthDate: maskBirthDate(row.birthDate),
    sex: row.sex,
    sexLabel: label(SEXES, row.sex),
    ethnicity: row.ethnicity,
    education: row.education,
    educationLabel: label(EDUCATIONS, row.education),
    // The table's check admits only the domain's statuses.
    status: row.status as MemberStatus,
    statusLabel: label(MEMBER_STATUSES, row.status),
    joinedOn: row.joinedOn,
    fullOn: row.fullOn,
    orgId: row.orgId,
    employerId: row.employerId,
    position: row.position,
    mobile: away?.mobile ?? false,
    away,
    workOrgId: row.workOrgId,
    relationOrgName: row.relationOrgName,
    cultivation: row.cultivation,
    leftOn: row.leftOn,
    leaveReason: row.leaveReason,
    leaveReasonLabel: label(LEAVE_REASONS, row.leaveReason),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedMember = ReturnType<typeof presentMember>;

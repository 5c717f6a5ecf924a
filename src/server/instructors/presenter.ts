import { INSTRUCTOR_KINDS, type InstructorKind } from '../../domain/instructor/codes.ts';
import type { Keys } from '../keys.ts';
import { label, maskedPhone } from '../members/presenter.ts';
import type { InstructorRow } from './load.ts';

/**
 * An instructor as they leave the server: field by field, the phone masked (the full number
 * only through the audited reveal), no hash or ciphertext.
 */
export function presentInstructor(
  row: InstructorRow,
  keys: Keys,
  extra: { sourceDepartmentName: string | null; regionName: string | null; load: number },
) {
  return {
    id: row.id,
    // The table's check admits only the domain's kinds.
    kind: row.kind as InstructorKind,
    kindLabel: label(INSTRUCTOR_KINDS, row.kind),
    name: row.name,
    sourceDepartmentId: row.sourceDepartmentId,
    sourceDepartmentName: extra.sourceDepartmentName,
    post: row.post,
    fullTime: row.fullTime,
    regionCode: row.regionCode,
    regionName: extra.regionName,
    phone: maskedPhone(keys, row.phone),
    leftOn: row.leftOn,
    /** Enterprises assigned today that the actor can see. */
    load: extra.load,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedInstructor = ReturnType<typeof presentInstructor>;

import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { instructors } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { scopePrefixOf } from '../regions/scope.ts';

/**
 * The instructor record an `instructor` account is tied to (users.instructor_id): visible to
 * the actor and registered inside the account's region, as a secretary's org must be.
 */
export async function assertInstructorForUser(tx: Tx, instructorId: number, regionCode: string) {
  const [row] = await tx
    .select({ regionCode: instructors.regionCode })
    .from(instructors)
    .where(eq(instructors.id, instructorId));
  if (!row) {
    throw new HttpError(400, 'unknown_instructor', '指导员不存在或不在您的管辖范围内', [
      { field: 'instructorId', message: '指导员不存在' },
    ]);
  }
  if (!row.regionCode.startsWith(scopePrefixOf(regionCode))) {
    throw new HttpError(400, 'instructor_outside_region', '所选指导员不在该用户的所属区划内', [
      { field: 'instructorId', message: '不在所属区划内' },
    ]);
  }
}

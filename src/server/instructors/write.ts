import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { InstructorKind } from '../../domain/instructor/codes.ts';
import { maskPhone } from '../../domain/mask.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { assignments, instructors, regions } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { Keys } from '../keys.ts';
import { sealPhone } from '../keys.ts';
import { normalizePhone } from '../members/checks.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { phoneChange } from '../phoneChange.ts';
import { codeInScope } from '../regions/scope.ts';
import { today } from '../today.ts';
import { refreshInstructorCoverage } from './coverage.ts';
import { departmentApplies } from './departments.ts';
import { type InstructorRow, loadInstructor } from './load.ts';

export interface InstructorInput {
  kind: InstructorKind;
  name: string;
  sourceDepartmentId: number;
  post: string | null;
  fullTime: boolean;
  regionCode: string;
  phone: string | null;
}

export interface InstructorPatch extends Partial<InstructorInput> {
  /** From this date no longer serving; their assignments still open end on it. null: serving again. */
  leftOn?: string | null;
}

/** The department must be in the catalogue of the instructor's region (its own or one above). */
async function checkDepartment(tx: Tx, id: number, regionCode: string) {
  if (!(await departmentApplies(tx, id, regionCode))) {
    invalid('sourceDepartmentId', '所选部门不在该行政区划的部门目录中，请在部门目录中选择');
  }
}

async function checkRegion(tx: Tx, actor: Actor, code: string) {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  if (!region) invalid('regionCode', `行政区划代码 ${code} 不存在`);
  if (!codeInScope(code, actor)) throw new HttpError(403, 'forbidden', '所选行政区划不在您的管辖范围内');
}

/** Registers an instructor or liaison; the phone is stored encrypted with a keyed hash, and audited masked. */
export async function createInstructor(tx: Tx, actor: Actor, keys: Keys, input: InstructorInput) {
  await checkRegion(tx, actor, input.regionCode);
  await checkDepartment(tx, input.sourceDepartmentId, input.regionCode);
  const phone = normalizePhone(input.phone);
  const values = { ...input, name: input.name.trim(), post: input.post?.trim() || null };
  const [row] = await tx
    .insert(instructors)
    .values({
      ...values,
      ...sealPhone(keys, phone),
    })
    .returning({ id: instructors.id });
  await auditChange(tx, actor, {
    action: 'instructor.create',
    entity: 'instructor',
    entityId: row.id,
    diff: {
      ...values,
      phone: phone === null ? null : maskPhone(phone),
    },
  });
  return row;
}

/**
 * Corrects an instructor's record. Setting the date they left ends every assignment still
 * open on that date, in the same transaction, so the enterprises they leave show as needing
 * an instructor at once.
 */
export async function updateInstructor(tx: Tx, actor: Actor, keys: Keys, id: number, patch: InstructorPatch) {
  const row = await loadInstructor(tx, actor, id, { write: true, forUpdate: true });
  const set: Partial<typeof instructors.$inferInsert> = {};
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const change = <K extends keyof InstructorRow>(key: K, after: InstructorRow[K]) => {
    if (row[key] !== after) {
      set[key] = after as never;
      diff[key] = { before: row[key], after };
    }
  };
  if (patch.regionCode !== undefined && patch.regionCode !== row.regionCode) {
    await checkRegion(tx, actor, patch.regionCode);
    change('regionCode', patch.regionCode);
  }
  if (patch.sourceDepartmentId !== undefined && patch.sourceDepartmentId !== row.sourceDepartmentId) {
    change('sourceDepartmentId', patch.sourceDepartmentId);
  }
  if (set.regionCode !== undefined || set.sourceDepartmentId !== undefined) {
    await checkDepartment(tx, set.sourceDepartmentId ?? row.sourceDepartmentId, set.regionCode ?? row.regionCode);
  }
  if (patch.kind !== undefined) change('kind', patch.kind);
  if (patch.name !== undefined) change('name', patch.name.trim());
  if (patch.post !== undefined) change('post', patch.post?.trim() || null);
  if (patch.fullTime !== undefined) change('fullTime', patch.fullTime);
  const phone = patch.phone === undefined ? null : phoneChange(keys, row.phone, patch.phone);
  if (phone) {
    Object.assign(set, phone.set);
    diff.phone = phone.diff;
  }
  let ended: { enterpriseId: number }[] = [];
  if (patch.leftOn !== undefined && patch.leftOn !== row.leftOn) {
    if (patch.leftOn !== null) ended = await endOpenAssignments(tx, row, patch.leftOn);
    change('leftOn', patch.leftOn);
  }
  if (Object.keys(diff).length === 0) return { changed: [] as string[] };
  await tx
    .update(instructors)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(instructors.id, id));
  await refreshInstructorCoverage(
    tx,
    actor,
    ended.map((a) => a.enterpriseId),
    today(),
  );
  await auditChange(tx, actor, {
    action: 'instructor.update',
    entity: 'instructor',
    entityId: id,
    diff: {
      ...diff,
      ...(ended.length > 0 && { endedAssignments: ended.map((a) => a.enterpriseId) }),
    },
  });
  return { changed: Object.keys(diff) };
}

async function endOpenAssignments(tx: Tx, row: InstructorRow, leftOn: string) {
  notAfterToday('leftOn', '离任日期', leftOn, { hint: '请在离任当日登记' });
  const open = await tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.instructorId, row.id), or(isNull(assignments.endOn), gt(assignments.endOn, leftOn))));
  const tooLate = open.find((a) => a.startOn >= leftOn);
  if (tooLate) {
    invalid('leftOn', `离任日期（${leftOn}）不晚于一项选派的开始日期（${tooLate.startOn}）；请先核对该选派`);
  }
  if (open.length === 0) return [];
  return tx
    .update(assignments)
    .set({ endOn: leftOn })
    .where(and(eq(assignments.instructorId, row.id), or(isNull(assignments.endOn), gt(assignments.endOn, leftOn))))
    .returning({ enterpriseId: assignments.enterpriseId });
}

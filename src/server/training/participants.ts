// Who may be recorded at a class (record once: picked from the roster, the instructor list or
// the development records, never typed): the people the actor sees, and for each kind of class
// the kind of person it trains. Every refusal names the row of the attendance list and the rule.
import { and, inArray, isNotNull, isNull } from 'drizzle-orm';
import { type ClassKind, classKindLabel } from '../../domain/training/classes.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { developments, instructors, members } from '../db/schema.ts';
import { developmentInScope } from '../developments/load.ts';
import { HttpError } from '../errors.ts';
import { instructorInScope } from '../instructors/scope.ts';
import { memberInScope } from '../members/scope.ts';

export interface Participant {
  memberId?: number | null;
  instructorId?: number | null;
  developmentId?: number | null;
  present: boolean;
}

export type PersonKey = 'memberId' | 'instructorId' | 'developmentId';
const WHO: Record<PersonKey, string> = { memberId: '党员', instructorId: '指导员', developmentId: '发展对象' };

export function personKeyOf(p: Participant): PersonKey | null {
  const keys = (['memberId', 'instructorId', 'developmentId'] as const).filter((k) => p[k] != null);
  return keys.length === 1 ? keys[0] : null;
}

type Problem = { field: string; message: string };

const idSet = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));

/** The ids of `wanted` the actor may record, of each kind of person. */
async function recordable(tx: Tx, actor: Actor, wanted: Record<PersonKey, number[]>) {
  const none = Promise.resolve([] as { id: number }[]);
  const [m, i, d] = await Promise.all([
    wanted.memberId.length
      ? tx
          .select({ id: members.id })
          .from(members)
          .where(and(inArray(members.id, wanted.memberId), memberInScope(tx, actor), isNull(members.leftOn)))
      : none,
    wanted.instructorId.length
      ? tx
          .select({ id: instructors.id })
          .from(instructors)
          .where(
            and(inArray(instructors.id, wanted.instructorId), instructorInScope(actor), isNull(instructors.leftOn)),
          )
      : none,
    wanted.developmentId.length
      ? tx
          .select({ id: developments.id })
          .from(developments)
          .where(
            and(
              inArray(developments.id, wanted.developmentId),
              developmentInScope(actor),
              isNull(developments.closedOn),
              isNotNull(developments.candidateOn),
            ),
          )
      : none,
  ]);
  return { memberId: idSet(m), instructorId: idSet(i), developmentId: idSet(d) };
}

/** Refuses the list unless every row names one person the actor sees and the class may train. */
export async function checkParticipants(tx: Tx, actor: Actor, kind: ClassKind, list: Participant[]): Promise<void> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const wanted: Record<PersonKey, number[]> = { memberId: [], instructorId: [], developmentId: [] };
  list.forEach((p, i) => {
    const key = personKeyOf(p);
    const field = `attendance.${i}`;
    if (!key) {
      problems.push({ field, message: `第 ${i + 1} 行：请选择一名党员、指导员或发展对象` });
      return;
    }
    if ((kind === 'candidate') !== (key === 'developmentId')) {
      problems.push({
        field,
        message:
          kind === 'candidate'
            ? `第 ${i + 1} 行：${classKindLabel(kind)}只登记发展对象`
            : `第 ${i + 1} 行：发展对象只能登记在发展对象集中培训中`,
      });
      return;
    }
    const id = `${key}:${p[key]}`;
    if (seen.has(id)) problems.push({ field, message: `第 ${i + 1} 行：同一${WHO[key]}重复登记` });
    seen.add(id);
    wanted[key].push(p[key] as number);
  });
  const found = await recordable(tx, actor, wanted);
  list.forEach((p, i) => {
    const key = personKeyOf(p);
    if (!key || !wanted[key].includes(p[key] as number)) return;
    if (!found[key].has(p[key] as number)) {
      problems.push({
        field: `attendance.${i}`,
        message:
          key === 'developmentId'
            ? `第 ${i + 1} 行：该发展对象不在管辖范围内、记录已结束或尚未确定为发展对象`
            : `第 ${i + 1} 行：该${WHO[key]}不在管辖范围内或已不在册`,
      });
    }
  });
  if (problems.length > 0) throw new HttpError(400, 'validation', problems.map((p) => p.message).join('；'), problems);
}

import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { contacts } from '../db/schema.ts';
import { auditCasework } from './audit.ts';
import { createRequest, type RequestInput } from './requests.ts';
import { checkInAssignment, loadAssignment } from './scope.ts';

export interface ContactInput {
  assignmentId: number;
  onDate: string;
  kind: 'visit' | 'phone' | 'meeting';
  withWhom: string;
  notes: string | null;
  /** Requests the enterprise raised in this contact: received on its date, in the same transaction. */
  requests: RequestInput[];
}

/** Records a visit, call or meeting and the requests raised in it, all or nothing. */
export async function createContact(tx: Tx, actor: Actor, input: ContactInput, today: string) {
  const assignment = await loadAssignment(tx, actor, input.assignmentId, today);
  checkInAssignment('onDate', '联系日期', input.onDate, assignment, today);
  const [row] = await tx
    .insert(contacts)
    .values({
      assignmentId: assignment.id,
      onDate: input.onDate,
      kind: input.kind,
      withWhom: input.withWhom,
      notes: input.notes,
      actorId: actor.actorId,
    })
    .returning({ id: contacts.id });
  await auditCasework(tx, actor, 'contact.create', 'contact', row.id, {
    assignmentId: assignment.id,
    onDate: input.onDate,
    kind: input.kind,
    requests: input.requests.length,
  });
  const requestIds: number[] = [];
  for (const [i, r] of input.requests.entries()) {
    requestIds.push(
      await createRequest(
        tx,
        actor,
        assignment,
        { ...r, receivedOn: input.onDate, contactId: row.id },
        today,
        `requests.${i}.`,
      ),
    );
  }
  return { id: row.id, requestIds };
}

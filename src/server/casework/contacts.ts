import { eq, sql } from 'drizzle-orm';
import type { ContactKind } from '../../domain/casework/contacts.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { contacts } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { createRequest, type RequestInput } from './requests.ts';
import { assignmentInScope, checkInAssignment, loadAssignment } from './scope.ts';

export interface ContactInput {
  assignmentId: number;
  onDate: string;
  kind: ContactKind;
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
  await auditChange(tx, actor, {
    action: 'contact.create',
    entity: 'contact',
    entityId: row.id,
    diff: {
      assignmentId: assignment.id,
      onDate: input.onDate,
      kind: input.kind,
      requests: input.requests.length,
    },
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

export interface ContactPatch {
  onDate: string;
  kind: ContactInput['kind'];
  withWhom: string;
  notes: string | null;
}

interface ContactRow extends ContactPatch {
  id: number;
  assignmentId: number;
}

/** The contact, locked, if the actor may see its assignment; otherwise 404. */
async function loadContactForUpdate(tx: Tx, actor: Actor, id: number, today: string): Promise<ContactRow> {
  const [row] = await queryRows<ContactRow>(
    tx,
    sql`select c.id, c.assignment_id as "assignmentId", c.on_date::text as "onDate", c.kind, c.with_whom as "withWhom",
          c.notes
        from contacts c join assignments a on a.id = c.assignment_id join enterprises e on e.id = a.enterprise_id
        where c.id = ${id} and ${assignmentInScope(actor, today)}
        for update of c`,
  );
  if (!row) throw notFound('联系记录');
  return row;
}

/** The requests raised in a contact, locked, with how many updates each has had since it was received. */
function raisedIn(tx: Tx, contactId: number) {
  return queryRows<{ id: number; updates: number }>(
    tx,
    sql`select r.id, (select count(*)::int from request_updates u where u.request_id = r.id) as updates
        from requests r where r.contact_id = ${contactId} order by r.id for update of r`,
  );
}

/**
 * Corrects a contact. Requests raised in it were received on its date, so a new date moves
 * them too, as long as none has been worked on since: a request's history never starts after
 * its first update.
 */
export async function updateContact(tx: Tx, actor: Actor, id: number, patch: ContactPatch, today: string) {
  const before = await loadContactForUpdate(tx, actor, id, today);
  const assignment = await loadAssignment(tx, actor, before.assignmentId, today);
  checkInAssignment('onDate', '联系日期', patch.onDate, assignment, today);
  const changed = (Object.keys(patch) as (keyof ContactPatch)[]).filter((k) => patch[k] !== before[k]);
  if (changed.length === 0) return;
  if (changed.includes('onDate')) {
    const raised = await raisedIn(tx, id);
    const worked = raised.find((r) => r.updates > 1);
    if (worked) {
      invalid(
        'onDate',
        `本次联系中提出的诉求 #${worked.id} 已有办理记录，联系日期不能再改；如日期有误，请在该诉求的办理记录中说明`,
      );
    }
    if (raised.length > 0) {
      const ids = `{${raised.map((r) => r.id).join(',')}}`;
      await tx.execute(sql`update requests set received_on = ${patch.onDate}, last_update_on = ${patch.onDate},
                             updated_at = now() where id = any(${ids}::int[])`);
      await tx.execute(sql`update request_updates set on_date = ${patch.onDate} where request_id = any(${ids}::int[])`);
    }
  }
  await tx
    .update(contacts)
    .set({ onDate: patch.onDate, kind: patch.kind, withWhom: patch.withWhom, notes: patch.notes })
    .where(eq(contacts.id, id));
  await auditChange(tx, actor, {
    action: 'contact.update',
    entity: 'contact',
    entityId: id,
    diff: {
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, patch[k]])),
    },
  });
}

/** Removes a contact recorded by mistake; one that raised requests stays, as their source. */
export async function deleteContact(tx: Tx, actor: Actor, id: number, today: string) {
  const row = await loadContactForUpdate(tx, actor, id, today);
  const raised = await raisedIn(tx, id);
  if (raised.length > 0) {
    invalid('id', `本次联系中提出了诉求 ${raised.map((r) => `#${r.id}`).join('、')}，联系记录是诉求的来源，不能删除`);
  }
  await tx.delete(contacts).where(eq(contacts.id, id));
  await auditChange(tx, actor, { action: 'contact.delete', entity: 'contact', entityId: id, diff: { deleted: row } });
}

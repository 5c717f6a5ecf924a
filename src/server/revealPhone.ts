import type { AuditAction, AuditEntity } from '../domain/auditActions.ts';
import type { Actor } from './actor.ts';
import { auditChange } from './audit/audit.ts';
import type { Tx } from './db/client.ts';
import { type Keys, openPhone } from './keys.ts';

/**
 * The full phone number of a person whose record the actor may change, for someone who
 * must call them. The reveal is audited in the same transaction before the number leaves
 * the server: nothing else returns it.
 */
export async function revealPhone(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  person: { action: AuditAction; entity: AuditEntity; id: number; phone: string | null },
) {
  await auditChange(tx, actor, {
    action: person.action,
    entity: person.entity,
    entityId: person.id,
    diff: { fields: ['phone'] },
  });
  return { phone: openPhone(keys, person.phone) };
}

// What a development does to the member record, through the member service: admission
// creates it (probationary), the approval of the conversion makes it full, a cancelled
// probation takes it off the roster. The member service checks and audits each change.
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import type { Keys } from '../keys.ts';
import { duplicateId } from '../members/checks.ts';
import { createMember, leaveMember, updateMember } from '../members/write.ts';
import type { DevelopmentRow } from './load.ts';

/**
 * The member record of a person admitted by the branch general meeting; membership dates
 * from it. A record entered after the conversion was approved gives a full member at once.
 */
export async function admitMember(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  row: DevelopmentRow,
  admittedOn: string,
  fullApprovedOn: string | null,
): Promise<number> {
  const member = await createMember(tx, actor, keys, {
    name: row.name,
    idNumber: keys.decrypt(row.idNumber),
    status: fullApprovedOn ? 'full' : 'probationary',
    joinedOn: admittedOn,
    fullOn: fullApprovedOn,
    orgId: row.orgId,
    employerId: row.employerId,
    position: null,
    phone: null,
    ethnicity: null,
    education: null,

    relationOrgName: null,
    cultivation: [],
  });
  // Admission cannot go on while the person is on the roster elsewhere; the answer names nothing.
  if (member.referred) duplicateId();
  return member.id;
}

/** The higher committee approved the conversion: a full member from that day. */
export async function convertToFull(tx: Tx, actor: Actor, keys: Keys, memberId: number, fullOn: string) {
  await updateMember(tx, actor, keys, memberId, { status: 'full', fullOn });
}

/** The probationary status cancelled (取消预备党员资格): off the roster from that day. */
export async function cancelProbation(tx: Tx, actor: Actor, memberId: number, on: string) {
  await leaveMember(tx, actor, memberId, 'probation_cancelled', on);
}

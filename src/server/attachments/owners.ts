// The kinds of record that keep attachments. A new kind (a notice, an online-school course) is
// one entry here, one `attachmentRoutes` call beside its own routes, and one nullable foreign
// key column with its term in the check and the policy of the attachments table (migration).
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { loadMeeting } from '../orglife/write.ts';
import { loadOrg } from '../orgs/load.ts';

export interface AttachmentOwner {
  /** Names the owner in the sealed body's associated data and in audit rows. */
  kind: 'meeting';
  /** The attachments column that points at the owner. */
  column: 'meeting_id';
  /** What the owner is called in a message: “会议”. */
  label: string;
  /**
   * The record, if the actor may see it (404 as if absent otherwise); with `forUpdate`, locked
   * for a change of its attachments, and refused where the actor may see but not change it.
   */
  load(tx: Tx, actor: Actor, id: number, opts: { forUpdate?: boolean }): Promise<unknown>;
}

export const MEETING_OWNER: AttachmentOwner = {
  kind: 'meeting',
  column: 'meeting_id',
  label: '会议',
  async load(tx, actor, id, opts) {
    const meeting = await loadMeeting(tx, actor, id, opts);
    // The same lock and check as a correction of the meeting itself (orglife/write.ts).
    if (opts.forUpdate) await loadOrg(tx, actor, meeting.orgId, { forUpdate: true });
    return meeting;
  },
};

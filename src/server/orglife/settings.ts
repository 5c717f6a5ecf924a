// The deployment's organisational-life settings (rules.md §10, *configurable*): how often each
// kind of meeting is due, and whether members on approved leave count towards a quorum.
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import {
  DEFAULT_FREQUENCIES,
  FREQUENCIES,
  type Frequency,
  type LeaveInQuorum,
  MEETING_KINDS,
  type MeetingKind,
} from '../../domain/orglife/meetings.ts';
import type { Db, Tx } from '../db/client.ts';
import { settings } from '../db/schema.ts';

const frequency = (kind: MeetingKind) => {
  const label = MEETING_KINDS.find((k) => k.code === kind)?.label;
  return z.enum(FREQUENCIES.map((f) => f.code) as [Frequency, ...Frequency[]], {
    error: `请选择${label}的召开频次`,
  });
};

export const OrglifeSettingsSchema = z
  .object({
    general_meeting: frequency('general_meeting'),
    committee_meeting: frequency('committee_meeting'),
    group_meeting: frequency('group_meeting'),
    party_lecture: frequency('party_lecture'),
    theme_day: frequency('theme_day'),
    life_meeting: frequency('life_meeting'),
    member_review: frequency('member_review'),
    leaveInQuorum: z
      .enum(['count', 'exclude'], { error: '请选择请假党员是否计入应到人数' })
      .describe('count：事先请假的正式党员仍计入表决应到人数；exclude：不计入'),
  })
  .openapi('OrglifeSettings');
export type OrglifeSettings = Record<MeetingKind, Frequency> & { leaveInQuorum: LeaveInQuorum };

export const DEFAULT_ORGLIFE_SETTINGS: OrglifeSettings = { ...DEFAULT_FREQUENCIES, leaveInQuorum: 'count' };

const KEY = 'orglife';

export async function getOrglifeSettings(db: Db | Tx): Promise<OrglifeSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return row ? { ...DEFAULT_ORGLIFE_SETTINGS, ...(row.value as object) } : DEFAULT_ORGLIFE_SETTINGS;
}

export async function putOrglifeSettings(tx: Tx, value: OrglifeSettings): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/** The configurable parts of the instructor rules (rules.md §8), kept in `settings` under 'instructor'. */
export const CaseworkSettings = z
  .object({
    /** Contacts each assigned enterprise needs each week; a week with fewer is missed. */
    contactsPerWeek: z.number().int().min(1, '每周联系次数至少为 1').max(7, '每周联系次数最多为 7'),
    /** Days an open request may go without an update before it becomes a work prompt. */
    requestSilentDays: z.number().int().min(1, '诉求未更新提示天数至少为 1').max(365, '诉求未更新提示天数最多为 365'),
  })
  .openapi('CaseworkSettings');
export type CaseworkSettings = z.infer<typeof CaseworkSettings>;

export const DEFAULT_CASEWORK_SETTINGS: CaseworkSettings = { contactsPerWeek: 1, requestSilentDays: 30 };

const KEY = 'instructor';

export async function getCaseworkSettings(db: Db | Tx): Promise<CaseworkSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const stored = (row?.value ?? {}) as Record<string, unknown>;
  return {
    contactsPerWeek: (stored.contactsPerWeek as number) ?? DEFAULT_CASEWORK_SETTINGS.contactsPerWeek,
    requestSilentDays: (stored.requestSilentDays as number) ?? DEFAULT_CASEWORK_SETTINGS.requestSilentDays,
  };
}

/** Other areas may keep settings of their own under the same key: those are left as they are. */
export async function putCaseworkSettings(tx: Tx, next: CaseworkSettings): Promise<void> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, KEY)).for('update');
  const value = { ...((row?.value ?? {}) as object), ...next };
  await tx
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

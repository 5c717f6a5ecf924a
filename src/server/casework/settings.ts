import { z } from '@hono/zod-openapi';
import type { Db, Tx } from '../db/client.ts';
import { putRegionalValue, regionalValue } from '../settings/regional.ts';

/** The configurable parts of the instructor rules (rules.md §8), kept per region under 'instructor'. */
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

/** The rules that apply in a region: its own, else the nearest region's above it, else the default. */
export async function getCaseworkSettings(db: Db | Tx, regionCode: string): Promise<CaseworkSettings> {
  const stored = (await regionalValue<Record<string, unknown>>(db, KEY, regionCode)).value ?? {};
  return {
    contactsPerWeek: (stored.contactsPerWeek as number) ?? DEFAULT_CASEWORK_SETTINGS.contactsPerWeek,
    requestSilentDays: (stored.requestSilentDays as number) ?? DEFAULT_CASEWORK_SETTINGS.requestSilentDays,
  };
}

/** The region's own rules; its sub-regions follow unless they have their own. */
export async function putCaseworkSettings(tx: Tx, regionCode: string, next: CaseworkSettings): Promise<void> {
  await putRegionalValue(tx, KEY, regionCode, next);
}

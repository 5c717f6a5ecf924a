import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { BAND_EDGES, type CoverageSettings, DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import type { Db, Tx } from '../db/client.ts';
import { settings } from '../db/schema.ts';

const bandEdge = z.union(BAND_EDGES.map((e) => z.literal(e))).describe('人数门槛，须为 10、30、50、100、300 之一');

export const CoverageSettingsSchema = z
  .object({
    defaultScope: z.enum(['all', 'survey']).describe('默认统计口径：all 全部在册企业，survey 通行调查口径'),
    surveyMinEmployees: bandEdge,
    surveyMinSocialOrgStaff: bandEdge,
    laggingPoints: z.number().min(0).max(100),
    quarterlyDueDays: z.number().int().min(0).max(90),
  })
  .openapi('CoverageSettings');

const KEY = 'coverage';

/** The deployment's statistics settings (rules.md §2 统计口径, §9 lagging and due days). */
export async function getCoverageSettings(db: Db | Tx): Promise<CoverageSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return row ? { ...DEFAULT_COVERAGE_SETTINGS, ...(row.value as object) } : DEFAULT_COVERAGE_SETTINGS;
}

export async function putCoverageSettings(tx: Tx, value: CoverageSettings): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { type CoverageSettings, DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import type { Db, Tx } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/** A whole number within bounds, with the field's name in every message. */
const count = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label}须为整数` })
    .int(`${label}须为整数`)
    .min(min, `${label}至少为 ${min} ${unit}`)
    .max(max, `${label}最多为 ${max} ${unit}`);

/**
 * Head-count thresholds are any whole number in range: a value on an employee band edge
 * (10, 30, 50, 100, 300) is answered from the kept counts, any other from the ledger facts.
 */
export const CoverageSettingsSchema = z
  .object({
    defaultScope: z.enum(['all', 'survey']).describe('默认统计口径：all 全部在册企业，survey 通行调查口径'),
    surveyMinEmployees: count('调查口径企业从业人员门槛', 1, 1000, '人'),
    surveyMinSocialOrgStaff: count('调查口径社会组织从业人员门槛', 1, 1000, '人'),
    keyWatchEmployees: count('重点盯住从业人员门槛', 10, 10000, '人'),
    laggingPoints: z
      .number({ error: '滞后判定差距须为数字' })
      .min(0, '滞后判定差距至少为 0 个百分点')
      .max(100, '滞后判定差距最多为 100 个百分点'),
    quarterlyDueDays: count('季报报送期限', 0, 90, '天'),
  })
  .openapi('CoverageSettings');

const KEY = 'coverage';

/** The deployment's statistics settings (rules.md §2 统计口径, §3 重点盯住, §9 lagging and due days). */
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

import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import {
  type AssessmentSettings,
  DEFAULT_ASSESSMENT_SETTINGS,
  settingsProblems,
} from '../../domain/assessment/settings.ts';
import type { Db, Tx } from '../db/client.ts';
import { settings } from '../db/schema.ts';

const KEY = 'assessment';
const weight = z.number({ error: '请填写整数' });

/** The settings as the API takes them; the rules' own checks follow as one refinement per problem. */
export const AssessmentSettingsBody = z
  .object({
    weights: z.object({ daily: weight, periodic: weight, democratic: weight }),
    dimensionWeights: z.object({ duties: weight, discipline: weight, effectiveness: weight }),
    thresholds: z.object({ excellent: weight, competent: weight, basic: weight }),
    excellentCap: z.number().nullable(),
  })
  .superRefine((s, ctx) => {
    for (const [field, message] of settingsProblems(s)) {
      ctx.addIssue({ code: 'custom', path: field.split('.'), message });
    }
  })
  .openapi('AssessmentSettings');

export async function getAssessmentSettings(db: Db | Tx): Promise<AssessmentSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return DEFAULT_ASSESSMENT_SETTINGS;
  const stored = row.value as Partial<AssessmentSettings>;
  return { ...DEFAULT_ASSESSMENT_SETTINGS, ...stored };
}

export async function putAssessmentSettings(tx: Tx, value: AssessmentSettings): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

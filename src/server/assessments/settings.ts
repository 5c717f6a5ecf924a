import { z } from '@hono/zod-openapi';
import {
  type AssessmentSettings,
  DEFAULT_ASSESSMENT_SETTINGS,
  settingsProblems,
} from '../../domain/assessment/settings.ts';
import type { Db, Tx } from '../db/client.ts';
import { putRegionalValue, regionalValue } from '../settings/regional.ts';

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

/** The settings that apply in a region: its own, else the nearest region's above it, else the default. */
export async function getAssessmentSettings(db: Db | Tx, regionCode: string): Promise<AssessmentSettings> {
  const stored = (await regionalValue<Partial<AssessmentSettings>>(db, KEY, regionCode)).value;
  return stored ? { ...DEFAULT_ASSESSMENT_SETTINGS, ...stored } : DEFAULT_ASSESSMENT_SETTINGS;
}

export async function putAssessmentSettings(tx: Tx, regionCode: string, value: AssessmentSettings): Promise<void> {
  await putRegionalValue(tx, KEY, regionCode, value);
}

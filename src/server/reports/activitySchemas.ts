// The API shapes of 组织生活情况 and 作用发挥情况: the annual table's region and year, no survey
// scope (these count orgs and their records, not enterprises in a survey).
import { z } from '@hono/zod-openapi';
import { ACHIEVEMENT_COUNT_KEYS, ORGLIFE_COUNT_KEYS } from '../../domain/reports/activityForms.ts';
import { TRAINING_COUNT_KEYS } from '../../domain/reports/trainingForm.ts';
import { AnnualQuery } from './schemas.ts';

export const ActivityQuery = AnnualQuery.omit({ scope: true });

const regionKey = { region: z.string(), name: z.string(), direct: z.boolean().optional() };
const counts = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, z.number()]));
const period = { region: z.string(), name: z.string(), year: z.number(), asOf: z.string(), partial: z.boolean() };

const OrglifeRowSchema = z
  .object({ ...regionKey, ...counts(ORGLIFE_COUNT_KEYS), attendanceRate: z.number().nullable() })
  .openapi('OrglifeRow');
export const OrglifeSchema = z
  .object({ report: z.literal('orglife'), ...period, total: OrglifeRowSchema, rows: z.array(OrglifeRowSchema) })
  .openapi('OrglifeReport');

const AchievementRowSchema = z.object({ ...regionKey, ...counts(ACHIEVEMENT_COUNT_KEYS) }).openapi('AchievementRow');
export const AchievementsSchema = z
  .object({
    report: z.literal('achievements'),
    ...period,
    total: AchievementRowSchema,
    rows: z.array(AchievementRowSchema),
  })
  .openapi('AchievementsReport');

const TrainingRowSchema = z.object({ ...regionKey, ...counts(TRAINING_COUNT_KEYS) }).openapi('TrainingRow');
export const TrainingSchema = z
  .object({ report: z.literal('training'), ...period, total: TrainingRowSchema, rows: z.array(TrainingRowSchema) })
  .openapi('TrainingReport');

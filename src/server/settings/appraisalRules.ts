import { z } from '@hono/zod-openapi';
import type { Db, Tx } from '../db/client.ts';
import { putRegionalValue, regionalResolver } from './regional.ts';

/**
 * The *(configurable)* periods of rules.md §11, kept per region under 'appraisal_rules' as the
 * org rules are: the deadline of a 软弱涣散 org's rectification after its appraisal (default one
 * year), and the time within which a 不合格 member's follow-up is recorded (default 3 months).
 */
export const AppraisalRuleSettings = z
  .object({
    rectificationMonths: z
      .number({ error: '整顿期限须为整数（月）' })
      .int('整顿期限须为整数（月）')
      .min(1, '整顿期限至少为 1 个月')
      .max(36, '整顿期限最多为 36 个月'),
    followUpMonths: z
      .number({ error: '不合格党员组织处置期限须为整数（月）' })
      .int('不合格党员组织处置期限须为整数（月）')
      .min(1, '不合格党员组织处置期限至少为 1 个月')
      .max(12, '不合格党员组织处置期限最多为 12 个月'),
  })
  .openapi('AppraisalRuleSettings');
export type AppraisalRuleSettings = z.output<typeof AppraisalRuleSettings>;

export const DEFAULT_APPRAISAL_RULE_SETTINGS: AppraisalRuleSettings = { rectificationMonths: 12, followUpMonths: 3 };

const KEY = 'appraisal_rules';

/** The region's rules (its own, else the nearest region's above it, else the default). */
export async function getAppraisalRuleSettings(db: Db | Tx, regionCode: string): Promise<AppraisalRuleSettings> {
  const resolve = await regionalResolver<Partial<AppraisalRuleSettings>>(db, KEY);
  return { ...DEFAULT_APPRAISAL_RULE_SETTINGS, ...(resolve(regionCode).value ?? {}) };
}

export async function putAppraisalRuleSettings(tx: Tx, regionCode: string, value: AppraisalRuleSettings) {
  await putRegionalValue(tx, KEY, regionCode, value);
}

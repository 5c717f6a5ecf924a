import { z } from '@hono/zod-openapi';
import { DEFAULT_FORMATION_RULES, type FormationRules } from '../../domain/org/formation.ts';
import { type OrgFindingFacts, orgFindings } from '../../domain/org/orgFindings.ts';
import { DEFAULT_RESTRUCTURING_GRACE_DAYS } from '../../domain/org/restructuring.ts';
import { DEFAULT_ELECTION_REMINDER_MONTHS } from '../../domain/org/terms.ts';
import type { Db, Tx } from '../db/client.ts';
import { putRegionalValue, regionalResolver } from './regional.ts';

/**
 * The *(configurable)* numbers of the org rules (rules.md §3 三同步, §4 joint branches, §5
 * re-election prompts), kept per region under 'org_rules' as the instructor rules are: a
 * committee sets its own region's, which its sub-regions inherit; the top region's value is
 * the deployment's. (Some cities allow a joint branch of 10 units: the rule is a region's.)
 */
export const OrgRuleSettings = z
  .object({
    jointMaxUnits: z
      .number({ error: '联合党组织覆盖单位上限须为整数' })
      .int('联合党组织覆盖单位上限须为整数')
      .min(2, '联合党组织覆盖单位上限至少为 2 家')
      .max(30, '联合党组织覆盖单位上限最多为 30 家'),
    electionReminderMonths: z
      .array(
        z
          .number({ error: '换届提示月数须为整数' })
          .int('换届提示月数须为整数')
          .min(1, '换届提示月数至少为 1 个月')
          .max(12, '换届提示月数最多为 12 个月'),
        { error: '请选择换届提示月数' },
      )
      .min(1, '换届提示至少选择 1 个时点')
      .max(4, '换届提示最多 4 个时点')
      .refine((months) => new Set(months).size === months.length, '换届提示月数不能重复')
      .transform((months) => [...months].sort((a, b) => b - a)),
    restructuringGraceDays: z
      .number({ error: '三同步落实期限须为整数' })
      .int('三同步落实期限须为整数')
      .min(1, '三同步落实期限至少为 1 天')
      .max(365, '三同步落实期限最多为 365 天'),
  })
  .openapi('OrgRuleSettings');
export type OrgRuleSettings = z.output<typeof OrgRuleSettings>;

export const DEFAULT_ORG_RULE_SETTINGS: OrgRuleSettings = {
  jointMaxUnits: DEFAULT_FORMATION_RULES.jointMaxUnits,
  electionReminderMonths: [...DEFAULT_ELECTION_REMINDER_MONTHS],
  restructuringGraceDays: DEFAULT_RESTRUCTURING_GRACE_DAYS,
};

const KEY = 'org_rules';

/** The org rules of any region (its own, else the nearest region's above it, else the default). */
export async function orgRulesResolver(db: Db | Tx): Promise<(regionCode: string) => OrgRuleSettings> {
  const resolve = await regionalResolver<Partial<OrgRuleSettings>>(db, KEY);
  return (regionCode) => ({ ...DEFAULT_ORG_RULE_SETTINGS, ...(resolve(regionCode).value ?? {}) });
}

export async function getOrgRuleSettings(db: Db | Tx, regionCode: string): Promise<OrgRuleSettings> {
  return (await orgRulesResolver(db))(regionCode);
}

export async function putOrgRuleSettings(tx: Tx, regionCode: string, value: OrgRuleSettings): Promise<void> {
  await putRegionalValue(tx, KEY, regionCode, value);
}

/** The formation rules with the region's joint-branch limit in place of the default. */
export function formationRulesOf(s: OrgRuleSettings): FormationRules {
  return { ...DEFAULT_FORMATION_RULES, jointMaxUnits: s.jointMaxUnits };
}

/** What the rules say about an org, under the rules of the org's own region. */
export function orgFindingsUnder(s: OrgRuleSettings, f: OrgFindingFacts, today: string) {
  return orgFindings(f, today, formationRulesOf(s), s.electionReminderMonths);
}

import { type SettingField, SettingsPage } from '../../components/SettingsPage.tsx';

interface AppraisalRules {
  rectificationMonths: number;
  followUpMonths: number;
}

// Bounds as in src/server/settings/appraisalRules.ts.
const FIELDS: SettingField<AppraisalRules>[] = [
  {
    name: 'rectificationMonths',
    extra: 'appraisalRules.rectificationMonthsHint',
    min: 1,
    max: 36,
    unit: 'appraisalRules.months',
  },
  {
    name: 'followUpMonths',
    extra: 'appraisalRules.followUpMonthsHint',
    min: 1,
    max: 12,
    unit: 'appraisalRules.months',
  },
];

/**
 * 评定规则 (rules.md §11): how long a 软弱涣散 org has to rectify, and within what time a 不合格
 * member's follow-up is recorded — a committee's own region's numbers, inherited below it.
 */
export default function AppraisalRulesPage() {
  return <SettingsPage<AppraisalRules> path="/api/settings/appraisal-rules" texts="appraisalRules" fields={FIELDS} />;
}

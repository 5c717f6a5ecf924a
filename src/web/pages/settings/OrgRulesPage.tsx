import { type SettingField, SettingsPage } from '../../components/SettingsPage.tsx';

interface OrgRules {
  jointMaxUnits: number;
  electionReminderMonths: number[];
  restructuringGraceDays: number;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => 12 - i);

// Bounds as in src/server/settings/orgRules.ts.
const FIELDS: SettingField<OrgRules>[] = [
  { name: 'jointMaxUnits', extra: 'orgRules.jointMaxUnitsHint', min: 2, max: 30, unit: 'orgRules.units' },
  {
    kind: 'choice',
    multiple: true,
    name: 'electionReminderMonths',
    extra: 'orgRules.electionReminderMonthsHint',
    options: (t) => MONTHS.map((n) => ({ value: n, label: t('orgRules.months', { n }) })),
  },
  {
    name: 'restructuringGraceDays',
    extra: 'orgRules.restructuringGraceDaysHint',
    min: 1,
    max: 365,
    unit: 'orgRules.days',
  },
];

/**
 * 党组织工作规则 (rules.md §3 三同步, §4 joint branches, §5 re-election prompts): a committee's
 * own region's numbers, inherited by its sub-regions.
 */
export default function OrgRulesPage() {
  return <SettingsPage<OrgRules> path="/api/settings/org-rules" texts="orgRules" fields={FIELDS} />;
}

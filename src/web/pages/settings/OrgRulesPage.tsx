import { PageTitle } from '../../components/PageTitle.tsx';
import { type SettingField, SettingsForm } from '../../components/SettingsForm.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface OrgRules {
  jointMaxUnits: number;
  electionReminderMonths: number[];
  restructuringGraceDays: number;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => 12 - i);

/**
 * 党组织工作规则 (rules.md §3 三同步, §4 joint branches, §5 re-election prompts): a committee's
 * own region's numbers, inherited by its sub-regions. Bounds as in src/server/settings/orgRules.ts.
 */
export default function OrgRulesPage() {
  const { t } = useI18n();
  const fields: SettingField<OrgRules>[] = [
    {
      kind: 'number',
      name: 'jointMaxUnits',
      label: t('orgRules.jointMaxUnits'),
      extra: t('orgRules.jointMaxUnitsHint'),
      min: 2,
      max: 30,
      unit: t('orgRules.units'),
    },
    {
      kind: 'choice',
      multiple: true,
      name: 'electionReminderMonths',
      label: t('orgRules.electionReminderMonths'),
      extra: t('orgRules.electionReminderMonthsHint'),
      options: MONTHS.map((n) => ({ value: n, label: t('orgRules.months', { n }) })),
    },
    {
      kind: 'number',
      name: 'restructuringGraceDays',
      label: t('orgRules.restructuringGraceDays'),
      extra: t('orgRules.restructuringGraceDaysHint'),
      min: 1,
      max: 365,
      unit: t('orgRules.days'),
    },
  ];
  return (
    <>
      <PageTitle>{t('orgRules.title')}</PageTitle>
      <SettingsForm<OrgRules>
        path="/api/settings/org-rules"
        hint={t('orgRules.hint')}
        fields={fields}
        savedText={t('orgRules.saved')}
      />
    </>
  );
}

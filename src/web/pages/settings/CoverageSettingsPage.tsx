import type { CoverageSettings } from '../../../domain/stats/coverage.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { type SettingField, SettingsForm } from '../../components/SettingsForm.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * 统计设置 (rules.md §2, §3, §9): the scope figures default to, the survey scope's thresholds,
 * 重点盯住, and what makes a region lagging. Bounds as in src/server/stats/settings.ts.
 */
export default function CoverageSettingsPage() {
  const { t } = useI18n();
  const people = t('coverageSettings.people');
  const fields: SettingField<CoverageSettings>[] = [
    {
      kind: 'choice',
      name: 'defaultScope',
      label: t('coverageSettings.defaultScope'),
      extra: t('coverageSettings.defaultScopeHint'),
      options: [
        { value: 'all', label: t('dashboard.scope.all') },
        { value: 'survey', label: t('dashboard.scope.survey') },
      ],
    },
    {
      kind: 'number',
      name: 'surveyMinEmployees',
      label: t('coverageSettings.surveyMinEmployees'),
      extra: t('coverageSettings.atLeastHint'),
      min: 1,
      max: 1000,
      unit: people,
    },
    {
      kind: 'number',
      name: 'surveyMinSocialOrgStaff',
      label: t('coverageSettings.surveyMinSocialOrgStaff'),
      extra: t('coverageSettings.atLeastHint'),
      min: 1,
      max: 1000,
      unit: people,
    },
    {
      kind: 'number',
      name: 'keyWatchEmployees',
      label: t('coverageSettings.keyWatchEmployees'),
      extra: t('coverageSettings.keyWatchEmployeesHint'),
      min: 10,
      max: 10000,
      unit: people,
    },
    {
      kind: 'number',
      name: 'laggingPoints',
      label: t('coverageSettings.laggingPoints'),
      extra: t('coverageSettings.laggingPointsHint'),
      min: 0,
      max: 100,
      precision: 1,
      unit: t('coverageSettings.points'),
    },
    {
      kind: 'number',
      name: 'quarterlyDueDays',
      label: t('coverageSettings.quarterlyDueDays'),
      min: 0,
      max: 90,
      unit: t('coverageSettings.days'),
    },
  ];
  return (
    <>
      <PageTitle>{t('coverageSettings.title')}</PageTitle>
      <SettingsForm<CoverageSettings>
        path="/api/settings/coverage"
        hint={t('coverageSettings.hint')}
        fields={fields}
        savedText={t('coverageSettings.saved')}
      />
    </>
  );
}

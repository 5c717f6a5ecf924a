import { BAND_EDGES, type CoverageSettings } from '../../../domain/stats/coverage.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { type SettingField, SettingsForm } from '../../components/SettingsForm.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * 统计设置 (rules.md §2, §9): the scope figures default to, the survey scope's thresholds,
 * and what makes a region lagging. Bounds as in src/server/stats/settings.ts.
 */
export default function CoverageSettingsPage() {
  const { t } = useI18n();
  const edges = (unit: string) =>
    BAND_EDGES.map((e) => ({ value: e, label: t('coverageSettings.atLeast', { n: e, unit }) }));
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
      kind: 'choice',
      name: 'surveyMinEmployees',
      label: t('coverageSettings.surveyMinEmployees'),
      options: edges(t('coverageSettings.people')),
    },
    {
      kind: 'choice',
      name: 'surveyMinSocialOrgStaff',
      label: t('coverageSettings.surveyMinSocialOrgStaff'),
      options: edges(t('coverageSettings.people')),
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

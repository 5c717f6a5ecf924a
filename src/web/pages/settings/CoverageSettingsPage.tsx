import type { CoverageSettings } from '../../../domain/stats/coverage.ts';
import { type SettingField, SettingsPage } from '../../components/SettingsPage.tsx';

// Bounds as in src/server/stats/settings.ts.
const FIELDS: SettingField<CoverageSettings>[] = [
  {
    kind: 'choice',
    name: 'defaultScope',
    extra: 'coverageSettings.defaultScopeHint',
    options: (t) => [
      { value: 'all', label: t('dashboard.scope.all') },
      { value: 'survey', label: t('dashboard.scope.survey') },
    ],
  },
  {
    name: 'surveyMinEmployees',
    extra: 'coverageSettings.atLeastHint',
    min: 1,
    max: 1000,
    unit: 'coverageSettings.people',
  },
  {
    name: 'surveyMinSocialOrgStaff',
    extra: 'coverageSettings.atLeastHint',
    min: 1,
    max: 1000,
    unit: 'coverageSettings.people',
  },
  {
    name: 'keyWatchEmployees',
    extra: 'coverageSettings.keyWatchEmployeesHint',
    min: 10,
    max: 10000,
    unit: 'coverageSettings.people',
  },
  {
    name: 'laggingPoints',
    extra: 'coverageSettings.laggingPointsHint',
    min: 0,
    max: 100,
    precision: 1,
    unit: 'coverageSettings.points',
  },
  { name: 'quarterlyDueDays', min: 0, max: 90, unit: 'coverageSettings.days' },
];

/**
 * 统计设置 (rules.md §2, §3, §9): the scope figures default to, the survey scope's thresholds,
 * 重点盯住, and what makes a region lagging.
 */
export default function CoverageSettingsPage() {
  return <SettingsPage<CoverageSettings> path="/api/settings/coverage" texts="coverageSettings" fields={FIELDS} />;
}

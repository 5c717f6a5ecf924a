import { PageTitle } from '../../components/PageTitle.tsx';
import { type SettingField, SettingsForm } from '../../components/SettingsForm.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface InstructorRules {
  contactsPerWeek: number;
  requestSilentDays: number;
}

/** 指导员工作规则 (rules.md §8): how often each assigned enterprise is contacted, when a quiet request becomes a prompt. */
export default function InstructorRulesPage() {
  const { t } = useI18n();
  // Bounds as in src/server/casework/settings.ts.
  const fields: SettingField<InstructorRules>[] = [
    {
      kind: 'number',
      name: 'contactsPerWeek',
      label: t('instructorRules.contactsPerWeek'),
      extra: t('instructorRules.contactsPerWeekHint'),
      min: 1,
      max: 7,
      unit: t('instructorRules.times'),
    },
    {
      kind: 'number',
      name: 'requestSilentDays',
      label: t('instructorRules.requestSilentDays'),
      extra: t('instructorRules.requestSilentDaysHint'),
      min: 1,
      max: 365,
      unit: t('instructorRules.days'),
    },
  ];
  return (
    <>
      <PageTitle>{t('instructorRules.title')}</PageTitle>
      <SettingsForm<InstructorRules>
        path="/api/settings/instructor"
        hint={t('instructorRules.hint')}
        fields={fields}
        savedText={t('instructorRules.saved')}
      />
    </>
  );
}

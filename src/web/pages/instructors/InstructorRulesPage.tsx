import { type SettingField, SettingsPage } from '../../components/SettingsPage.tsx';

interface InstructorRules {
  contactsPerWeek: number;
  requestSilentDays: number;
}

// Bounds as in src/server/casework/settings.ts.
const FIELDS: SettingField<InstructorRules>[] = [
  {
    name: 'contactsPerWeek',
    extra: 'instructorRules.contactsPerWeekHint',
    min: 1,
    max: 7,
    unit: 'instructorRules.times',
  },
  {
    name: 'requestSilentDays',
    extra: 'instructorRules.requestSilentDaysHint',
    min: 1,
    max: 365,
    unit: 'instructorRules.days',
  },
];

/** 指导员工作规则 (rules.md §8): how often each assigned enterprise is contacted, when a quiet request becomes a prompt. */
export default function InstructorRulesPage() {
  return <SettingsPage<InstructorRules> path="/api/settings/instructor" texts="instructorRules" fields={FIELDS} />;
}

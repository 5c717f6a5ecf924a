import { FREQUENCIES, MEETING_KINDS } from '../../../domain/orglife/meetings.ts';
import type { ApiResponse } from '../../api/types.ts';
import { type SettingField, SettingsPage } from '../../components/SettingsPage.tsx';

type OrglifeSettings = ApiResponse<'/api/settings/orglife'>;

// Choices as in src/server/orglife/settings.ts.
const FIELDS: SettingField<OrglifeSettings>[] = [
  ...MEETING_KINDS.map(
    (k): SettingField<OrglifeSettings> => ({
      kind: 'choice',
      name: k.code,
      options: (t) => FREQUENCIES.map((f) => ({ value: f.code, label: t(`orglife.freq.${f.code}`) })),
    }),
  ),
  {
    kind: 'choice',
    name: 'leaveInQuorum',
    options: (t) => [
      { value: 'count', label: t('orglifeSettings.leave.count') },
      { value: 'exclude', label: t('orglifeSettings.leave.exclude') },
    ],
  },
];

/** 组织生活设置 (rules.md §10): how often each meeting is due, and the quorum's rule for members on leave. */
export default function OrglifeSettingsPage() {
  return <SettingsPage<OrglifeSettings> path="/api/settings/orglife" texts="orglifeSettings" fields={FIELDS} />;
}

import type { SecurityPolicy } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { type SettingField, SettingsForm } from '../../components/SettingsForm.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

// The bounds the server's schema enforces (src/server/settings/policy.ts).
const FIELDS: { name: keyof SecurityPolicy; min: number; max: number; unit: MessageKey }[] = [
  { name: 'lockoutThreshold', min: 3, max: 10, unit: 'security.unit.times' },
  { name: 'lockoutMinutes', min: 5, max: 24 * 60, unit: 'security.unit.minutes' },
  { name: 'idleMinutes', min: 5, max: 120, unit: 'security.unit.minutes' },
  { name: 'absoluteHours', min: 1, max: 24, unit: 'security.unit.hours' },
];

export default function SecurityPolicyPage() {
  const { t } = useI18n();
  const fields: SettingField<SecurityPolicy>[] = FIELDS.map((f) => ({
    kind: 'number',
    name: f.name,
    label: t(`security.${f.name}`),
    min: f.min,
    max: f.max,
    unit: t(f.unit),
  }));
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <SettingsForm<SecurityPolicy>
        path="/api/settings/security"
        hint={t('security.hint')}
        fields={fields}
        savedText={t('security.saved')}
      />
    </>
  );
}

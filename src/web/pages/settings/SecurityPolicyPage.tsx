import type { SecurityPolicy } from '../../api/types.ts';
import { type SettingField, SettingsPage } from '../../components/SettingsPage.tsx';

// The bounds the server's schema enforces (src/server/settings/policy.ts).
const FIELDS: SettingField<SecurityPolicy>[] = [
  { name: 'lockoutThreshold', min: 3, max: 10, unit: 'security.unit.times' },
  { name: 'lockoutMinutes', min: 5, max: 24 * 60, unit: 'security.unit.minutes' },
  { name: 'idleMinutes', min: 5, max: 120, unit: 'security.unit.minutes' },
  { name: 'absoluteHours', min: 1, max: 24, unit: 'security.unit.hours' },
];

export default function SecurityPolicyPage() {
  return <SettingsPage<SecurityPolicy> path="/api/settings/security" texts="security" fields={FIELDS} />;
}

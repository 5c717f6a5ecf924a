import { Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

const RULES = [
  'password.rule.length',
  'password.rule.classes',
  'password.rule.username',
  'password.rule.common',
] as const;

/** The password policy (src/domain/password.ts) in words, shown before the user types. */
export function PasswordRules() {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
      {t('password.rulesTitle')}
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {RULES.map((r) => (
          <li key={r}>{t(r)}</li>
        ))}
      </ul>
    </Typography.Paragraph>
  );
}

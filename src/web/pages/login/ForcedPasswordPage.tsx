import { Alert } from 'antd';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAdoptSession, useSession } from '../../session.ts';

/** First login, or after a reset: the one-time password must be replaced before anything else. */
export default function ForcedPasswordPage() {
  const { t } = useI18n();
  const adopt = useAdoptSession();
  const username = useSession().data?.user?.username ?? '';
  return (
    <AuthCard title={t('password.forcedTitle')} halfway>
      <Alert type="info" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm username={username} onChanged={adopt} />
    </AuthCard>
  );
}

import { Alert, Button } from 'antd';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { useSignOut } from '../../components/useSignOut.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAdoptSession, useSession } from '../../session.ts';

/** First login, or after a reset: the one-time password must be replaced before anything else. */
export default function ForcedPasswordPage() {
  const { t } = useI18n();
  const adopt = useAdoptSession();
  const signOut = useSignOut();
  const username = useSession().data?.user?.username ?? '';
  return (
    <AuthCard title={t('password.forcedTitle')}>
      <Alert type="info" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm username={username} onChanged={adopt} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => signOut.mutate()}>
        {t('login.backToLogin')}
      </Button>
    </AuthCard>
  );
}

import { Alert, Button } from 'antd';
import { AuthCard } from '../../components/AuthCard.tsx';
import { TotpEnrolment } from '../../components/TotpEnrolment.tsx';
import { useSignOut } from '../../components/useSignOut.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAdoptSession } from '../../session.ts';

/** Administrators (三员) must sign in with a second factor: they link an authenticator first. */
export default function ForcedEnrolPage() {
  const { t } = useI18n();
  const adopt = useAdoptSession();
  const signOut = useSignOut();
  return (
    <AuthCard title={t('enrol.forcedTitle')} wide>
      <Alert
        type="info"
        showIcon
        title={t('enrol.forcedHint')}
        description={t('enrol.apps')}
        style={{ marginBottom: 16 }}
      />
      <TotpEnrolment onEnrolled={adopt} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => signOut.mutate()}>
        {t('login.backToLogin')}
      </Button>
    </AuthCard>
  );
}

import { Alert } from 'antd';
import { AuthCard } from '../../components/AuthCard.tsx';
import { TotpEnrolment } from '../../components/TotpEnrolment.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAdoptSession } from '../../session.ts';

/** Administrators (三员) must sign in with a second factor: they link an authenticator first. */
export default function ForcedEnrolPage() {
  const { t } = useI18n();
  const adopt = useAdoptSession();
  return (
    <AuthCard title={t('enrol.forcedTitle')} halfway wide>
      <Alert
        type="info"
        showIcon
        title={t('enrol.forcedHint')}
        description={t('enrol.apps')}
        style={{ marginBottom: 16 }}
      />
      <TotpEnrolment onEnrolled={adopt} />
    </AuthCard>
  );
}

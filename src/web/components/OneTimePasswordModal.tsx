import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

export interface OneTimePassword {
  username: string;
  password: string;
}

/** Shows a new or reset account's one-time password, once: it cannot be fetched again. */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={value !== null}
      title={t('otp.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('otp.close')}
        </Button>
      }
    >
      {value && (
        <>
          <Typography.Paragraph>{t('otp.for', { username: value.username })}</Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: value.password }}
            data-testid="one-time-password"
            style={{ fontFamily: 'monospace', fontSize: 20, textAlign: 'center' }}
          >
            {value.password}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('otp.warning')} />
        </>
      )}
    </Modal>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, QRCode, Typography } from 'antd';
import type { TotpEnrolment as Enrolment, SessionInfo } from '../api/types.ts';
import { api } from '../api.ts';
import { useErrorText, useI18n } from '../i18n/index.tsx';
import { TotpCodeForm } from './TotpCodeForm.tsx';

/** Groups of four, as authenticator apps show keys; spaces are ignored when typed in. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Linking an authenticator app: the server makes a secret, the user scans it (or types it)
 * and proves it works with one code. Each "generate" replaces the previous, unconfirmed secret.
 */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: (s: SessionInfo) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ code: string }>();
  const enrol = useMutation({ mutationFn: () => api.post<Enrolment>('/api/auth/totp/enrol') });
  const confirm = useMutation({
    mutationFn: (code: string) => api.post<SessionInfo>('/api/auth/totp/confirm', { code }),
    onSuccess: onEnrolled,
    onError: () => form.setFieldValue('code', ''),
  });

  if (!enrol.data) {
    return (
      <>
        {enrol.isError && <Alert type="error" showIcon title={errorText(enrol.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" block loading={enrol.isPending} onClick={() => enrol.mutate()}>
          {t('enrol.start')}
        </Button>
      </>
    );
  }

  const { secret, otpauthUri } = enrol.data;
  return (
    <>
      <Typography.Paragraph>{t('enrol.step1')}</Typography.Paragraph>
      <Flex justify="center" style={{ marginBottom: 16 }}>
        <QRCode value={otpauthUri} type="svg" size={176} bordered />
      </Flex>
      <Typography.Text strong>{t('enrol.secret')}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text: secret }}
        style={{ fontFamily: 'monospace', fontSize: 16 }}
        data-testid="totp-secret"
      >
        {grouped(secret)}
      </Typography.Paragraph>
      <Typography.Text strong>{t('enrol.uri')}</Typography.Text>
      <Typography.Paragraph copyable type="secondary" className="dj-break" style={{ fontSize: 12 }}>
        {otpauthUri}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('enrol.step2')}</Typography.Paragraph>
      <TotpCodeForm form={form} mutation={confirm} submitText={t('enrol.confirm')} />
      <Button type="link" block style={{ marginTop: 8 }} loading={enrol.isPending} onClick={() => enrol.mutate()}>
        {t('enrol.regenerate')}
      </Button>
    </>
  );
}

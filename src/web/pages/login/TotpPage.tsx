import { useMutation } from '@tanstack/react-query';
import { Form, Typography } from 'antd';
import type { SessionInfo } from '../../api/types.ts';
import { api } from '../../api.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { TotpCodeForm } from '../../components/TotpCodeForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAdoptSession } from '../../session.ts';

export default function TotpPage() {
  const { t } = useI18n();
  const adopt = useAdoptSession();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useMutation({
    mutationFn: (code: string) => api.post<SessionInfo>('/api/auth/totp', { code }),
    onSuccess: adopt,
    onError: () => form.setFieldValue('code', ''),
  });

  return (
    <AuthCard title={t('totp.title')} halfway>
      <Typography.Paragraph>{t('totp.hint')}</Typography.Paragraph>
      <TotpCodeForm form={form} mutation={verify} submitText={t('totp.submit')} login />
    </AuthCard>
  );
}

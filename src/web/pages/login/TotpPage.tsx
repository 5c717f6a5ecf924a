import { SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import type { SessionInfo } from '../../api/types.ts';
import { api } from '../../api.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useAdoptSession } from '../../session.ts';

export default function TotpPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
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
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => verify.mutate(v.code)}
        disabled={verify.isPending}
      >
        {verify.isError && <Alert type="error" showIcon title={errorText(verify.error)} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="code"
          label={t('totp.code')}
          normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRequired') }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            size="large"
            maxLength={6}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
          {t('totp.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}

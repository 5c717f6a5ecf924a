import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import type { SessionInfo } from '../../api/types.ts';
import { api } from '../../api.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useAdoptSession } from '../../session.ts';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const adopt = useAdoptSession();
  const login = useMutation({
    mutationFn: (c: Credentials) => api.post<SessionInfo>('/api/auth/login', c),
    onSuccess: adopt,
  });

  return (
    <AuthCard title={t('login.title')}>
      <Form<Credentials>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => login.mutate(v)}
        disabled={login.isPending}
      >
        {login.isError && <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t('login.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('login.firstTimeHint')}
        </Typography.Paragraph>
      </Form>
    </AuthCard>
  );
}

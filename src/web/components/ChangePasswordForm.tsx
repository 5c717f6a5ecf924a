import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { SessionInfo } from '../api/types.ts';
import { api } from '../api.ts';
import { useErrorText, useI18n } from '../i18n/index.tsx';
import { coversFields, showFieldErrors } from './formErrors.ts';
import { PasswordRules } from './PasswordRules.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Changing one's own password; the server's per-rule messages appear under the new password. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: (s: SessionInfo) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api.post<SessionInfo>('/api/auth/password', { currentPassword, newPassword }),
    onSuccess: (session) => {
      form.resetFields();
      onChanged(session);
    },
    onError: (error) => showFieldErrors(form, error, FIELDS),
  });
  const bannerError = change.isError && !coversFields(change.error, FIELDS);

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => change.mutate(v)}
      disabled={change.isPending}
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordRules />
      {bannerError && <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}

import { Button, Form, Input } from 'antd';
import type { SessionInfo } from '../api/types.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { PasswordRules } from './PasswordRules.tsx';
import { useServerForm } from './useServerForm.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changing one's own password; the server's per-rule messages appear under the new password. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: (s: SessionInfo) => void }) {
  const { t } = useI18n();
  const {
    form,
    mutation: change,
    banner,
    formProps,
  } = useServerForm<Values, SessionInfo>({
    submit: ({ currentPassword, newPassword }) => api.post('/api/auth/password', { currentPassword, newPassword }),
    onDone: (session) => {
      form.resetFields();
      onChanged(session);
    },
  });

  return (
    <Form {...formProps} requiredMark={false}>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordRules />
      {banner}
      {/* The current and the new password are asked alike; the browser fills in each by its autocomplete. */}
      {(['current', 'new'] as const).map((which) => (
        <Form.Item
          key={which}
          name={`${which}Password`}
          label={t(`password.${which}`)}
          rules={[{ required: true, message: t(`password.${which}Required`) }]}
        >
          <Input.Password autoComplete={`${which}-password`} />
        </Form.Item>
      ))}
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

import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, type FormInstance, Input } from 'antd';
import { useErrorText, useI18n } from '../i18n/index.tsx';

interface Props {
  form: FormInstance<{ code: string }>;
  /** Sends the six digits (a mutation's `mutate`); its refusal shows above the box. */
  mutation: { mutate: (code: string) => void; isPending: boolean; isError: boolean; error: unknown };
  submitText: string;
  /** The login step's own look: a shield in the box, the focus there, a large button. */
  login?: boolean;
}

/** The six digits an authenticator shows, typed (digits only) and sent; used to log in and to link one. */
export function TotpCodeForm({ form, mutation, submitText, login = false }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => mutation.mutate(v.code)}
      disabled={mutation.isPending}
    >
      {mutation.isError && (
        <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="code"
        label={t('totp.code')}
        normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRequired') }]}
      >
        <Input
          prefix={login ? <SafetyOutlined /> : undefined}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus={login}
          size="large"
          maxLength={6}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size={login ? 'large' : undefined} loading={mutation.isPending}>
        {submitText}
      </Button>
    </Form>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber } from 'antd';
import { api } from '../../api.ts';
import { coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import type { SecurityPolicy } from '../../types.ts';

// The bounds the server's schema enforces (src/server/settings/policy.ts).
const FIELDS: { name: keyof SecurityPolicy; min: number; max: number; unit: MessageKey }[] = [
  { name: 'lockoutThreshold', min: 3, max: 10, unit: 'security.unit.times' },
  { name: 'lockoutMinutes', min: 5, max: 24 * 60, unit: 'security.unit.minutes' },
  { name: 'idleMinutes', min: 5, max: 120, unit: 'security.unit.minutes' },
  { name: 'absoluteHours', min: 1, max: 24, unit: 'security.unit.hours' },
];
const NAMES = FIELDS.map((f) => f.name);
const KEY = ['settings', 'security'];

export default function SecurityPolicyPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<SecurityPolicy>();
  const query = useQuery({ queryKey: KEY, queryFn: () => api.get<SecurityPolicy>('/api/settings/security') });
  const save = useMutation({
    mutationFn: (policy: SecurityPolicy) => api.put<SecurityPolicy>('/api/settings/security', policy),
    onSuccess: (policy) => {
      client.setQueryData(KEY, policy);
      void message.success(t('security.saved'));
    },
    onError: (error) => showFieldErrors(form, error, NAMES),
  });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <Card loading={query.isPending} style={{ maxWidth: 560 }}>
        <Alert type="info" showIcon title={t('security.hint')} style={{ marginBottom: 16 }} />
        {save.isError && !coversFields(save.error, NAMES) && (
          <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
        )}
        {query.data && (
          <Form<SecurityPolicy>
            form={form}
            layout="vertical"
            initialValues={query.data}
            onFinish={(v) => save.mutate(v)}
          >
            {FIELDS.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={t(`security.${f.name}`)}
                extra={t('security.range', { min: f.min, max: f.max })}
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: f.min,
                    max: f.max,
                    message: t('security.range', { min: f.min, max: f.max }),
                  },
                ]}
              >
                <InputNumber min={f.min} max={f.max} precision={0} suffix={t(f.unit)} style={{ width: 200 }} />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}

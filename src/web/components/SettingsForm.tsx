import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../api.ts';
import { useErrorText, useI18n } from '../i18n/index.tsx';
import { coversFields, showFieldErrors } from './formErrors.ts';
import { QueryError } from './QueryError.tsx';

/** One setting: a bounded number, or a choice among fixed values (several, when `multiple`). */
export type SettingField<T> = { name: keyof T & string; label: string; extra?: string } & (
  | { kind: 'number'; min: number; max: number; precision?: number; unit?: string }
  | { kind: 'choice'; options: { value: string | number; label: string }[]; multiple?: boolean }
);

/**
 * A card that reads a settings object from `path`, edits it field by field within the bounds
 * the server's schema also enforces, and saves it back with PUT (audited by the server).
 */
export function SettingsForm<T extends object>({
  path,
  title,
  hint,
  fields,
  savedText,
}: {
  path: string;
  title?: ReactNode;
  hint: string;
  fields: SettingField<T>[];
  savedText: string;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<T>();
  const key = ['settings', path];
  const names = fields.map((f) => f.name);
  const query = useQuery({ queryKey: key, queryFn: () => api.get<T>(path) });
  const save = useMutation({
    mutationFn: (value: T) => api.put<T>(path, value),
    onSuccess: (value) => {
      client.setQueryData(key, value);
      void message.success(savedText);
    },
    onError: (error) => showFieldErrors(form, error, names),
  });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <Card title={title} loading={query.isPending} style={{ maxWidth: 560, marginBottom: 16 }}>
      <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />
      {save.isError && !coversFields(save.error, names) && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      {query.data && (
        <Form<T> form={form} layout="vertical" initialValues={query.data} onFinish={(v) => save.mutate(v)}>
          {fields.map((f) =>
            f.kind === 'number' ? (
              <Form.Item
                key={f.name}
                name={f.name as never}
                label={f.label}
                extra={f.extra ?? t('security.range', { min: f.min, max: f.max })}
                rules={[
                  {
                    required: true,
                    type: f.precision ? 'number' : 'integer',
                    min: f.min,
                    max: f.max,
                    message: t('security.range', { min: f.min, max: f.max }),
                  },
                ]}
              >
                <InputNumber
                  min={f.min}
                  max={f.max}
                  precision={f.precision ?? 0}
                  suffix={f.unit}
                  style={{ width: 200 }}
                />
              </Form.Item>
            ) : (
              <Form.Item key={f.name} name={f.name as never} label={f.label} extra={f.extra}>
                <Select options={f.options} mode={f.multiple ? 'multiple' : undefined} style={{ maxWidth: 320 }} />
              </Form.Item>
            ),
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select } from 'antd';
import { api } from '../api.ts';
import { type MessageKey, type Translate, useErrorText, useI18n } from '../i18n/index.tsx';
import { coversFields, showFieldErrors } from './formErrors.ts';
import { PageTitle } from './PageTitle.tsx';
import { QueryError } from './QueryError.tsx';

/**
 * One setting, labelled by the page's message `<texts>.<name>`: a bounded number (when no kind
 * is named), or a choice among fixed values (several, when `multiple`).
 */
export type SettingField<T> = { name: keyof T & string; extra?: MessageKey } & (
  | { kind?: 'number'; min: number; max: number; precision?: number; unit: MessageKey }
  | {
      kind: 'choice';
      options: (t: Translate) => { value: string | number; label: string }[];
      multiple?: boolean;
    }
);

/** A group of messages with a page's title, the hint above its form and the message after a save (`orgRules`: `orgRules.title` …). */
type SettingsTexts = {
  [K in MessageKey]: K extends `${infer G}.title`
    ? `${G}.hint` extends MessageKey
      ? `${G}.saved` extends MessageKey
        ? G
        : never
      : never
    : never;
}[MessageKey];

/**
 * A settings page: reads a settings object from `path`, edits it field by field within the
 * bounds the server's schema also enforces, and saves it back with PUT (audited by the server).
 */
export function SettingsPage<T extends object>({
  path,
  texts,
  fields,
}: {
  path: string;
  texts: SettingsTexts;
  fields: SettingField<T>[];
}) {
  const { t, has } = useI18n();
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
      void message.success(t(`${texts}.saved`));
    },
    onError: (error) => showFieldErrors(form, error, names),
  });

  const label = (name: string) => {
    const key = `${texts}.${name}`;
    return has(key) ? t(key) : key;
  };
  const title = <PageTitle>{t(`${texts}.title`)}</PageTitle>;
  if (query.isError)
    return (
      <>
        {title}
        <QueryError error={query.error} retry={() => void query.refetch()} />
      </>
    );
  return (
    <>
      {title}
      <Card loading={query.isPending} style={{ maxWidth: 560, marginBottom: 16 }}>
        <Alert type="info" showIcon title={t(`${texts}.hint`)} style={{ marginBottom: 16 }} />
        {save.isError && !coversFields(save.error, names) && (
          <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
        )}
        {query.data && (
          <Form<T> form={form} layout="vertical" initialValues={query.data} onFinish={(v) => save.mutate(v)}>
            {fields.map((f) =>
              f.kind === 'choice' ? (
                <Form.Item key={f.name} name={f.name as never} label={label(f.name)} extra={f.extra && t(f.extra)}>
                  <Select options={f.options(t)} mode={f.multiple ? 'multiple' : undefined} style={{ maxWidth: 320 }} />
                </Form.Item>
              ) : (
                <Form.Item
                  key={f.name}
                  name={f.name as never}
                  label={label(f.name)}
                  extra={f.extra ? t(f.extra) : t('security.range', { min: f.min, max: f.max })}
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
                    suffix={t(f.unit)}
                    style={{ width: 200 }}
                  />
                </Form.Item>
              ),
            )}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}

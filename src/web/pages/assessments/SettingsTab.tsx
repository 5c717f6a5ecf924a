import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Flex, Form, InputNumber } from 'antd';
import type { AssessmentSettings } from '../../api/types.ts';
import { api } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';

const KEY = ['assessments', 'settings'];

const GROUPS: {
  name: keyof Omit<AssessmentSettings, 'excellentCap'>;
  title: MessageKey;
  fields: { key: string; label: MessageKey }[];
  decimals: number;
}[] = [
  {
    name: 'weights',
    title: 'settings.weights',
    decimals: 0,
    fields: [
      { key: 'daily', label: 'assess.part.daily' },
      { key: 'periodic', label: 'assess.part.periodic' },
      { key: 'democratic', label: 'assess.part.democratic' },
    ],
  },
  {
    name: 'dimensionWeights',
    title: 'settings.dimensions',
    decimals: 0,
    fields: [
      { key: 'duties', label: 'periodic.duties' },
      { key: 'discipline', label: 'periodic.discipline' },
      { key: 'effectiveness', label: 'periodic.effectiveness' },
    ],
  },
  {
    name: 'thresholds',
    title: 'settings.thresholds',
    decimals: 2,
    fields: [
      { key: 'excellent', label: 'settings.excellent' },
      { key: 'competent', label: 'settings.competent' },
      { key: 'basic', label: 'settings.basic' },
    ],
  },
];

/** Weights, grade thresholds and the excellent cap: the whole deployment's, audited on change. */
export function SettingsTab() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const can = useCan();
  const client = useQueryClient();
  const [form] = Form.useForm<AssessmentSettings>();
  const query = useQuery({ queryKey: KEY, queryFn: () => api.get<AssessmentSettings>('/api/assessments/settings') });
  const save = useMutation({
    mutationFn: (v: AssessmentSettings) =>
      api.put<AssessmentSettings>('/api/assessments/settings', { ...v, excellentCap: v.excellentCap ?? null }),
    onSuccess: (v) => {
      client.setQueryData(KEY, v);
      void client.invalidateQueries({ queryKey: ['assessments', 'results'] });
      void message.success(t('settings.saved'));
    },
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const writable = can('assessment.write');
  return (
    <Card loading={query.isPending} style={{ maxWidth: 640 }}>
      {!writable && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 12 }} />}
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />}
      {query.data && (
        <Form<AssessmentSettings>
          form={form}
          initialValues={query.data}
          disabled={!writable}
          onFinish={(v) => save.mutate(v)}
        >
          {GROUPS.map((g) => (
            <div key={g.name}>
              <Divider titlePlacement="start" plain>
                {t(g.title)}
              </Divider>
              <Flex wrap gap={16}>
                {g.fields.map((f) => (
                  <Form.Item
                    key={f.key}
                    name={[g.name, f.key]}
                    label={t(f.label)}
                    rules={[{ required: true, type: 'number' }]}
                  >
                    <InputNumber min={0} max={100} precision={g.decimals} style={{ width: 110 }} />
                  </Form.Item>
                ))}
              </Flex>
            </div>
          ))}
          <Divider titlePlacement="start" plain>
            {t('settings.cap')}
          </Divider>
          <Form.Item name="excellentCap" extra={t('settings.capHint')}>
            <InputNumber min={1} max={100} precision={0} style={{ width: 110 }} />
          </Form.Item>
          {writable && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}

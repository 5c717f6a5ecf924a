import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DailyEntry } from '../../api/types.ts';
import { api, request } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useServerForm } from '../../components/useServerForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { toDay } from '../orgs/dates.ts';
import { scoreText } from './period.ts';
import { useResults } from './ResultsTab.tsx';

interface Values {
  instructorId: number;
  onDate: Dayjs;
  score: number;
  note?: string;
}

/** Daily assessment entries of the period: a quick form and the list, newest first. */
export function DailyTab({ period }: { period: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const client = useQueryClient();
  const results = useResults(period);
  const key = ['assessments', 'daily', period];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<DailyEntry[]>('/api/assessments/daily', { period }) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['assessments', 'results', period] });
  };
  const {
    form,
    mutation: add,
    banner,
    formProps,
  } = useServerForm<Values, unknown>({
    submit: (v) => api.post('/api/assessments/daily', { ...v, onDate: toDay(v.onDate), note: v.note ?? null }),
    onDone: () => {
      void message.success(t('daily.added'));
      form.resetFields(['score', 'note']);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/assessments/daily/${id}`),
    onSuccess: () => {
      void message.success(t('daily.deleted'));
      refresh();
    },
  });

  if (list.isError) return <QueryError error={list.error} retry={() => void list.refetch()} />;
  return (
    <>
      {can('assessment.write') && (
        <Card size="small" style={{ marginBottom: 16 }}>
          {banner}
          <Form<Values> {...formProps} layout="inline" initialValues={{ onDate: dayjs() }} style={{ rowGap: 8 }}>
            <Form.Item
              name="instructorId"
              label={t('daily.instructor')}
              rules={[{ required: true, message: t('daily.required') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 200 }}
                options={results.data?.rows.map((r) => ({
                  value: r.instructorId,
                  label: `${r.name}（${r.department}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="onDate"
              label={t('daily.onDate')}
              rules={[{ required: true, message: t('daily.required') }]}
            >
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="score"
              label={t('daily.score')}
              rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('daily.scoreRange') }]}
            >
              <InputNumber min={0} max={100} precision={2} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="note" label={t('daily.note')}>
              <Input maxLength={500} style={{ width: 220 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('daily.add')}
            </Button>
          </Form>
        </Card>
      )}
      <Table<DailyEntry>
        title={() => t('daily.list')}
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('daily.onDate'), dataIndex: 'onDate', width: 120 },
          { title: t('daily.instructor'), dataIndex: 'instructorName', width: 120 },
          { title: t('daily.score'), dataIndex: 'score', align: 'right', width: 80, render: scoreText },
          { title: t('daily.note'), dataIndex: 'note' },
          ...(can('assessment.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: DailyEntry) => (
                    <Popconfirm title={t('daily.deleteConfirm')} onConfirm={() => remove.mutate(r.id)}>
                      <Button type="link" size="small" danger>
                        {t('daily.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { localDateString } from '../../../domain/calendarDate.ts';
import type { ApiResponse, Snapshot } from '../../api/types.ts';
import { ApiError, api } from '../../api.ts';
import { ListView } from '../../components/list/ListView.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';

interface CreateValues {
  date: Dayjs;
  region?: string;
  label?: string;
}

/** Survey snapshots (rules.md §9): take one, list them, pick two to compare. */
export default function SnapshotsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const today = localDateString(new Date());
  const list = useQuery({
    queryKey: ['snapshots'],
    queryFn: () => api.get<ApiResponse<'/api/snapshots'>>('/api/snapshots'),
  });
  const items = list.data?.items ?? [];
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<Snapshot>('/api/snapshots', {
        date: v.date.format('YYYY-MM-DD'),
        ...(v.region ? { region: v.region } : {}),
        ...(v.label?.trim() ? { label: v.label.trim() } : {}),
      }),
    onSuccess: (s) => {
      message.success(t('snapshots.created', { label: s.label, count: s.enterpriseCount.toLocaleString() }));
      form.resetFields(['label']);
      void client.invalidateQueries({ queryKey: ['snapshots'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.details.some((d) => d.field === 'date'))
        form.setFields([{ name: 'date', errors: [err.message] }]);
      else message.error(err.message);
    },
  });

  const options = items.map((s) => ({ value: s.id, label: `${s.takenOn} ${s.label}（${s.regionName}）` }));
  // The earlier and the later snapshot of a comparison.
  const snapshotSelect = (side: 'from' | 'to', value: number | undefined, onChange: (id: number) => void) => (
    <Select
      style={{ minWidth: 240, flex: '1 1 240px' }}
      placeholder={t(`snapshots.${side}`)}
      options={options}
      value={value}
      onChange={onChange}
      data-testid={`compare-${side}`}
    />
  );
  const columns: TableColumnsType<Snapshot> = [
    { title: t('snapshots.col.id'), dataIndex: 'id', width: 64 },
    { title: t('snapshots.col.takenOn'), dataIndex: 'takenOn' },
    { title: t('snapshots.col.label'), dataIndex: 'label' },
    { title: t('snapshots.col.region'), dataIndex: 'regionName' },
    {
      title: t('snapshots.col.count'),
      dataIndex: 'enterpriseCount',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    { title: t('snapshots.col.actor'), dataIndex: 'actorName' },
  ];

  return (
    <>
      <PageTitle>{t('snapshots.title')}</PageTitle>
      {can('snapshot.write') && (
        <Card title={t('snapshots.create')} size="small" style={{ marginBottom: 12 }}>
          <Form<CreateValues>
            form={form}
            layout="inline"
            initialValues={{ date: dayjs(today) }}
            onFinish={(v) => create.mutate(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="date"
              label={t('snapshots.date')}
              rules={[{ required: true, message: t('snapshots.dateRequired') }]}
            >
              <DatePicker allowClear={false} maxDate={dayjs(today)} data-testid="snapshot-date" />
            </Form.Item>
            <Form.Item name="region" label={t('snapshots.region')} style={{ minWidth: 240 }}>
              <RegionTreeSelect
                root={{ code: user.regionCode, name: user.regionName }}
                allowClear
                placeholder={user.regionName}
              />
            </Form.Item>
            <Form.Item name="label" label={t('snapshots.label')}>
              <Input maxLength={100} placeholder={t('snapshots.labelPlaceholder')} data-testid="snapshot-label" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t('snapshots.createButton')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card title={t('snapshots.compare')} size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          {snapshotSelect('from', from, setFrom)}
          {snapshotSelect('to', to, setTo)}
          <Button
            type="primary"
            disabled={!from || !to || from === to}
            onClick={() => navigate(`/snapshots/compare?from=${from}&to=${to}`)}
          >
            {t('snapshots.compareButton')}
          </Button>
        </Flex>
      </Card>
      <Card size="small">
        <ListView<Snapshot> query={list} columns={columns} empty={t('snapshots.empty')} />
      </Card>
    </>
  );
}

import { EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { PoolFormDrawer } from './PoolFormDrawer.tsx';
import { type PoolDetail, STATUS_COLORS } from './types.ts';

type Dispatch = PoolDetail['dispatches'][number];

/** One person of the pool: where they came from, each time they were sent and came back; send or record a return. */
export default function PoolSecretaryPage() {
  const { t } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { id } = useParams();
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [returning, setReturning] = useState<Dispatch | null>(null);
  const query = useQuery({
    queryKey: ['secretary-pool', 'detail', id],
    queryFn: () => api.get<PoolDetail>(`/api/secretary-pool/${id}`),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const { secretary: s, writable, dispatches } = query.data;
  const manage = can('pool.manage') && writable;
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['secretary-pool'] });
    void client.invalidateQueries({ queryKey: ['orgs'] });
  };

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <BackButton fallback="/secretary-pool" />
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('pool.edit')}
              </Button>
            )}
            {manage && (s.status === 'available' || s.status === 'returned') && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)}>
                {t('pool.dispatch')}
              </Button>
            )}
          </Space>
        }
      >
        {s.name} <Tag color={STATUS_COLORS[s.status]}>{t(`pool.status.${s.status}`)}</Tag>
      </PageTitle>
      {!writable && <Alert type="info" showIcon title={t('pool.detail.readOnly')} style={{ marginBottom: 16 }} />}
      <Card size="small" title={t('pool.detail.profile')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('pool.field.sex')}>{t(`pool.sex.${s.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('pool.field.birthDate')}>{s.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pool.field.phone')}>{s.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pool.field.origin')}>{t(`pool.origin.${s.origin}`)}</Descriptions.Item>
          <Descriptions.Item label={t('pool.field.originUnit')}>{s.originUnit}</Descriptions.Item>
          <Descriptions.Item label={t('pool.field.regionCode')}>{s.regionName ?? s.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('pool.field.enteredOn')}>{s.enteredOn}</Descriptions.Item>
          {s.leftOn && <Descriptions.Item label={t('pool.field.leftOn')}>{s.leftOn}</Descriptions.Item>}
          {s.note && <Descriptions.Item label={t('pool.field.note')}>{s.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('pool.detail.dispatches')}>
        <Table<Dispatch>
          size="small"
          rowKey="id"
          dataSource={dispatches}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('pool.detail.noDispatches') }}
          data-testid="pool-dispatches"
          columns={[
            {
              title: t('pool.dispatch.col.org'),
              key: 'org',
              render: (_, d) => <Link to={`/orgs/${d.orgId}`}>{d.orgName}</Link>,
            },
            { title: t('pool.dispatch.col.region'), dataIndex: 'regionName' },
            { title: t('pool.dispatch.col.startOn'), dataIndex: 'startOn' },
            {
              title: t('pool.dispatch.col.endOn'),
              key: 'endOn',
              render: (_, d) =>
                d.endOn ?? (
                  <Space>
                    <Tag color="blue">{t('pool.dispatch.serving')}</Tag>
                    {manage && (
                      <Button size="small" icon={<RollbackOutlined />} onClick={() => setReturning(d)}>
                        {t('pool.return')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {editing && <PoolFormDrawer secretary={s} onClose={() => setEditing(false)} />}
      {sending && (
        <FormDrawer<{ orgId?: number | null; startOn?: Dayjs | null; note?: string }, unknown>
          title={t('pool.dispatch.title', { name: s.name })}
          intro={<Alert type="info" showIcon title={t('pool.dispatch.intro')} style={{ marginBottom: 16 }} />}
          onClose={() => setSending(false)}
          initialValues={{ startOn: dayjs() }}
          submit={(v) =>
            api.post(`/api/secretary-pool/${s.id}/dispatches`, {
              orgId: v.orgId,
              startOn: toDay(v.startOn),
              note: v.note?.trim() || null,
            })
          }
          onDone={() => {
            void message.success(t('pool.dispatch.done'));
            changed();
          }}
        >
          <Form.Item name="orgId" label={t('pool.dispatch.orgId')} rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="startOn" label={t('pool.dispatch.startOn')} rules={[{ required: true }]}>
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="note" label={t('pool.dispatch.note')}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </FormDrawer>
      )}
      {returning && (
        <FormModal<{ endOn?: Dayjs | null }, unknown>
          title={t('pool.return.title', { name: s.name, org: returning.orgName })}
          onClose={() => setReturning(null)}
          initialValues={{ endOn: dayjs() }}
          submit={(v) =>
            api.post(`/api/secretary-pool/${s.id}/dispatches/${returning.id}/return`, { endOn: toDay(v.endOn) })
          }
          onDone={() => {
            void message.success(t('pool.return.done'));
            changed();
          }}
        >
          <Form.Item
            name="endOn"
            label={t('pool.return.endOn')}
            extra={t('pool.return.endOnHint')}
            rules={[{ required: true }]}
          >
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

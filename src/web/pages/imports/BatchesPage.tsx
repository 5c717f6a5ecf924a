import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import type { ImportBatch, Page } from '../../types.ts';
import { BatchStatusTag } from './BatchStatusTag.tsx';

const PAGE_SIZE = 20;

/** Every import in the user's scope, newest first; each opens its preview or result. */
export default function BatchesPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const query = useQuery({
    queryKey: ['ledger', 'batches', page],
    queryFn: () => api.get<Page<ImportBatch>>('/api/import-batches', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ImportBatch> = [
    {
      title: t('batches.col.id'),
      dataIndex: 'id',
      render: (id: number) => <Link to={`/ledger/import/${id}`}>#{id}</Link>,
    },
    { title: t('batch.period'), dataIndex: 'period' },
    { title: t('batch.source'), dataIndex: 'source' },
    {
      title: t('batch.fileName'),
      dataIndex: 'fileName',
      render: (name: string, b) => <Link to={`/ledger/import/${b.id}`}>{name}</Link>,
    },
    { title: t('batch.actor'), dataIndex: 'actorName' },
    {
      title: t('batch.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    { title: t('users.col.status'), dataIndex: 'status', render: (_, b) => <BatchStatusTag status={b.status} /> },
    {
      title: t('batches.col.result'),
      key: 'counts',
      render: (_, b) => {
        const c = b.counts;
        if (c.rows === undefined) return null;
        const counts = t('batches.counts', {
          added: c.added ?? 0,
          changed: c.changed ?? 0,
          unchanged: c.unchanged ?? 0,
        });
        return c.errors ? `${counts} · ${t('batches.errors', { errors: c.errors })}` : counts;
      },
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          can('ledger.import') && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/ledger/import')}>
              {t('nav.ledgerImport')}
            </Button>
          )
        }
      >
        {t('batches.title')}
      </PageTitle>
      <Card size="small">
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : (
          <Table<ImportBatch>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('batches.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}),
            }}
          />
        )}
      </Card>
    </>
  );
}

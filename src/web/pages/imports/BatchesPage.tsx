import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AnyBatch, Page } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { BatchStatusTag } from './BatchStatusTag.tsx';
import { KindSwitch } from './KindSwitch.tsx';
import { type ImportKind, importHref, isImportKind, KIND_DEFS, visibleKinds } from './kinds.ts';

const PAGE_SIZE = 20;

/**
 * The imports in the user's scope, newest first, one kind at a time (enterprises, orgs or
 * members: each has its own batches and permission); each opens its preview or result. The
 * kind and page are in the URL (`?kind=orgs&page=2`); without a kind, the enterprise batches.
 */
export default function BatchesPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const offered = visibleKinds(can);
  const asked = params.get('kind');
  const kind: ImportKind = isImportKind(asked) && offered.includes(asked) ? asked : 'enterprises';
  const def = KIND_DEFS[kind];
  const page = Number(params.get('page')) || 1;
  const go = (k: ImportKind, p: number) =>
    setParams({ ...(k === 'enterprises' ? {} : { kind: k }), ...(p > 1 ? { page: String(p) } : {}) });
  const query = useQuery({
    queryKey: ['ledger', 'batches', kind, page],
    queryFn: () => api.get<Page<AnyBatch>>(def.list, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AnyBatch> = [
    {
      title: t('batches.col.id'),
      dataIndex: 'id',
      render: (id: number) => <Link to={def.page(id)}>#{id}</Link>,
    },
    // Only the enterprise file is filed under a period and a source.
    ...(def.labelled
      ? [
          { title: t('batch.period'), dataIndex: 'period' },
          { title: t('batch.source'), dataIndex: 'source' },
        ]
      : []),
    {
      title: t('batch.fileName'),
      dataIndex: 'fileName',
      render: (name: string, b) => <Link to={def.page(b.id)}>{name}</Link>,
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
          can(def.permission) && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate(importHref(kind))}>
              {t('nav.ledgerImport')}
            </Button>
          )
        }
      >
        {t('batches.title')}
      </PageTitle>
      <Card size="small">
        {offered.length > 1 && (
          <div style={{ marginBottom: 12 }}>
            <KindSwitch offered={offered} value={kind} onChange={(k) => go(k, 1)} />
          </div>
        )}
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : (
          <Table<AnyBatch>
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
              onChange: (p) => go(kind, p),
            }}
          />
        )}
      </Card>
    </>
  );
}

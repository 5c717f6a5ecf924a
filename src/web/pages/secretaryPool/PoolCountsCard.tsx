import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { api } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { PoolCounts } from './types.ts';

type Row = Omit<PoolCounts, 'children' | 'year'>;

/** The pool counted for the user's region and each region under it, this year. */
export function PoolCountsCard() {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['secretary-pool', 'counts'],
    queryFn: () => api.get<PoolCounts>('/api/secretary-pool/counts'),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const data = query.data;
  const rows: Row[] = data ? [...data.children, { ...data, name: `${data.name} · ${t('pool.counts.total')}` }] : [];
  const num = (n: number) => n.toLocaleString();
  return (
    <Card size="small" title={t('pool.counts.title', { year: data?.year ?? '' })} style={{ marginBottom: 16 }}>
      <Table<Row>
        size="small"
        loading={query.isFetching}
        rowKey={(r) => (r === rows.at(-1) ? 'total' : r.region)}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="pool-counts"
        columns={[
          { title: t('pool.counts.region'), dataIndex: 'name' },
          { title: t('pool.counts.available'), dataIndex: 'available', align: 'right', render: num },
          { title: t('pool.counts.sentInYear'), dataIndex: 'sentInYear', align: 'right', render: num },
          { title: t('pool.counts.serving'), dataIndex: 'serving', align: 'right', render: num },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pool.counts.hint')}
      </Typography.Text>
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { api } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { HonourCounts as Counts } from './types.ts';

type Figures = Pick<Counts, 'orgHonours' | 'memberHonours' | 'demonstrationSites'>;

/** Honours and sites by region for a year, and the user's region year by year. */
export function HonourCounts({ year }: { year?: number }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['honours', 'counts', year],
    queryFn: () => api.get<Counts>('/api/honours/counts', year ? { year } : {}),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const data = query.data;
  const num = (n: number) => n.toLocaleString();
  const figureColumns = [
    { title: t('honours.counts.orgHonours'), dataIndex: 'orgHonours', align: 'right' as const, render: num },
    { title: t('honours.counts.memberHonours'), dataIndex: 'memberHonours', align: 'right' as const, render: num },
    {
      title: t('honours.counts.demonstrationSites'),
      dataIndex: 'demonstrationSites',
      align: 'right' as const,
      render: num,
    },
  ];
  const regions: (Figures & { key: string; name: string })[] = data
    ? [
        ...data.children.map((c) => ({ ...c, key: c.region })),
        { ...data, key: 'total', name: `${data.name} · ${t('honours.counts.total')}` },
      ]
    : [];
  return (
    <>
      <Card size="small" title={t('honours.counts.title', { year: data?.year ?? '' })} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          loading={query.isFetching}
          dataSource={regions}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="honour-counts"
          columns={[{ title: t('honours.counts.region'), dataIndex: 'name' }, ...figureColumns]}
        />
      </Card>
      <Card size="small" title={t('honours.counts.byYear')}>
        <Table
          size="small"
          rowKey="year"
          dataSource={data?.byYear ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[{ title: t('honours.counts.year'), dataIndex: 'year' }, ...figureColumns]}
        />
      </Card>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { Dashboard } from '../../types.ts';

type Figure = keyof Dashboard['figures'];
type Child = Dashboard['children'][number];

// Region counts by level (1 province … 5 village), then users; a level at or above the
// user's own region is always zero and is left out.
const FIGURES: { key: Figure; level?: number }[] = [
  { key: 'provinces', level: 1 },
  { key: 'cities', level: 2 },
  { key: 'counties', level: 3 },
  { key: 'towns', level: 4 },
  { key: 'villages', level: 5 },
  { key: 'users' },
  { key: 'activeUsers' },
];

export default function DashboardPage() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/api/dashboard') });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const data = query.data;

  const columns: TableColumnsType<Child> = [
    { title: t('region.col.name'), dataIndex: 'name' },
    { title: t('region.col.code'), dataIndex: 'code' },
    {
      title: t('region.col.level'),
      dataIndex: 'level',
      render: (level: number) => t(`region.level.${level}` as MessageKey),
    },
    {
      title: t('region.col.subRegions'),
      dataIndex: 'subRegions',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    { title: t('region.col.users'), dataIndex: 'users', align: 'right', render: (n: number) => n.toLocaleString() },
  ];

  return (
    <>
      <PageTitle>{data ? t('dashboard.title', { region: data.region.name }) : t('nav.dashboard')}</PageTitle>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {FIGURES.filter((f) => !data || f.level === undefined || f.level > data.region.level).map((f) => (
          <Col key={f.key} flex="1 1 140px">
            <Card size="small" loading={query.isPending} style={{ height: '100%' }}>
              <Statistic title={t(`figure.${f.key}`)} value={data?.figures[f.key] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('dashboard.children')} size="small">
        <Table<Child>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={data?.children}
          loading={query.isPending}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('dashboard.noChildren') }}
        />
      </Card>
    </>
  );
}

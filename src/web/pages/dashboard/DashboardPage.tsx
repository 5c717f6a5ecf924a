import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { Dashboard } from '../../types.ts';
import { ledgerHref } from '../ledger/filter.ts';
import { LedgerFigures } from './LedgerFigures.tsx';
import { formatRate } from './rate.ts';

type Figure = keyof Dashboard['figures'];
type Child = Dashboard['children'][number];

// Region counts by level (1 province … 5 village), then users; a level at or above the
// user's own region is always zero and is left out, and so are villages while none are
// loaded (they are loaded on demand, region by region).
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

  const ledger = data?.ledger ?? null;
  const columns: TableColumnsType<Child> = [
    {
      title: t('region.col.name'),
      dataIndex: 'name',
      // With the ledger, a region's name drills down into its enterprises.
      render: (name: string, c) =>
        ledger ? (
          <Link to={ledgerHref({ region: c.code })} title={t('dashboard.drillDown', { region: name })}>
            {name}
          </Link>
        ) : (
          name
        ),
    },
    ...(ledger
      ? ([
          {
            title: t('region.col.inScope'),
            key: 'inScope',
            align: 'right',
            render: (_, c) => (
              <Link to={ledgerHref({ region: c.code, status: ['in_scope'] })}>
                {(c.ledger?.inScope ?? 0).toLocaleString()}
              </Link>
            ),
          },
          {
            title: t('region.col.orgCovered'),
            key: 'orgCovered',
            align: 'right',
            render: (_, c) => (c.ledger?.orgCovered ?? 0).toLocaleString(),
          },
          {
            title: t('region.col.orgCoverageRate'),
            key: 'orgCoverageRate',
            align: 'right',
            render: (_, c) => formatRate(c.ledger?.orgCoverageRate ?? null),
          },
        ] satisfies TableColumnsType<Child>)
      : []),
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
      {ledger && <LedgerFigures ledger={ledger} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {FIGURES.filter(
          (f) =>
            !data ||
            f.level === undefined ||
            (f.level > data.region.level && !(f.key === 'villages' && data.figures.villages === 0)),
        ).map((f) => (
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

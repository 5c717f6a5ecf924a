import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ApiResponse, AsOfRow } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from '../ledger/labels.ts';

const PAGE_SIZE = 20;
/** The selections GET /api/stats/enterprises takes, passed on from the figure's link. */
const SELECTIONS = ['status', 'category', 'coverage', 'flag'] as const;

/**
 * The enterprises behind a dashboard figure as of a past date, counted from the same facts
 * as the figure (GET /api/stats/enterprises): its total equals the figure clicked.
 */
export default function AsOfListPage() {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const query: Record<string, string> = {};
  // The figure's segment too (kinds, bands, aboveScale, industry: as GET /api/stats/coverage takes them).
  for (const k of ['region', 'date', 'scope', 'kinds', 'bands', 'aboveScale', 'industry', ...SELECTIONS]) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const list = useQuery({
    queryKey: ['stats', 'enterprises', query, page],
    queryFn: () =>
      api.get<ApiResponse<'/api/stats/enterprises'>>('/api/stats/enterprises', { ...query, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const selection = SELECTIONS.filter((k) => query[k]).map((k) => {
    const v = query[k] as string;
    const key = k === 'category' ? `category.${v}` : k === 'flag' ? `flag.${v}` : `dashboard.select.${k}.${v}`;
    return <Tag key={k}>{t(key as MessageKey)}</Tag>;
  });

  const columns: TableColumnsType<AsOfRow> = [
    {
      title: t('ledger.col.name'),
      dataIndex: 'name',
      render: (name: string, e) => (
        <Flex vertical>
          <Link to={`/ledger/${e.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {e.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('ledger.col.category'), dataIndex: 'category', render: (c: string) => t(`category.${c}` as MessageKey) },
    { title: t('ledger.col.kind'), dataIndex: 'kind', render: (k: string) => labels.code('kind', k) },
    { title: t('ledger.col.region'), dataIndex: 'regionCode' },
    {
      title: t('ledger.col.employees'),
      dataIndex: 'employees',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    {
      title: t('ledger.col.members'),
      dataIndex: 'memberCount',
      align: 'right',
      render: (n: number, e) => t('ledger.members', { members: n, full: e.fullMemberCount }),
    },
  ];

  return (
    <>
      <PageTitle>{t('dashboard.asOfList')}</PageTitle>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'date', label: t('dashboard.asOf'), children: query.date },
            { key: 'region', label: t('ledger.filter.region'), children: query.region },
            {
              key: 'scope',
              label: t('ledger.filter.scope'),
              children: t(query.scope === 'survey' ? 'dashboard.scope.survey' : 'dashboard.scope.all'),
            },
            { key: 'figure', label: t('dashboard.figure'), children: selection },
          ]}
        />
        {list.isError ? (
          <QueryError error={list.error} retry={() => void list.refetch()} />
        ) : (
          <>
            <Typography.Text strong data-testid="asof-total" style={{ display: 'block', marginBottom: 12 }}>
              {t('ledger.total', { total: (list.data?.total ?? 0).toLocaleString() })}
            </Typography.Text>
            <Table<AsOfRow>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={list.data?.rows}
              loading={list.isFetching}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('ledger.empty') }}
              onChange={(p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p.current ?? 1));
                setParams(next);
              }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false }}
            />
          </>
        )}
      </Card>
    </>
  );
}

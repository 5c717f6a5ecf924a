import { DownloadOutlined, FilterOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Input, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Enterprise, LedgerList } from '../../api/types.ts';
import { api, queryString } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { CategoryTag, FlagTags } from './EnterpriseTags.tsx';
import {
  filterCount,
  filterQuery,
  type LedgerFilter,
  type ListState,
  listSearch,
  readListState,
  type Sort,
} from './filter.ts';
import { LedgerFilters } from './LedgerFilters.tsx';
import { LedgerRowActions } from './LedgerRowActions.tsx';
import { LedgerSummary } from './LedgerSummary.tsx';
import { useLedgerLabels } from './labels.ts';

const PAGE_SIZE = 20;

export default function LedgerListPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const labels = useLedgerLabels();
  // On a phone the filters fold away behind a button, so the list itself starts on screen.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const { filter, sort, order, page } = readListState(params);

  const query = useQuery({
    queryKey: ['ledger', 'list', filter, sort, order, page],
    queryFn: () =>
      api.get<LedgerList>('/api/enterprises', { ...filterQuery(filter), sort, order, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  // The next URL is built from the current one, read when the user acts: right after a
  // navigation the page may not have re-rendered yet, and what it read from the URL would be old.
  const go = (next: (current: ListState) => Partial<ListState>) => {
    const current = readListState(new URLSearchParams(window.location.search));
    setParams(listSearch({ ...current, page: 1, ...next(current) }));
  };
  const applyFilter = (f: LedgerFilter) => go((c) => ({ filter: { ...f, q: c.filter.q } }));

  const sortOrder = (key: Sort): SortOrder => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const sortable = (key: Sort) => ({
    key,
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend' as const, 'descend' as const],
  });

  // The credit code sits under the name, and the category shares a column with the rarer
  // flags (重点盯住, 待核实), so the list fits a desktop screen without scrolling.
  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('ledger.col.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, e) => (
        <Flex vertical>
          <Link to={`/ledger/${e.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {e.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('ledger.col.category'),
      key: 'category',
      render: (_, e) => (
        <>
          <CategoryTag enterprise={e} />
          <FlagTags enterprise={e} only={['key_watch', 'missing']} />
        </>
      ),
    },
    { title: t('ledger.col.kind'), dataIndex: 'kind', render: (k: string) => labels.code('kind', k) },
    {
      title: t('ledger.col.region'),
      dataIndex: 'regionName',
      ...sortable('regionCode'),
      render: (name: string | null, e) => name ?? e.regionCode,
    },
    {
      title: t('ledger.col.employees'),
      dataIndex: 'employees',
      align: 'right',
      ...sortable('employees'),
      render: (n: number) => n.toLocaleString(),
    },
    {
      title: t('ledger.col.members'),
      dataIndex: 'memberCount',
      align: 'right',
      ...sortable('memberCount'),
      render: (n: number, e) => t('ledger.members', { members: n, full: e.fullMemberCount }),
    },
    {
      title: isPhone ? '' : t('common.actions'),
      key: 'actions',
      // When the table scrolls sideways (a phone; long English labels), the actions stay in
      // reach at the right edge; on a phone as a "more" button.
      fixed: 'right',
      width: isPhone ? 48 : undefined,
      render: (_, e) => <LedgerRowActions id={e.id} compact={isPhone} />,
    },
  ];

  const exportHref = `/api/enterprises/export${queryString(filterQuery(filter))}`;
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {can('ledger.import') && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/ledger/import')}>
                {t('ledger.import')}
              </Button>
            )}
            {can('ledger.export') && (
              <Button icon={<DownloadOutlined />} href={exportHref} download>
                {t('ledger.export')}
              </Button>
            )}
          </Space>
        }
      >
        {t('ledger.title')}
      </PageTitle>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            allowClear
            enterButton
            placeholder={t('ledger.filter.qPlaceholder')}
            aria-label={t('ledger.filter.q')}
            onSearch={(value) => go((c) => ({ filter: { ...c.filter, q: value.trim() || undefined } }))}
            style={{ maxWidth: isPhone ? undefined : 420, flex: isPhone ? '1 1 100%' : undefined }}
          />
          {isPhone && (
            <Badge count={filterCount({ ...filter, q: undefined })} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)}>
                {t('ledger.filters')}
              </Button>
            </Badge>
          )}
        </Flex>
        {(!isPhone || filtersOpen) && (
          <LedgerFilters
            key={params.toString()}
            filter={filter}
            onApply={applyFilter}
            onReset={() => go(() => ({ filter: {} }))}
            vertical={isPhone}
          />
        )}
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : (
          <>
            <LedgerSummary data={query.data} filter={filter} />
            <Table<Enterprise>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={query.data?.items}
              loading={query.isFetching}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('ledger.empty') }}
              // One handler for paging and sorting (antd calls it for both); a new order starts at page 1.
              onChange={(pagination, _, sorter, { action }) => {
                if (action === 'paginate') return go(() => ({ page: pagination.current ?? 1 }));
                if (action !== 'sort') return;
                const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Enterprise>;
                if (!s.columnKey || !s.order) return go(() => ({ sort: 'name', order: 'asc' }));
                go(() => ({ sort: s.columnKey as Sort, order: s.order === 'descend' ? 'desc' : 'asc' }));
              }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: query.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('ledger.total', { total: total.toLocaleString() }),
              }}
            />
          </>
        )}
      </Card>
    </>
  );
}

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, type TableColumnsType } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { type Key, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Enterprise, LedgerList } from '../../api/types.ts';
import { queryString } from '../../api.ts';
import { FilterBar, qSearch } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { countSet, unset } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { BulkBar, useBulkKinds } from './bulk/BulkBar.tsx';
import { CategoryTag, EnterpriseName, FlagTags } from './EnterpriseTags.tsx';
import { LEDGER_FILTERS, LEDGER_LIST, type LedgerFilter, type Sort } from './filter.ts';
import { LedgerFilters } from './LedgerFilters.tsx';
import { LedgerRowActions } from './LedgerRowActions.tsx';
import { LedgerSummary } from './LedgerSummary.tsx';
import { useLedgerLabels } from './labels.ts';

const FOLDED = Object.keys(LEDGER_FILTERS).filter((k) => k !== 'q') as (keyof LedgerFilter)[];

export default function LedgerListPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const labels = useLedgerLabels();
  const list = useListState(LEDGER_LIST);
  const { sort, order, ...filter } = list.filter;
  const query = usePagedQuery<LedgerList>(['ledger', 'list'], '/api/enterprises', list.filter, list);
  const applyFilter = (f: LedgerFilter) => list.set((c) => ({ ...f, q: c.q }));
  const queryClient = useQueryClient();
  const bulkKinds = useBulkKinds();
  const [selected, setSelected] = useState<Key[]>([]);
  // “All matching” holds for the filters it was ticked under, and lapses when they change.
  const filterKey = JSON.stringify(filter);
  const [allMatchingFor, setAllMatchingFor] = useState<string | null>(null);
  const allMatching = allMatchingFor === filterKey;
  const setAllMatching = (all: boolean) => setAllMatchingFor(all ? filterKey : null);

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
      render: (name: string, e) => <EnterpriseName id={e.id} name={name} uscc={e.uscc} />,
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

  const exportHref = `/api/enterprises/export${queryString(filter)}`;
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
        <FilterBar
          search={qSearch(list, { placeholder: t('ledger.filter.qPlaceholder'), label: t('ledger.filter.q') })}
          count={countSet(filter, FOLDED)}
          filters={
            <LedgerFilters
              key={JSON.stringify(filter)}
              filter={filter}
              onApply={applyFilter}
              onReset={() => list.set(unset(LEDGER_FILTERS))}
              vertical={isPhone}
            />
          }
        />
        {!query.isError && <LedgerSummary data={query.data} filter={filter} />}
        {bulkKinds.length > 0 && !isPhone && (
          <BulkBar
            kinds={bulkKinds}
            selected={selected}
            filter={filter}
            total={query.data?.total ?? 0}
            allMatching={allMatching}
            setAllMatching={setAllMatching}
            onClear={() => {
              setSelected([]);
              setAllMatching(false);
            }}
            onApplied={() => void queryClient.invalidateQueries()}
          />
        )}
        <ListView<Enterprise>
          query={query}
          columns={columns}
          empty={t('ledger.empty')}
          paging={list}
          totalText={(total) => t('ledger.total', { total })}
          table={{
            rowSelection:
              bulkKinds.length > 0 && !isPhone
                ? {
                    selectedRowKeys: allMatching ? (query.data?.items ?? []).map((e) => e.id) : selected,
                    preserveSelectedRowKeys: true,
                    getCheckboxProps: () => ({ disabled: allMatching }),
                    onChange: setSelected,
                  }
                : undefined,
            // Sorting, as paging, starts again at page 1.
            onChange: (_p, _f, sorter, { action }) => {
              if (action !== 'sort') return;
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Enterprise>;
              if (!s.columnKey || !s.order) return list.set({ sort: 'name', order: 'asc' });
              list.set({ sort: s.columnKey as Sort, order: s.order === 'descend' ? 'desc' : 'asc' });
            },
          }}
        />
      </Card>
    </>
  );
}

import { Card, Descriptions, type TableColumnsType, Tag } from 'antd';
import type { ApiResponse, AsOfRow } from '../../api/types.ts';
import { ListView } from '../../components/list/ListView.tsx';
import { text } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { EnterpriseName } from '../ledger/EnterpriseTags.tsx';
import { useLedgerLabels } from '../ledger/labels.ts';

/** The selections GET /api/stats/enterprises takes, passed on from the figure's link. */
const SELECTIONS = ['status', 'category', 'coverage', 'flag'] as const;
/** The figure's segment too (kinds, bands, aboveScale, industry: as GET /api/stats/coverage takes them). */
const AS_OF_LIST = Object.fromEntries(
  ['region', 'date', 'scope', 'kinds', 'bands', 'aboveScale', 'industry', ...SELECTIONS].map((k) => [k, text()]),
);

/**
 * The enterprises behind a dashboard figure as of a past date, counted from the same facts
 * as the figure (GET /api/stats/enterprises): its total equals the figure clicked.
 */
export default function AsOfListPage() {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const list = useListState(AS_OF_LIST);
  const query = list.filter;
  const rows = usePagedQuery<ApiResponse<'/api/stats/enterprises'>>(
    ['stats', 'enterprises'],
    '/api/stats/enterprises',
    query,
    list,
  );
  const selection = SELECTIONS.filter((k) => query[k]).map((k) => {
    const v = query[k] as string;
    const key = k === 'category' ? `category.${v}` : k === 'flag' ? `flag.${v}` : `dashboard.select.${k}.${v}`;
    return <Tag key={k}>{t(key as MessageKey)}</Tag>;
  });

  const columns: TableColumnsType<AsOfRow> = [
    {
      title: t('ledger.col.name'),
      dataIndex: 'name',
      render: (name: string, e) => <EnterpriseName id={e.id} name={name} uscc={e.uscc} />,
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
        <ListView<AsOfRow>
          query={{ ...rows, data: rows.data && { items: rows.data.rows, total: rows.data.total } }}
          columns={columns}
          empty={t('ledger.empty')}
          paging={list}
          totalText={(total) => t('ledger.total', { total })}
          totalTestId="asof-total"
        />
      </Card>
    </>
  );
}

import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiResponse, OrgSummary } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { useLedgerLabels } from '../ledger/labels.ts';
import {
  type OrgFilter,
  type OrgListState,
  orgFilterCount,
  orgFilterQuery,
  orgListSearch,
  readOrgListState,
} from './filter.ts';
import { OrgCreateDrawer } from './OrgCreateDrawer.tsx';
import { OrgFilters } from './OrgFilters.tsx';
import { DissolvedTag, FindingTags, MemberCounts, TermEnd } from './OrgTags.tsx';
import { useRegionNames } from './useRegionNames.ts';

const PAGE_SIZE = 20;

/** 党组织: the orgs of the user's scope with their figures, terms and what the rules say; 新建 for org.manage. */
export default function OrgListPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const labels = useLedgerLabels();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const { filter, page } = readOrgListState(params);
  // `?new=1` opens the create form; closing it drops the parameter.
  const creating = params.get('new') === '1' && can('org.manage');

  const query = useQuery({
    queryKey: ['orgs', 'list', filter, page],
    queryFn: () =>
      api.get<ApiResponse<'/api/orgs'>>('/api/orgs', { ...orgFilterQuery(filter), page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const regionName = useRegionNames((query.data?.items ?? []).map((o) => o.regionCode));

  // Built from the URL as it is when the user acts (see LedgerListPage).
  const go = (next: (current: OrgListState) => Partial<OrgListState>) => {
    const current = readOrgListState(new URLSearchParams(window.location.search));
    setParams(orgListSearch({ ...current, page: 1, ...next(current) }));
  };
  const applyFilter = (f: OrgFilter) => go((c) => ({ filter: { ...f, q: c.filter.q } }));
  const openCreate = () => {
    const search = new URLSearchParams(window.location.search);
    search.set('new', '1');
    setParams(search, { replace: true });
  };
  const closeCreate = () => {
    const search = new URLSearchParams(window.location.search);
    search.delete('new');
    setParams(search, { replace: true });
  };

  const name = (o: OrgSummary) => (
    <Flex wrap gap={4} align="center">
      <Link to={`/orgs/${o.id}`}>{o.name}</Link>
      <DissolvedTag dissolvedOn={o.dissolvedOn} />
    </Flex>
  );

  const columns: TableColumnsType<OrgSummary> = [
    { title: t('org.col.name'), key: 'name', render: (_, o) => name(o) },
    {
      title: t('org.col.type'),
      key: 'type',
      render: (_, o) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{labels.code('orgType', o.type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {labels.code('formation', o.formation)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('org.col.region'), key: 'region', render: (_, o) => regionName(o.regionCode) },
    { title: t('org.col.units'), dataIndex: 'units', align: 'right' },
    { title: t('org.col.members'), key: 'members', align: 'right', render: (_, o) => <MemberCounts facts={o} /> },
    {
      title: t('org.col.secretary'),
      dataIndex: 'secretaryName',
      render: (s: string | null) => s ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('org.col.termEnd'), key: 'term', render: (_, o) => <TermEnd facts={o} findings={o.findings} /> },
    { title: t('org.col.findings'), key: 'findings', render: (_, o) => <FindingTags findings={o.findings} /> },
  ];

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: query.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (total: number) => t('org.total', { total: total.toLocaleString() }),
  };

  return (
    <>
      <PageTitle
        extra={
          can('org.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
              {t('org.create')}
            </Button>
          )
        }
      >
        {t('org.title')}
      </PageTitle>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            allowClear
            enterButton
            placeholder={t('org.filter.qPlaceholder')}
            aria-label={t('org.filter.q')}
            onSearch={(value) => go((c) => ({ filter: { ...c.filter, q: value.trim() || undefined } }))}
            style={{ maxWidth: isPhone ? undefined : 420, flex: isPhone ? '1 1 100%' : undefined }}
          />
          {isPhone && (
            <Badge count={orgFilterCount(filter)} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)}>
                {t('ledger.filters')}
              </Button>
            </Badge>
          )}
        </Flex>
        {(!isPhone || filtersOpen) && (
          <OrgFilters
            key={params.toString()}
            filter={filter}
            onApply={applyFilter}
            onReset={() => go(() => ({ filter: {} }))}
          />
        )}
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : isPhone ? (
          <>
            <Typography.Text strong data-testid="org-total" style={{ display: 'block', marginBottom: 8 }}>
              {t('org.total', { total: (query.data?.total ?? 0).toLocaleString() })}
            </Typography.Text>
            <List<OrgSummary>
              loading={query.isFetching}
              dataSource={query.data?.items}
              locale={{ emptyText: <Empty description={t('org.empty')} /> }}
              renderItem={(o) => (
                <Card size="small" style={{ marginBottom: 8 }} data-testid="org-card">
                  <Flex vertical gap={6}>
                    <Typography.Text strong>{name(o)}</Typography.Text>
                    <Space size={4} wrap>
                      <Tag style={{ marginInlineEnd: 0 }}>{labels.code('orgType', o.type)}</Tag>
                      <Tag style={{ marginInlineEnd: 0 }}>{labels.code('formation', o.formation)}</Tag>
                      <Typography.Text type="secondary">{regionName(o.regionCode)}</Typography.Text>
                    </Space>
                    <Descriptions
                      size="small"
                      column={2}
                      styles={{ label: { whiteSpace: 'nowrap' } }}
                      items={[
                        { key: 'units', label: t('org.col.units'), children: o.units },
                        { key: 'members', label: t('org.col.membersShort'), children: <MemberCounts facts={o} /> },
                        { key: 'secretary', label: t('org.col.secretary'), children: o.secretaryName ?? '—' },
                        {
                          key: 'term',
                          label: t('org.col.termEnd'),
                          children: <TermEnd facts={o} findings={o.findings} />,
                        },
                      ]}
                    />
                    {o.findings.length > 0 && <FindingTags findings={o.findings} />}
                  </Flex>
                </Card>
              )}
            />
            <Flex justify="center">
              <Pagination
                {...pagination}
                size="small"
                showTotal={undefined}
                hideOnSinglePage
                onChange={(p) => go(() => ({ page: p }))}
              />
            </Flex>
          </>
        ) : (
          <>
            <Typography.Text strong data-testid="org-total" style={{ display: 'block', marginBottom: 8 }}>
              {t('org.total', { total: (query.data?.total ?? 0).toLocaleString() })}
            </Typography.Text>
            <Table<OrgSummary>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={query.data?.items}
              loading={query.isFetching}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('org.empty') }}
              onChange={(p, _f, _s, { action }) => {
                if (action === 'paginate') go(() => ({ page: p.current ?? 1 }));
              }}
              pagination={pagination}
            />
          </>
        )}
      </Card>
      {creating && <OrgCreateDrawer onClose={closeCreate} />}
    </>
  );
}

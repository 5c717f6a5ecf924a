import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Segmented,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { ApiResponse, MemberListItem } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import {
  type MemberFilter,
  type MemberListState,
  type MemberView,
  memberFilterCount,
  memberFilterQuery,
  memberListSearch,
  readMemberListState,
} from './filter.ts';
import { useCodeLabels } from './labels.ts';
import { MemberCreateDrawer } from './MemberCreateDrawer.tsx';
import { MemberFilters } from './MemberFilters.tsx';
import { MemberFlags, StatusTag } from './MemberTags.tsx';
import { useOrgName } from './useOrgName.ts';

const PAGE_SIZE = 20;

const mono = { fontFamily: 'monospace', whiteSpace: 'nowrap' } as const;
const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** 党员名册: the members of the user's scope (a secretary: their org), masked; 流动党员 for one org; 新增党员 for member.write. */
export default function MemberListPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const isPhone = useIsPhone();
  const labels = useCodeLabels();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const { filter, view, page } = readMemberListState(params);
  const creating = params.get('new') === '1' && can('member.write');
  const orgName = useOrgName(filter.orgId);
  // The mobile view is about one org: the chosen one, or a secretary's own.
  const needsOrg = view === 'mobile' && filter.orgId === undefined && user.orgId == null;

  const query = useQuery({
    queryKey: ['members', 'list', filter, view, page],
    queryFn: () =>
      api.get<ApiResponse<'/api/members'>>('/api/members', {
        ...memberFilterQuery(filter, view),
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    enabled: !needsOrg,
  });

  // A secretary sees their own org's roster, named in the title.
  if (user.orgId != null && filter.orgId === undefined) {
    const search = new URLSearchParams(params);
    search.set('orgId', String(user.orgId));
    return <Navigate to={`/members?${search}`} replace />;
  }

  // Built from the URL as it is when the user acts (see LedgerListPage).
  const go = (next: (current: MemberListState) => Partial<MemberListState>) => {
    const current = readMemberListState(new URLSearchParams(window.location.search));
    setParams(memberListSearch({ ...current, page: 1, ...next(current) }));
  };
  const applyFilter = (f: MemberFilter) =>
    go((c) => ({ filter: { ...f, q: c.filter.q, orgId: user.orgId ?? f.orgId } }));
  const setCreating = (open: boolean) => {
    const search = new URLSearchParams(window.location.search);
    if (open) search.set('new', '1');
    else search.delete('new');
    setParams(search, { replace: true });
  };

  const name = (m: MemberListItem) => (
    <Flex wrap gap={4} align="center">
      <Link to={`/members/${m.id}`} style={{ whiteSpace: 'nowrap' }}>
        {m.name}
      </Link>
      <MemberFlags member={m} />
    </Flex>
  );
  // Long org and employer names wrap in their column instead of widening the table.
  const wrap = { display: 'inline-block', minWidth: 120, maxWidth: 220 } as const;
  const orgLink = (id: number | null, n: string | null) =>
    id === null || n === null ? (
      dash
    ) : (
      <Link to={`/orgs/${id}`} style={wrap}>
        {n}
      </Link>
    );
  const employer = (m: MemberListItem) =>
    m.employerId === null || m.employerName === null ? (
      dash
    ) : (
      <Link to={`/ledger/${m.employerId}`} style={wrap}>
        {m.employerName}
      </Link>
    );
  const dates = (m: MemberListItem) => (
    <Flex vertical>
      <span style={{ whiteSpace: 'nowrap' }}>{m.joinedOn}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {m.fullOn ? t('member.fullOnShort', { date: m.fullOn }) : '—'}
      </Typography.Text>
    </Flex>
  );

  const columns: TableColumnsType<MemberListItem> = [
    { title: t('member.col.name'), key: 'name', render: (_, m) => name(m) },
    { title: t('member.col.sex'), key: 'sex', render: (_, m) => labels.label('member.sex', m.sex) },
    { title: t('member.col.status'), key: 'status', render: (_, m) => <StatusTag status={m.status} /> },
    // One org's roster names it in the title, not on every row.
    ...(filter.orgId !== undefined && view === 'roster'
      ? []
      : [
          {
            title: t('member.col.org'),
            key: 'org',
            render: (_: unknown, m: MemberListItem) => orgLink(m.orgId, m.orgName),
          },
        ]),
    ...(view === 'mobile'
      ? [
          {
            title: t('member.col.workOrg'),
            key: 'workOrg',
            render: (_: unknown, m: MemberListItem) =>
              m.side === 'in' && m.relationOrgName ? m.relationOrgName : orgLink(m.workOrgId, m.workOrgName),
          },
        ]
      : []),
    { title: t('member.col.employer'), key: 'employer', render: (_, m) => employer(m) },
    { title: t('member.col.position'), dataIndex: 'position', render: (p: string | null) => p ?? dash },
    { title: t('member.col.dates'), key: 'dates', render: (_, m) => dates(m) },
    {
      title: t('member.col.idNumber'),
      key: 'idNumber',
      render: (_, m) => (
        <span style={mono} data-testid="member-id-number">
          {m.idNumber}
        </span>
      ),
    },
    {
      title: t('member.col.phone'),
      key: 'phone',
      render: (_, m) => (m.phone ? <span style={mono}>{m.phone}</span> : dash),
    },
  ];

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: query.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (total: number) => t('member.total', { total: total.toLocaleString() }),
  };
  const total = (
    <Typography.Text strong data-testid="member-total" style={{ display: 'block', marginBottom: 8 }}>
      {t('member.total', { total: (query.data?.total ?? 0).toLocaleString() })}
    </Typography.Text>
  );

  return (
    <>
      <PageTitle
        extra={
          can('member.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('member.create')}
            </Button>
          )
        }
      >
        {t('member.title')}
        {orgName && (
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal' }}>
            {' '}
            · {orgName}
          </Typography.Text>
        )}
      </PageTitle>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Segmented<MemberView>
            value={view}
            onChange={(v) => go(() => ({ view: v }))}
            options={[
              { value: 'roster', label: t('member.view.roster') },
              { value: 'mobile', label: t('member.view.mobile') },
            ]}
          />
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            allowClear
            enterButton
            placeholder={t('member.filter.qPlaceholder')}
            aria-label={t('member.filter.q')}
            onSearch={(value) => go((c) => ({ filter: { ...c.filter, q: value.trim() || undefined } }))}
            style={{ maxWidth: isPhone ? undefined : 360, flex: isPhone ? '1 1 100%' : undefined }}
          />
          {isPhone && (
            <Badge count={memberFilterCount(filter) - (user.orgId != null ? 1 : 0)} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)}>
                {t('ledger.filters')}
              </Button>
            </Badge>
          )}
        </Flex>
        {(!isPhone || filtersOpen) && (
          <MemberFilters
            key={`${params.toString()}|${orgName ?? ''}`}
            filter={filter}
            orgName={orgName}
            onApply={applyFilter}
            onReset={() => go(() => ({ filter: { orgId: user.orgId ?? undefined } }))}
          />
        )}
        {view === 'mobile' && (
          <Alert
            type={needsOrg ? 'warning' : 'info'}
            showIcon
            title={t(needsOrg ? 'member.mobile.pickOrg' : 'member.mobile.hint')}
            style={{ marginBottom: 12 }}
          />
        )}
        {needsOrg ? null : query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : isPhone ? (
          <>
            {total}
            <List<MemberListItem>
              loading={query.isFetching}
              dataSource={query.data?.items}
              locale={{ emptyText: <Empty description={t('member.empty')} /> }}
              renderItem={(m) => (
                <Card size="small" style={{ marginBottom: 8 }} data-testid="member-card">
                  <Flex vertical gap={6}>
                    <Flex justify="space-between" align="start" gap={8}>
                      <Typography.Text strong style={{ minWidth: 0 }}>
                        {name(m)}
                      </Typography.Text>
                      <StatusTag status={m.status} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[labels.label('member.sex', m.sex), m.orgName, m.employerName, m.position]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                    <Descriptions
                      size="small"
                      column={1}
                      styles={{ label: { whiteSpace: 'nowrap' } }}
                      items={[
                        {
                          key: 'id',
                          label: t('member.col.idNumber'),
                          children: (
                            <span style={mono} data-testid="member-id-number">
                              {m.idNumber}
                            </span>
                          ),
                        },
                        {
                          key: 'phone',
                          label: t('member.col.phone'),
                          children: m.phone ? <span style={mono}>{m.phone}</span> : '—',
                        },
                        {
                          key: 'joined',
                          label: t('member.field.joinedOn'),
                          children: m.fullOn
                            ? `${m.joinedOn}（${t('member.fullOnShort', { date: m.fullOn })}）`
                            : m.joinedOn,
                        },
                      ]}
                    />
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
            {total}
            <Table<MemberListItem>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={query.data?.items}
              loading={query.isFetching}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('member.empty') }}
              rowClassName={(m) => (m.leftOn ? 'dj-row-past' : '')}
              onChange={(p, _f, _s, { action }) => {
                if (action === 'paginate') go(() => ({ page: p.current ?? 1 }));
              }}
              pagination={pagination}
            />
          </>
        )}
      </Card>
      {creating && <MemberCreateDrawer mode="create" orgId={filter.orgId} onClose={() => setCreating(false)} />}
    </>
  );
}

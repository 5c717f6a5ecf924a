import { Alert, Card, Descriptions, Flex, Segmented, Space, type TableColumnsType, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import type { ApiResponse, MemberListItem } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { CreateButton } from '../../components/list/CreateButton.tsx';
import { Mono, NameLink } from '../../components/list/cells.tsx';
import { FilterBar, qSearch } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { countSet, oneOf, unset } from '../../components/list/params.ts';
import { CREATE_FORM, useCreateForm } from '../../components/list/useCreateForm.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { MEMBER_FILTERS, MEMBER_VIEWS, type MemberFilter, type MemberView } from './filter.ts';
import { useCodeLabels } from './labels.ts';
import { MemberCreateDrawer } from './MemberCreateDrawer.tsx';
import { FORM_FILTERS, MemberFilters } from './MemberFilters.tsx';
import { MemberFlags, StatusTag } from './MemberTags.tsx';
import { useOrgName } from './useOrgName.ts';

const MEMBER_LIST = { ...MEMBER_FILTERS, view: oneOf(MEMBER_VIEWS, 'roster'), ...CREATE_FORM };
/** The filters folded behind a phone's button (all but the name search). */
const FOLDED = [...FORM_FILTERS, 'employerId'] as const;
const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** 党员名册: the members of the user's scope (a secretary: their org), masked; 流动党员 for one org; 新增党员 for member.write. */
export default function MemberListPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const labels = useCodeLabels();
  const list = useListState(MEMBER_LIST);
  const { view, new: _form, ...filter } = list.filter;
  const create = useCreateForm(list, can('member.write'), { replace: true });
  const orgName = useOrgName(filter.orgId);
  // The mobile view is about one org: the chosen one, or a secretary's own.
  const needsOrg = view === 'mobile' && filter.orgId === undefined && user.orgId == null;
  const listQuery = {
    ...filter,
    side: view === 'mobile' ? filter.side : undefined,
    roster: filter.roster ?? 'active',
    view,
  };
  const query = usePagedQuery<ApiResponse<'/api/members'>>(['members', 'list'], '/api/members', listQuery, list, {
    enabled: !needsOrg,
  });

  // A secretary sees their own org's roster, named in the title.
  if (user.orgId != null && filter.orgId === undefined) {
    const search = new URLSearchParams(list.search);
    search.set('orgId', String(user.orgId));
    return <Navigate to={`/members?${search}`} replace />;
  }

  const applyFilter = (f: MemberFilter) => list.set((c) => ({ ...f, q: c.q, orgId: user.orgId ?? f.orgId }));

  const name = (m: MemberListItem) => (
    <NameLink to={`/members/${m.id}`} name={m.name}>
      <MemberFlags member={m} />
    </NameLink>
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
  const idNumber = (m: MemberListItem) => (
    <span data-testid="member-id-number">
      <Mono>{m.idNumber}</Mono>
    </span>
  );
  const dates = (m: MemberListItem) => (
    <Flex vertical>
      <span style={{ whiteSpace: 'nowrap' }}>{m.joinedOn}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {m.fullOn ? t('member.fullOnShort', { date: m.fullOn }) : '—'}
      </Typography.Text>
    </Flex>
  );

  const awayText = (a: NonNullable<MemberListItem['away']>) => (
    <Flex vertical>
      <span style={wrap}>{a.place ?? t('member.away.placeUnknown')}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {a.since}
        {a.until ? ` – ${a.until}` : ''}
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
            title: t('member.col.away'),
            key: 'away',
            render: (_: unknown, m: MemberListItem) => (m.away ? awayText(m.away) : dash),
          },
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
      render: (_, m) => idNumber(m),
    },
    {
      title: t('member.col.phone'),
      key: 'phone',
      render: (_, m) => <Mono empty={dash}>{m.phone}</Mono>,
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {!needsOrg && <ExportButton list="members" filter={listQuery} />}
            <CreateButton form={create}>{t('member.create')}</CreateButton>
          </Space>
        }
        sub={orgName}
      >
        {t('member.title')}
      </PageTitle>
      <Card size="small">
        <FilterBar
          before={
            <Segmented<MemberView>
              value={view}
              onChange={(v) => list.set({ view: v })}
              options={[
                { value: 'roster', label: t('member.view.roster') },
                { value: 'mobile', label: t('member.view.mobile') },
              ]}
            />
          }
          search={qSearch(list, {
            placeholder: t('member.filter.qPlaceholder'),
            label: t('member.filter.q'),
            width: 360,
          })}
          count={countSet(filter, user.orgId != null ? FOLDED.filter((k) => k !== 'orgId') : FOLDED)}
          filters={
            <MemberFilters
              key={`${JSON.stringify(filter)}|${orgName ?? ''}`}
              filter={filter}
              orgName={orgName}
              onApply={applyFilter}
              onReset={() => list.set({ ...unset(MEMBER_FILTERS), orgId: user.orgId ?? undefined })}
            />
          }
        />
        {view === 'mobile' && (
          <Segmented<'all' | 'out' | 'in'>
            value={filter.side ?? 'all'}
            onChange={(v) => list.set({ side: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('member.side.all') },
              { value: 'out', label: t('member.side.out') },
              { value: 'in', label: t('member.side.in') },
            ]}
            style={{ marginBottom: 12 }}
            data-testid="member-side-filter"
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
        {!needsOrg && (
          <ListView<MemberListItem>
            query={query}
            columns={columns}
            empty={t('member.empty')}
            paging={list}
            totalText={(total) => t('member.total', { total })}
            totalTestId="member-total"
            table={{ rowClassName: (m) => (m.leftOn ? 'dj-row-past' : '') }}
            cardTestId="member-card"
            card={(m) => (
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
                    { key: 'id', label: t('member.col.idNumber'), children: idNumber(m) },
                    {
                      key: 'phone',
                      label: t('member.col.phone'),
                      children: <Mono>{m.phone}</Mono>,
                    },
                    ...(m.away ? [{ key: 'away', label: t('member.col.away'), children: awayText(m.away) }] : []),
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
            )}
          />
        )}
      </Card>
      {create.open && <MemberCreateDrawer mode="create" orgId={filter.orgId} onClose={() => create.setOpen(false)} />}
    </>
  );
}

import { ImportOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Empty,
  Flex,
  List,
  Pagination,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiResponse, MemberTransferListItem } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { useCodeLabels } from './labels.ts';
import { MemberCreateDrawer } from './MemberCreateDrawer.tsx';
import { ReceiveModal } from './ReceiveModal.tsx';
import { TransferStatusTag } from './TransferStatusTag.tsx';
import { useOrgName } from './useOrgName.ts';

const PAGE_SIZE = 20;
const STATUSES = ['open', 'pending', 'expired', 'received', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

/** 组织关系转接: the letters of the user's scope or one org (open ones first), receipts, and 组织关系转入. */
export default function TransfersPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const isPhone = useIsPhone();
  const labels = useCodeLabels();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [receiving, setReceiving] = useState<MemberTransferListItem | null>(null);
  const raw = params.get('status');
  const status: StatusFilter = STATUSES.includes(raw as StatusFilter) ? (raw as StatusFilter) : 'open';
  const direction =
    params.get('direction') === 'in' || params.get('direction') === 'out' ? params.get('direction') : null;
  const orgId = Number(params.get('orgId')) || undefined;
  const page = Number(params.get('page')) || 1;
  const creating = params.get('new') === '1' && can('member.write');
  const orgName = useOrgName(orgId);

  const query = useQuery({
    queryKey: ['members', 'transfers', { status, direction, orgId, page }],
    queryFn: () =>
      api.get<ApiResponse<'/api/member-transfers'>>('/api/member-transfers', {
        status,
        direction,
        orgId,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const set = (changes: Record<string, string | number | null | undefined>) => {
    const search = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') search.delete(k);
      else search.set(k, String(v));
    }
    if (!('page' in changes)) search.delete('page');
    // Opening and closing the transfer-in form is no step back.
    setParams(search, { replace: 'new' in changes });
  };
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['members'] });
    void client.invalidateQueries({ queryKey: ['orgs'] });
    void client.invalidateQueries({ queryKey: ['ledger'] });
  };

  const receive = (x: MemberTransferListItem) =>
    can('member.write') &&
    x.status !== 'received' && (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setReceiving(x)}>
        {t('transfer.receive')}
      </Button>
    );
  const member = (x: MemberTransferListItem) => (
    <Link to={`/members/${x.memberId}`}>{x.memberName ?? `#${x.memberId}`}</Link>
  );
  const columns: TableColumnsType<MemberTransferListItem> = [
    { title: t('transfer.col.member'), key: 'member', render: (_, x) => member(x) },
    {
      title: t('transfer.col.org'),
      key: 'org',
      render: (_, x) => (x.orgName ? <Link to={`/orgs/${x.orgId}`}>{x.orgName}</Link> : '—'),
    },
    {
      title: t('transfer.col.direction'),
      key: 'direction',
      render: (_, x) => labels.label('transfer.direction', x.direction),
    },
    { title: t('transfer.col.counterpart'), dataIndex: 'counterpart' },
    { title: t('transfer.field.letterNo'), dataIndex: 'letterNo', render: (n: string | null) => n ?? '—' },
    { title: t('transfer.field.issuedOn'), dataIndex: 'issuedOn' },
    { title: t('transfer.col.validUntil'), dataIndex: 'validUntil' },
    { title: t('transfer.field.receivedOn'), dataIndex: 'receivedOn', render: (d: string | null) => d ?? '—' },
    { title: t('transfer.col.status'), key: 'status', render: (_, x) => <TransferStatusTag transfer={x} /> },
    ...(can('member.write')
      ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, x: MemberTransferListItem) => receive(x) }]
      : []),
  ];
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: query.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (total: number) => t('common.total', { total }),
  };

  return (
    <>
      <PageTitle
        extra={
          can('member.write') && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => set({ new: '1' })}>
              {t('transfer.in.title')}
            </Button>
          )
        }
      >
        {t('transfer.pageTitle')}
        {orgName && (
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal' }}>
            {' '}
            · {orgName}
          </Typography.Text>
        )}
      </PageTitle>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => set({ status: v === 'open' ? null : v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`transfer.filter.${s}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <Select
            allowClear
            placeholder={t('transfer.filter.direction')}
            aria-label={t('transfer.filter.direction')}
            value={direction ?? undefined}
            onChange={(v) => set({ direction: v })}
            options={labels.options('transfer.direction', ['out', 'in'])}
            style={{ width: 140 }}
          />
          {user.orgId == null && (
            <div style={{ width: isPhone ? '100%' : 320 }}>
              <OrgPicker
                value={orgId ?? null}
                initial={orgId ? { id: orgId, name: orgName ?? null } : undefined}
                onChange={(v) => set({ orgId: v })}
              />
            </div>
          )}
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : isPhone ? (
          <>
            <List<MemberTransferListItem>
              loading={query.isFetching}
              dataSource={query.data?.items}
              locale={{ emptyText: <Empty description={t('transfer.empty')} /> }}
              renderItem={(x) => (
                <Card size="small" style={{ marginBottom: 8 }} data-testid="transfer-card">
                  <Flex vertical gap={4}>
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text strong>{member(x)}</Typography.Text>
                      <TransferStatusTag transfer={x} />
                    </Flex>
                    <span>
                      {labels.label('transfer.direction', x.direction)} · {x.counterpart}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {x.orgName} · {t('transfer.validity', { issuedOn: x.issuedOn, validUntil: x.validUntil })}
                    </Typography.Text>
                    {receive(x)}
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
                onChange={(p) => set({ page: p })}
              />
            </Flex>
          </>
        ) : (
          <Table<MemberTransferListItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('transfer.empty') }}
            onChange={(p, _f, _s, { action }) => {
              if (action === 'paginate') set({ page: p.current ?? 1 });
            }}
            pagination={pagination}
          />
        )}
      </Card>
      {receiving && (
        <ReceiveModal
          transfer={receiving}
          memberName={receiving.memberName}
          onClose={() => setReceiving(null)}
          onDone={changed}
        />
      )}
      {creating && (
        <MemberCreateDrawer
          mode="transferIn"
          orgId={orgId ?? user.orgId ?? undefined}
          onClose={() => set({ new: null })}
        />
      )}
    </>
  );
}

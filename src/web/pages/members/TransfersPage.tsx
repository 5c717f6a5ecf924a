import { ImportOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Segmented, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiResponse, MemberTransferListItem } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { CreateButton } from '../../components/list/CreateButton.tsx';
import { FilterBar } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { id, oneOf } from '../../components/list/params.ts';
import { CREATE_FORM, useCreateForm } from '../../components/list/useCreateForm.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { useCodeLabels } from './labels.ts';
import { MemberCreateDrawer } from './MemberCreateDrawer.tsx';
import { ReceiveModal } from './ReceiveModal.tsx';
import { TransferStatusTag } from './TransferStatusTag.tsx';
import { useLetterColumns } from './useLetterColumns.tsx';
import { useOrgName } from './useOrgName.ts';

const STATUSES = ['open', 'pending', 'expired', 'received', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];
const TRANSFER_LIST = {
  status: oneOf(STATUSES, 'open'),
  direction: oneOf(['out', 'in'] as const),
  orgId: id(),
  /** The transfer-in form is open. */
  ...CREATE_FORM,
};

/** 组织关系转接: the letters of the user's scope or one org (open ones first), receipts, and 组织关系转入. */
export default function TransfersPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const isPhone = useIsPhone();
  const labels = useCodeLabels();
  const letterColumns = useLetterColumns<MemberTransferListItem>();
  const client = useQueryClient();
  const [receiving, setReceiving] = useState<MemberTransferListItem | null>(null);
  const list = useListState(TRANSFER_LIST);
  const { status, direction, orgId } = list.filter;
  // Opening and closing the transfer-in form is no step back.
  const create = useCreateForm(list, can('member.write'), { replace: true });
  const orgName = useOrgName(orgId);
  const query = usePagedQuery<ApiResponse<'/api/member-transfers'>>(
    ['members', 'transfers'],
    '/api/member-transfers',
    { status, direction, orgId },
    list,
  );
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
    ...letterColumns,
    ...(can('member.write')
      ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, x: MemberTransferListItem) => receive(x) }]
      : []),
  ];
  return (
    <>
      <PageTitle
        extra={
          <Flex wrap gap={8}>
            <ExportButton list="transfers" filter={{ status, direction, orgId }} />
            <CreateButton form={create} icon={<ImportOutlined />}>
              {t('transfer.in.title')}
            </CreateButton>
          </Flex>
        }
        sub={orgName}
      >
        {t('transfer.pageTitle')}
      </PageTitle>
      <Card size="small">
        <FilterBar>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => list.set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`transfer.filter.${s}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <Select
            allowClear
            placeholder={t('transfer.filter.direction')}
            aria-label={t('transfer.filter.direction')}
            value={direction}
            onChange={(v) => list.set({ direction: v })}
            options={labels.options('transfer.direction', ['out', 'in'])}
            style={{ width: 140 }}
          />
          {user.orgId == null && (
            <div style={{ width: isPhone ? '100%' : 320 }}>
              <OrgPicker
                value={orgId ?? null}
                initial={orgId ? { id: orgId, name: orgName ?? null } : undefined}
                onChange={(v) => list.set({ orgId: v ?? undefined })}
              />
            </div>
          )}
        </FilterBar>
        <ListView<MemberTransferListItem>
          query={query}
          columns={columns}
          empty={t('transfer.empty')}
          paging={list}
          totalText={(total) => t('common.total', { total })}
          cardTestId="transfer-card"
          card={(x) => (
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
          )}
        />
      </Card>
      {receiving && (
        <ReceiveModal
          transfer={receiving}
          memberName={receiving.memberName}
          onClose={() => setReceiving(null)}
          onDone={changed}
        />
      )}
      {create.open && (
        <MemberCreateDrawer
          mode="transferIn"
          orgId={orgId ?? user.orgId ?? undefined}
          onClose={() => create.setOpen(false)}
        />
      )}
    </>
  );
}

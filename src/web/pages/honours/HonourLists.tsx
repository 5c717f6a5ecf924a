import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { type Query, request } from '../../api.ts';
import { ListView } from '../../components/list/ListView.tsx';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import type { DemonstrationSite, Honour } from './types.ts';

interface ListProps {
  filter: Query;
  paging: { page: number; pageSize: number; setPage: (page: number) => void };
}

function Withdraw({ path, confirm }: { path: string; confirm: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return (
    <Popconfirm
      title={confirm}
      onConfirm={async () => {
        await request('DELETE', path);
        void message.success(t('honours.deleted'));
        void client.invalidateQueries({ queryKey: ['honours'] });
        void client.invalidateQueries({ queryKey: ['orgs'] });
      }}
    >
      <Button size="small" danger icon={<DeleteOutlined />}>
        {t('honours.delete')}
      </Button>
    </Popconfirm>
  );
}

/** The withdraw button of each row, for a user who may manage honours and sites. */
function withdrawColumn<T extends { id: number }>(allowed: boolean, path: string, confirm: string) {
  if (!allowed) return [];
  return [{ key: 'actions', render: (_: unknown, r: T) => <Withdraw path={`${path}/${r.id}`} confirm={confirm} /> }];
}

/** A row on a phone: what was awarded, to whom or where, then the particulars in grey. */
function PhoneCard({ title, who, facts }: { title: string; who: ReactNode; facts: string }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{title}</Typography.Text>
      {who}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {facts}
      </Typography.Text>
    </Flex>
  );
}

/** Who was honoured: a member (with their org) or an org, each a link to its page. */
export function HonourRecipient({ h }: { h: Honour }) {
  return h.memberId !== null ? (
    <span>
      <Link to={`/members/${h.memberId}`}>{h.memberName}</Link>
      <Typography.Text type="secondary"> · {h.orgName}</Typography.Text>
    </span>
  ) : (
    <Link to={`/orgs/${h.orgId}`}>{h.orgName}</Link>
  );
}

export function HonourList({ filter, paging }: ListProps) {
  const { t } = useI18n();
  const can = useCan();
  const query = usePagedQuery<ApiResponse<'/api/honours'>>(['honours', 'list'], '/api/honours', filter, paging);
  const columns: TableColumnsType<Honour> = [
    { title: t('honours.col.recipient'), key: 'recipient', render: (_, h) => <HonourRecipient h={h} /> },
    { title: t('honours.col.title'), dataIndex: 'title' },
    { title: t('honours.col.awardingBody'), dataIndex: 'awardingBody' },
    { title: t('honours.col.level'), key: 'level', render: (_, h) => t(`honours.level.${h.level}`) },
    { title: t('honours.col.awardedOn'), dataIndex: 'awardedOn' },
    { title: t('honours.col.region'), dataIndex: 'regionName' },
    ...withdrawColumn<Honour>(can('honour.manage'), '/api/honours', t('honours.deleteConfirm')),
  ];
  return (
    <ListView<Honour>
      query={query}
      columns={columns}
      empty={t('honours.empty')}
      paging={paging}
      totalText={(total) => t('honours.total', { total })}
      totalTestId="honour-total"
      cardTestId="honour-card"
      card={(h) => (
        <PhoneCard
          title={h.title}
          who={<HonourRecipient h={h} />}
          facts={[h.awardingBody, t(`honours.level.${h.level}`), h.awardedOn].join(' · ')}
        />
      )}
    />
  );
}

export function SitePlace({ s }: { s: DemonstrationSite }) {
  return s.orgId !== null ? (
    <Link to={`/orgs/${s.orgId}`}>{s.orgName}</Link>
  ) : (
    <Link to={`/ledger/${s.enterpriseId}`}>{s.enterpriseName}</Link>
  );
}

export function SiteList({ filter, paging }: ListProps) {
  const { t } = useI18n();
  const can = useCan();
  const query = usePagedQuery<ApiResponse<'/api/demonstration-sites'>>(
    ['honours', 'sites'],
    '/api/demonstration-sites',
    filter,
    paging,
  );
  const columns: TableColumnsType<DemonstrationSite> = [
    { title: t('sites.col.place'), key: 'place', render: (_, s) => <SitePlace s={s} /> },
    { title: t('sites.col.name'), dataIndex: 'name' },
    { title: t('sites.col.year'), dataIndex: 'year' },
    { title: t('sites.col.level'), key: 'level', render: (_, s) => <Tag>{t(`honours.level.${s.level}`)}</Tag> },
    { title: t('sites.col.awardingBody'), dataIndex: 'awardingBody', render: (v: string | null) => v ?? '—' },
    ...withdrawColumn<DemonstrationSite>(can('honour.manage'), '/api/demonstration-sites', t('sites.deleteConfirm')),
  ];
  return (
    <ListView<DemonstrationSite>
      query={query}
      columns={columns}
      empty={t('sites.empty')}
      paging={paging}
      totalText={(total) => t('sites.total', { total })}
      totalTestId="site-total"
      cardTestId="site-card"
      card={(s) => (
        <PhoneCard
          title={s.name}
          who={<SitePlace s={s} />}
          facts={[s.year, t(`honours.level.${s.level}`), s.awardingBody].filter(Boolean).join(' · ')}
        />
      )}
    />
  );
}

import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
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
    ...(can('honour.manage')
      ? [
          {
            key: 'actions',
            render: (_: unknown, h: Honour) => (
              <Withdraw path={`/api/honours/${h.id}`} confirm={t('honours.deleteConfirm')} />
            ),
          },
        ]
      : []),
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
        <Flex vertical gap={4}>
          <Typography.Text strong>{h.title}</Typography.Text>
          <HonourRecipient h={h} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[h.awardingBody, t(`honours.level.${h.level}`), h.awardedOn].join(' · ')}
          </Typography.Text>
        </Flex>
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
    ...(can('honour.manage')
      ? [
          {
            key: 'actions',
            render: (_: unknown, s: DemonstrationSite) => (
              <Withdraw path={`/api/demonstration-sites/${s.id}`} confirm={t('sites.deleteConfirm')} />
            ),
          },
        ]
      : []),
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
        <Flex vertical gap={4}>
          <Typography.Text strong>{s.name}</Typography.Text>
          <SitePlace s={s} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[s.year, t(`honours.level.${s.level}`), s.awardingBody].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}

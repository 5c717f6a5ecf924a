import { useQuery } from '@tanstack/react-query';
import { Card, Flex, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import type { ApiResponse, DevelopmentEarlyItem, DevelopmentOverdueItem } from '../../api/types.ts';
import { api } from '../../api.ts';
import { ListView } from '../../components/list/ListView.tsx';
import { oneOf } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { useCodeLabels } from '../members/labels.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';

const TABS = { tab: oneOf(['overdue', 'early'] as const, 'overdue') };

/**
 * 发展党员: for managers, what is overdue in their scope (the longest first) and the steps taken
 * early, for review; each org's board from here. A secretary goes straight to their org's board.
 */
export default function DevelopmentsPage() {
  const { t } = useI18n();
  const user = useUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const labels = useCodeLabels();
  const list = useListState(TABS);
  const overdue = useQuery({
    queryKey: ['developments', 'overdue'],
    queryFn: () => api.get<ApiResponse<'/api/developments/overdue'>>('/api/developments/overdue'),
    enabled: user.orgId == null,
  });
  const early = useQuery({
    queryKey: ['developments', 'early'],
    queryFn: () => api.get<ApiResponse<'/api/developments/early'>>('/api/developments/early'),
    enabled: user.orgId == null,
  });
  if (user.orgId != null) return <Navigate to={`/developments/orgs/${user.orgId}`} replace />;

  const person = (x: { developmentId: number; name: string }) => (
    <Link to={`/developments/${x.developmentId}`}>{x.name}</Link>
  );
  const org = (x: { orgId: number; orgName: string }) => <Link to={`/developments/orgs/${x.orgId}`}>{x.orgName}</Link>;
  const step = (s: string) => labels.label('development.step', s);

  const overdueColumns: TableColumnsType<DevelopmentOverdueItem> = [
    { title: t('development.col.name'), key: 'name', render: (_, x) => person(x) },
    { title: t('development.col.org'), key: 'org', render: (_, x) => org(x) },
    { title: t('development.col.step'), key: 'step', render: (_, x) => step(x.step) },
    { title: t('development.col.dueOn'), dataIndex: 'dueOn' },
    {
      title: t('development.col.daysOverdue'),
      dataIndex: 'daysOverdue',
      align: 'right',
      render: (n: number) => <Typography.Text type="danger">{t('development.days', { days: n })}</Typography.Text>,
    },
    { title: t('development.col.message'), dataIndex: 'message', width: 420 },
  ];
  const earlyColumns: TableColumnsType<DevelopmentEarlyItem> = [
    { title: t('development.col.name'), key: 'name', render: (_, x) => person(x) },
    { title: t('development.col.org'), key: 'org', render: (_, x) => org(x) },
    { title: t('development.col.step'), key: 'step', render: (_, x) => step(x.step) },
    { title: t('development.col.message'), dataIndex: 'message', width: 360 },
    { title: t('development.col.reason'), dataIndex: 'reason', width: 320 },
  ];

  const overdueView = (
    <ListView<DevelopmentOverdueItem>
      query={overdue}
      rowKey={(x) => `${x.developmentId}-${x.code}`}
      columns={overdueColumns}
      empty={t('development.overdueEmpty')}
      pageSize={50}
      cardTestId="overdue-card"
      card={(x) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{person(x)}</Typography.Text>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('development.days', { days: x.daysOverdue })}
            </Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {x.orgName} · {step(x.step)}
          </Typography.Text>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {x.message}
          </Typography.Text>
        </Flex>
      )}
    />
  );
  const earlyView = (
    <ListView<DevelopmentEarlyItem>
      query={early}
      rowKey={(x) => `${x.developmentId}-${x.step}`}
      columns={earlyColumns}
      empty={t('development.earlyEmpty')}
      pageSize={50}
      cardTestId="early-card"
      card={(x) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>{person(x)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {x.orgName} · {step(x.step)}
          </Typography.Text>
          <span style={{ fontSize: 12 }}>{x.message}</span>
          <Typography.Text style={{ fontSize: 12 }}>
            {t('development.earlyReasonShown', { reason: x.reason })}
          </Typography.Text>
        </Flex>
      )}
    />
  );

  return (
    <>
      <PageTitle
        extra={
          <div style={{ width: isPhone ? '100%' : 320 }}>
            <OrgPicker value={null} onChange={(orgId) => orgId && navigate(`/developments/orgs/${orgId}`)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('development.pickBoard')}
            </Typography.Text>
          </div>
        }
      >
        {t('nav.developments')}
      </PageTitle>
      <Card size="small">
        <Tabs
          activeKey={list.filter.tab}
          onChange={(k) => list.set({ tab: k as 'overdue' | 'early' }, { replace: true })}
          items={[
            {
              key: 'overdue',
              label: t('development.tab.overdue', { count: overdue.data?.total ?? 0 }),
              children: overdueView,
            },
            {
              key: 'early',
              label: t('development.tab.early', { count: early.data?.total ?? 0 }),
              children: earlyView,
            },
          ]}
        />
      </Card>
    </>
  );
}

import { Card, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DashboardChild } from '../../api/types.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

/** The child regions with their sub-regions and users: what an administrator, who reads no ledger, sees. */
export function RegionTable({ rows, drillHref }: { rows: DashboardChild[]; drillHref: (code: string) => string }) {
  const { t } = useI18n();
  const columns: TableColumnsType<DashboardChild> = [
    { title: t('region.col.name'), key: 'name', render: (_, c) => <Link to={drillHref(c.code)}>{c.name}</Link> },
    { title: t('region.col.code'), dataIndex: 'code' },
    {
      title: t('region.col.level'),
      dataIndex: 'level',
      render: (level: number) => t(`region.level.${level}` as MessageKey),
    },
    {
      title: t('region.col.subRegions'),
      dataIndex: 'subRegions',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    { title: t('region.col.users'), dataIndex: 'users', align: 'right', render: (n: number) => n.toLocaleString() },
  ];
  return (
    <Card title={t('dashboard.children')} size="small">
      <Table<DashboardChild>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('dashboard.noChildren') }}
      />
    </Card>
  );
}

import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { MissingEnterprise } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { KIND_DEFS } from './kinds.ts';
import { PREVIEW_PAGE_SIZE, usePagedQuery } from './usePagedQuery.ts';

/** Enterprises the previous batch of the same source had and this file lacks: flagged, never deleted. */
export function BatchMissingTable({ batchId }: { batchId: number }) {
  const { t } = useI18n();
  const query = usePagedQuery<MissingEnterprise>(`${KIND_DEFS.enterprises.api(batchId)}/missing`, {});
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;

  const columns: TableColumnsType<MissingEnterprise> = [
    {
      title: t('ledger.col.uscc'),
      dataIndex: 'uscc',
      render: (uscc: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{uscc}</Typography.Text>,
    },
    {
      title: t('ledger.col.name'),
      dataIndex: 'name',
      render: (name: string, e) => <Link to={`/ledger/${e.id}`}>{name}</Link>,
    },
    { title: t('region.col.code'), dataIndex: 'regionCode' },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('batch.missingHint')}</Typography.Paragraph>
      <Table<MissingEnterprise>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('batch.noRows') }}
        pagination={{
          current: query.page,
          pageSize: PREVIEW_PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: query.setPage,
        }}
      />
    </>
  );
}

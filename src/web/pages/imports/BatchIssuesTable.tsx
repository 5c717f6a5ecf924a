import { Table, type TableColumnsType, Typography } from 'antd';
import type { BatchIssue } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PREVIEW_PAGE_SIZE, usePagedQuery } from './usePagedQuery.ts';

/** Errors or warnings of the batch at `path` (its API): the row number, the column header and the reason, as the error report has them. */
export function BatchIssuesTable({ path, severity }: { path: string; severity: 'error' | 'warning' }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const query = usePagedQuery<BatchIssue>(`${path}/issues`, { severity });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;

  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  const row: TableColumnsType<BatchIssue>[number] = {
    title: t('batch.col.row'),
    dataIndex: 'row',
    render: (n: number) => t('batch.rowNumber', { row: n }),
    onCell: nowrap,
  };
  // A reason can be long: it wraps within a readable width instead of widening the table.
  const message = (text: string) => <div style={{ maxWidth: 640, whiteSpace: 'normal' }}>{text}</div>;
  // On a phone the column's name sits above the reason, so a row fits the screen.
  const columns: TableColumnsType<BatchIssue> = isPhone
    ? [
        row,
        {
          title: `${t('batch.col.column')} · ${t('batch.col.message')}`,
          key: 'issue',
          render: (_, i) => (
            <>
              <Typography.Text strong>{i.column}</Typography.Text>
              {message(i.message)}
            </>
          ),
        },
      ]
    : [
        row,
        { title: t('batch.col.column'), dataIndex: 'column', onCell: nowrap },
        { title: t('batch.col.message'), dataIndex: 'message', render: message },
      ];
  return (
    <Table<BatchIssue>
      rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
      size="small"
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      scroll={isPhone ? undefined : { x: 'max-content' }}
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
  );
}

import { Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { Query } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PREVIEW_PAGE_SIZE, usePagedQuery } from './usePagedQuery.ts';

interface Props<T> {
  /** The list's API path and its filter. */
  path: string;
  filter: Query;
  rowKey: TableProps<T>['rowKey'];
  columns: TableColumnsType<T>;
  /** The columns already fold into one on a phone, so the table need not scroll sideways there. */
  phoneLayout?: boolean;
  /** Shown above the table (not when the load failed). */
  intro?: ReactNode;
}

/** One list of a batch's preview (rows, issues, missing enterprises), a page at a time. */
export function PreviewTable<T extends object>({ path, filter, rowKey, columns, phoneLayout, intro }: Props<T>) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const query = usePagedQuery<T>(path, filter);
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      {intro}
      <Table<T>
        rowKey={rowKey}
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        scroll={phoneLayout && isPhone ? undefined : { x: 'max-content' }}
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

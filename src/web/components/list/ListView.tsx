import { Card, Empty, Flex, List, Pagination, Table, type TableColumnsType, type TableProps, Typography } from 'antd';
import type { Key, ReactNode } from 'react';
import { QueryError } from '../QueryError.tsx';
import { useIsPhone } from '../useIsPhone.ts';

/** What a list shows of its query: the rows, how many in all, and whether it is loading or failed. */
export interface ListQuery<T> {
  data?: { items: T[]; total?: number };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

interface Props<T> {
  query: ListQuery<T>;
  columns: TableColumnsType<T>;
  /** The row's `id` unless said otherwise. */
  rowKey?: keyof T | ((row: T) => Key);
  /** The text where there are no rows (antd's own without it). */
  empty?: string;
  /** A phone's card for one row (its key fields). Without it a phone gets the table, scrolling in its own box. */
  card?: (row: T) => ReactNode;
  cardTestId?: string;
  /** The server's page (a list's URL state); without it the rows are all there and paged here (`pageSize` a page, one page shown bare). */
  paging?: { page: number; pageSize: number; setPage: (page: number) => void };
  pageSize?: number;
  /** "共 N 条": under the table, and as a line above the rows where `totalTestId` names it. */
  totalText?: (total: string) => string;
  totalTestId?: string;
  /** The table's own extras: row classes, expansion, sorting (`onChange` hears all but paging). */
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'pagination' | 'loading'>;
}

/**
 * A list of rows: an antd table on a desktop; on a phone (375 px) a card a row, with the same
 * paging, empty text and load error. One place for what every list page shows.
 */
export function ListView<T extends object>({
  query,
  columns,
  rowKey = 'id' as keyof T,
  empty,
  card,
  cardTestId,
  paging,
  pageSize = 20,
  totalText,
  totalTestId,
  table = {},
}: Props<T>) {
  const isPhone = useIsPhone();
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const items = query.data?.items;
  const total = query.data?.total ?? items?.length ?? 0;
  const showTotal = totalText && ((n: number) => totalText(n.toLocaleString()));
  const totalLine = totalTestId && showTotal && (
    <Typography.Text strong data-testid={totalTestId} style={{ display: 'block', marginBottom: 8 }}>
      {showTotal(total)}
    </Typography.Text>
  );
  const pages = paging
    ? { current: paging.page, pageSize: paging.pageSize, total, showSizeChanger: false }
    : { pageSize, hideOnSinglePage: true, showSizeChanger: false };
  const { onChange, ...tableProps } = table;

  if (isPhone && card) {
    return (
      <>
        {totalLine}
        <List<T>
          loading={query.isFetching}
          dataSource={items}
          rowKey={rowKey as (row: T) => Key}
          locale={{ emptyText: <Empty description={empty} /> }}
          pagination={paging ? false : { ...pages, size: 'small', align: 'center' }}
          renderItem={(row) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid={cardTestId}>
              {card(row)}
            </Card>
          )}
        />
        {paging && (
          <Flex justify="center">
            <Pagination {...pages} size="small" hideOnSinglePage onChange={paging.setPage} />
          </Flex>
        )}
      </>
    );
  }
  return (
    <>
      {totalLine}
      <Table<T>
        rowKey={rowKey as TableProps<T>['rowKey']}
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={empty ? { emptyText: empty } : undefined}
        pagination={{ ...pages, showTotal }}
        onChange={(p, filters, sorter, extra) => {
          if (extra.action === 'paginate') paging?.setPage(p.current ?? 1);
          else onChange?.(p, filters, sorter, extra);
        }}
        {...tableProps}
      />
    </>
  );
}

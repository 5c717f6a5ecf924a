import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useIsPhone } from './useIsPhone.ts';

/** A link-style action on some rows (to end a term, adjust the latest election), in a column of its own. */
export interface RowAction<T> {
  label: string;
  shown: (row: T) => boolean;
  onClick: (row: T) => void;
  /** Pinned to the right on a desktop, where the table may scroll sideways. */
  fixed?: boolean;
}

interface Props<T> {
  /** The row's `id` unless said otherwise. */
  rowKey?: TableProps<T>['rowKey'];
  rows: readonly T[];
  empty: string;
  /** The desktop's columns. */
  columns: TableColumnsType<T>;
  /** On a phone one column tells it all (beside the action), so nothing hides off-screen. */
  phone: TableColumnsType<T>[number];
  /** Rows no longer current are shown faded. */
  past?: (row: T) => boolean;
  action?: RowAction<T> | false;
}

/** The short, unpaged table inside a detail page's card: officers, terms, coverage, assignments. */
export function CardTable<T extends object>({ rowKey = 'id', rows, empty, columns, phone, past, action }: Props<T>) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const actions: TableColumnsType<T> = action
    ? [
        {
          title: isPhone ? '' : t('common.actions'),
          key: 'actions',
          fixed: action.fixed && !isPhone ? 'right' : undefined,
          render: (_: unknown, row: T) =>
            action.shown(row) && (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => action.onClick(row)}>
                {action.label}
              </Button>
            ),
        },
      ]
    : [];
  return (
    <Table<T>
      rowKey={rowKey}
      size="small"
      columns={[...(isPhone ? [phone] : columns), ...actions]}
      dataSource={rows as T[]}
      pagination={false}
      scroll={isPhone ? undefined : { x: 'max-content' }}
      locale={{ emptyText: empty }}
      rowClassName={(row) => (past?.(row) ? 'dj-row-past' : '')}
    />
  );
}

/** A card's add button (新增, 记录): small, at its top right. */
export interface CardAdd {
  label: string;
  onClick: () => void;
  icon?: ReactNode;
}

interface DetailCardProps {
  title: ReactNode;
  testId: string;
  /** Shown where the user may add (`false` where not). */
  add?: CardAdd | false;
  /** Other controls at the top right, in place of `add`. */
  extra?: ReactNode;
  /** Space under it, where more cards follow (the default). */
  spaced?: boolean;
  children?: ReactNode;
}

/** One section of a detail page (an org's officers, a member's transfers): a small titled card. */
export function DetailCard({ title, testId, add, extra, spaced = true, children }: DetailCardProps) {
  return (
    <Card
      size="small"
      title={title}
      style={spaced ? { marginBottom: 16 } : undefined}
      extra={
        extra ??
        (add && (
          <Button size="small" icon={add.icon ?? <PlusOutlined />} onClick={add.onClick}>
            {add.label}
          </Button>
        ))
      }
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

/** A detail page's card that is one short table (coverage, elections, assignments); `children` are its forms. */
export function TableCard<T extends object>({
  title,
  testId,
  add,
  spaced,
  children,
  ...table
}: Omit<DetailCardProps, 'extra'> & Props<T>) {
  return (
    <DetailCard title={title} testId={testId} add={add} spaced={spaced}>
      <CardTable<T> {...table} />
      {children}
    </DetailCard>
  );
}

/** A span of dates, "start – end", tagged (green) while it is still current. */
export function DateSpan({
  from,
  to,
  current,
  wrap,
}: {
  from: ReactNode;
  to: string | null;
  current?: string;
  wrap?: boolean;
}) {
  return (
    <span style={{ whiteSpace: wrap ? undefined : 'nowrap' }}>
      {from} – {to ?? ''}
      {current && (
        <Tag color="green" style={{ marginInlineStart: 8 }}>
          {current}
        </Tag>
      )}
    </span>
  );
}

/** The small grey line under a row's main text. */
export function SubLine({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

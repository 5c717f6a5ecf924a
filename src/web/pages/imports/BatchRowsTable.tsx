import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { BatchRow, RowOutcome } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldChange } from '../ledger/FieldChange.tsx';
import { KIND_DEFS } from './kinds.ts';
import { PREVIEW_PAGE_SIZE, usePagedQuery } from './usePagedQuery.ts';

/** The rows of one outcome: added, changed (with each field's before → after), unchanged or reported differently. */
export function BatchRowsTable({ batchId, outcome }: { batchId: number; outcome: RowOutcome }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const query = usePagedQuery<BatchRow>(`${KIND_DEFS.enterprises.api(batchId)}/rows`, { outcome });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;

  const changes = (r: BatchRow) => (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {Object.entries(r.diff ?? {}).map(([field, d]) => (
        <li key={field}>
          <FieldChange field={field} before={d.before} after={d.after} />
        </li>
      ))}
    </ul>
  );
  const name = (r: BatchRow) => (r.enterpriseId ? <Link to={`/ledger/${r.enterpriseId}`}>{r.name}</Link> : r.name);
  const uscc = (code: string | null, small = false) => (
    <Typography.Text
      type={small ? 'secondary' : undefined}
      style={{ fontFamily: 'monospace', fontSize: small ? 12 : undefined }}
    >
      {code}
    </Typography.Text>
  );
  const rowNumber: TableColumnsType<BatchRow>[number] = {
    title: t('batch.col.row'),
    dataIndex: 'row',
    render: (row: number) => t('batch.rowNumber', { row }),
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
  };
  // On a phone one column holds the enterprise and what changed, so nothing hides off-screen.
  const columns: TableColumnsType<BatchRow> = isPhone
    ? [
        rowNumber,
        {
          title: t('ledger.col.name'),
          key: 'enterprise',
          render: (_, r) => (
            <>
              {name(r)}
              <br />
              {uscc(r.uscc, true)}
              {outcome === 'changed' && changes(r)}
              {outcome === 'discrepancy' && <div>{r.discrepancy}</div>}
            </>
          ),
        },
      ]
    : [
        rowNumber,
        { title: t('ledger.col.uscc'), dataIndex: 'uscc', render: (code: string | null) => uscc(code) },
        { title: t('ledger.col.name'), key: 'name', render: (_, r) => name(r) },
        ...(outcome === 'changed'
          ? [{ title: t('batch.col.changes'), key: 'diff', render: (_: unknown, r: BatchRow) => changes(r) }]
          : []),
        ...(outcome === 'discrepancy' ? [{ title: t('batch.col.discrepancy'), dataIndex: 'discrepancy' }] : []),
      ];

  return (
    <Table<BatchRow>
      rowKey="row"
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

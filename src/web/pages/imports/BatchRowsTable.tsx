import { type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { BatchRow, RowOutcome } from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldChange } from '../ledger/FieldChange.tsx';
import { KIND_DEFS } from './kinds.ts';
import { PreviewTable } from './PreviewTable.tsx';

/** The rows of one outcome: added, changed (with each field's before → after), unchanged or reported differently. */
export function BatchRowsTable({ batchId, outcome }: { batchId: number; outcome: RowOutcome }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
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
    <PreviewTable<BatchRow>
      path={`${KIND_DEFS.enterprises.api(batchId)}/rows`}
      filter={{ outcome }}
      rowKey="row"
      columns={columns}
      phoneLayout
    />
  );
}

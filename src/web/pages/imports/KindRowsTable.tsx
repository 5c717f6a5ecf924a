import { type TableColumnsType, Typography } from 'antd';
import type { KindBatchRow } from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { kindFieldLabel, kindFieldValue } from './kindColumns.ts';
import type { KindDef } from './kinds.ts';
import { PreviewTable } from './PreviewTable.tsx';

interface Props {
  kind: KindDef;
  batchId: number;
  outcome: 'added' | 'changed' | 'unchanged';
}

/**
 * The rows of an org or member file with one outcome: the row number, the org's or member's
 * name (a member's ID number masked, as the server sends it) and, for a changed row, each
 * field's before → after.
 */
export function KindRowsTable({ kind, batchId, outcome }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const members = kind.kind === 'members';
  const shown = (field: string, v: unknown) => kindFieldValue(kind.kind, field, v) ?? t('common.empty');
  const changes = (r: KindBatchRow) => (
    <ul style={{ margin: 0, paddingInlineStart: 16, maxWidth: 640 }}>
      {Object.entries(r.diff ?? {}).map(([field, d]) => (
        <li key={field} style={{ whiteSpace: 'normal' }}>
          {t('history.field', { field: kindFieldLabel(kind.kind, field) })}
          <Typography.Text delete>{shown(field, d.before)}</Typography.Text>
          {' → '}
          <Typography.Text strong>{shown(field, d.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
  const idNumber = (r: KindBatchRow, small = false) =>
    r.idNumber && (
      <Typography.Text
        type={small ? 'secondary' : undefined}
        style={{ fontFamily: 'monospace', fontSize: small ? 12 : undefined }}
      >
        {r.idNumber}
      </Typography.Text>
    );
  const rowNumber: TableColumnsType<KindBatchRow>[number] = {
    title: t('batch.col.row'),
    dataIndex: 'row',
    render: (row: number) => t('batch.rowNumber', { row }),
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
  };
  const nameTitle = t(members ? 'batch.col.memberName' : 'batch.col.orgName');
  // On a phone one column holds the name and what changed, so nothing hides off-screen.
  const columns: TableColumnsType<KindBatchRow> = isPhone
    ? [
        rowNumber,
        {
          title: nameTitle,
          key: 'who',
          render: (_, r) => (
            <>
              {r.name}
              {members && (
                <>
                  <br />
                  {idNumber(r, true)}
                </>
              )}
              {outcome === 'changed' && changes(r)}
            </>
          ),
        },
      ]
    : [
        rowNumber,
        { title: nameTitle, dataIndex: 'name' },
        ...(members
          ? [{ title: t('batch.col.idNumber'), key: 'id', render: (_: unknown, r: KindBatchRow) => idNumber(r) }]
          : []),
        ...(outcome === 'changed'
          ? [{ title: t('batch.col.changes'), key: 'diff', render: (_: unknown, r: KindBatchRow) => changes(r) }]
          : []),
      ];

  return (
    <PreviewTable<KindBatchRow>
      path={`${kind.api(batchId)}/rows`}
      filter={{ outcome }}
      rowKey="row"
      columns={columns}
      phoneLayout
    />
  );
}

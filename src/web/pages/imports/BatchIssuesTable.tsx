import { type TableColumnsType, Typography } from 'antd';
import type { BatchIssue } from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PreviewTable } from './PreviewTable.tsx';

/** Errors or warnings of the batch at `path` (its API): the row number, the column header and the reason, as the error report has them. */
export function BatchIssuesTable({ path, severity }: { path: string; severity: 'error' | 'warning' }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
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
    <PreviewTable<BatchIssue>
      path={`${path}/issues`}
      filter={{ severity }}
      rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
      columns={columns}
      phoneLayout
    />
  );
}

import { type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { MissingEnterprise } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { KIND_DEFS } from './kinds.ts';
import { PreviewTable } from './PreviewTable.tsx';

/** Enterprises the previous batch of the same source had and this file lacks: flagged, never deleted. */
export function BatchMissingTable({ batchId }: { batchId: number }) {
  const { t } = useI18n();
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
    <PreviewTable<MissingEnterprise>
      path={`${KIND_DEFS.enterprises.api(batchId)}/missing`}
      filter={{}}
      rowKey="id"
      columns={columns}
      intro={<Typography.Paragraph type="secondary">{t('batch.missingHint')}</Typography.Paragraph>}
    />
  );
}

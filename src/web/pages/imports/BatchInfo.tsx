import { Card, Descriptions } from 'antd';
import dayjs from 'dayjs';
import type { AnyBatch } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { BatchStatusTag } from './BatchStatusTag.tsx';
import type { KindDef } from './kinds.ts';
import { useRowsOfTotal } from './ReadProgress.tsx';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** What was imported, by whom and when, and how far reading has got. */
export function BatchInfo({ batch, kind }: { batch: AnyBatch; kind: KindDef }) {
  const { t } = useI18n();
  const rowsOfTotal = useRowsOfTotal();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
        <Descriptions.Item label={t('batch.fileName')}>
          <span className="dj-break">{t('batch.fileWithSize', { name: batch.fileName, size: size(batch.size) })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('batch.kind')}>{t(kind.short)}</Descriptions.Item>
        {/* Only an enterprise batch is filed under a period and a source; org and member batches carry neither. */}
        {'period' in batch && <Descriptions.Item label={t('batch.period')}>{batch.period}</Descriptions.Item>}
        {'source' in batch && <Descriptions.Item label={t('batch.source')}>{batch.source}</Descriptions.Item>}
        <Descriptions.Item label={t('batch.actor')}>{batch.actorName}</Descriptions.Item>
        <Descriptions.Item label={t('batch.createdAt')}>
          {dayjs(batch.createdAt).format('YYYY-MM-DD HH:mm:ss')}
        </Descriptions.Item>
        <Descriptions.Item label={t('batch.mode')}>
          {t(batch.partial ? 'batch.mode.partial' : 'batch.mode.all')}
        </Descriptions.Item>
        <Descriptions.Item label={t('batch.rowsRead')}>
          <span data-testid="rows-read">{rowsOfTotal(batch)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('users.col.status')}>
          <BatchStatusTag status={batch.status} />
        </Descriptions.Item>
        {batch.appliedAt && (
          <Descriptions.Item label={t('batch.appliedAt')}>
            {dayjs(batch.appliedAt).format('YYYY-MM-DD HH:mm:ss')}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

import { Card, Flex, Progress, Spin, Typography } from 'antd';
import type { AnyBatch } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';

/** "1,234 / 40,000 行" of a batch, or "1,234 行" while (or on an older batch, where) the total is unknown. */
export function useRowsOfTotal() {
  const { t } = useI18n();
  return (b: Pick<AnyBatch, 'rowsRead' | 'rowsTotal'>) =>
    b.rowsTotal === null
      ? t('batch.rowsReadValue', { rows: b.rowsRead.toLocaleString() })
      : t('batch.rowsOfTotal', { read: b.rowsRead.toLocaleString(), total: b.rowsTotal.toLocaleString() });
}

/**
 * A batch being read, as the server records it on the batch (asked again every second): the
 * rows being counted, then rows read of the total as a bar, then the check against the
 * database once every row is read. Kept on the batch, so leaving and coming back shows it too.
 */
export function ReadProgress({ batch }: { batch: AnyBatch }) {
  const { t } = useI18n();
  const rowsOfTotal = useRowsOfTotal();
  const total = batch.rowsTotal;
  const phase = total === null ? 'batch.counting' : batch.rowsRead < total ? 'batch.reading' : 'batch.checking';
  const percent = total ? Math.floor((batch.rowsRead / total) * 100) : total === 0 ? 100 : 0;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex align="center" gap={16}>
        <Spin />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong data-testid="reading">
            {t(phase)}
          </Typography.Text>
          {total !== null && (
            <Progress
              percent={percent}
              status="active"
              format={() => rowsOfTotal(batch)}
              data-testid="read-progress"
              style={{ marginBottom: 0 }}
            />
          )}
          <Typography.Text type="secondary">{t('batch.readingHint')}</Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}

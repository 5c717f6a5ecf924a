import { Tag } from 'antd';
import type { BatchStatus } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';

const COLORS: Record<BatchStatus, string> = {
  reading: 'processing',
  staged: 'gold',
  applied: 'green',
  rejected: 'red',
  'dry-run': 'blue',
  failed: 'red',
  discarded: 'default',
};

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`batch.status.${status}`)}</Tag>;
}

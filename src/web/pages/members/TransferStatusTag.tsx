import { Flex, Tag, Tooltip } from 'antd';
import type { MemberTransfer } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { TRANSFER_COLOR, useCodeLabels } from './labels.ts';

/** 有效期内 / 已过期 / 已回执, and 逾期回执 for a receipt after the letter expired. */
export function TransferStatusTag({ transfer }: { transfer: MemberTransfer }) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  return (
    <Flex wrap gap={4}>
      <Tag color={TRANSFER_COLOR[transfer.status]} style={{ marginInlineEnd: 0 }} data-testid="transfer-status">
        {labels.label('transfer.status', transfer.status)}
      </Tag>
      {transfer.late && (
        <Tooltip title={t('transfer.lateHint', { validUntil: transfer.validUntil })}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('transfer.late')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

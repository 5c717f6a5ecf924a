import type { TableColumnsType } from 'antd';
import type { MemberTransfer } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCodeLabels } from './labels.ts';
import { TransferStatusTag } from './TransferStatusTag.tsx';

/** A transfer letter's columns, from its direction to its status: on a member's card and in the list of letters. */
export function useLetterColumns<T extends MemberTransfer>(): TableColumnsType<T> {
  const { t } = useI18n();
  const labels = useCodeLabels();
  return [
    {
      title: t('transfer.col.direction'),
      key: 'direction',
      render: (_, x) => labels.label('transfer.direction', x.direction),
    },
    { title: t('transfer.col.counterpart'), dataIndex: 'counterpart' },
    { title: t('transfer.field.letterNo'), dataIndex: 'letterNo', render: (n: string | null) => n ?? '—' },
    { title: t('transfer.field.issuedOn'), dataIndex: 'issuedOn' },
    { title: t('transfer.col.validUntil'), dataIndex: 'validUntil' },
    { title: t('transfer.field.receivedOn'), dataIndex: 'receivedOn', render: (d: string | null) => d ?? '—' },
    { title: t('transfer.col.status'), key: 'status', render: (_, x) => <TransferStatusTag transfer={x} /> },
  ];
}

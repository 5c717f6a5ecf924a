import dayjs, { type Dayjs } from 'dayjs';
import type { ApiResponse, MemberTransfer } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';

interface Props {
  transfer: MemberTransfer;
  memberName: string | null;
  onClose: () => void;
  onDone: () => void;
}

/** 登记回执: the transfer out is complete and the member leaves the roster on that day. */
export function ReceiveModal({ transfer, memberName, onClose, onDone }: Props) {
  const { t } = useI18n();
  return (
    <FormModal<{ receivedOn?: Dayjs }, { late: boolean }>
      title={t('transfer.receiveTitle', { name: memberName ?? '', counterpart: transfer.counterpart })}
      intro={
        <p>
          {t(transfer.direction === 'out' ? 'transfer.receiveHint' : 'transfer.receiveInHint', {
            validUntil: transfer.validUntil,
          })}
        </p>
      }
      onClose={onClose}
      initialValues={{ receivedOn: dayjs() }}
      okText={t('transfer.receive')}
      submit={(v) =>
        api.post<ApiResponse<'/api/member-transfers/{id}/receive', 'post'>>(
          `/api/member-transfers/${transfer.id}/receive`,
          { receivedOn: toDay(v.receivedOn) },
        )
      }
      saved={(r) => t(r.late ? 'transfer.receivedLate' : 'transfer.received')}
      onDone={onDone}
    >
      <PastDayItem name="receivedOn" label={t('transfer.field.receivedOn')} notBefore={transfer.issuedOn} />
    </FormModal>
  );
}

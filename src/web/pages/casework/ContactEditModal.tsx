import { Alert } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ContactKind } from '../../../domain/casework/contacts.ts';
import type { ApiResponse, Contact } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import { ContactFields } from './ContactFields.tsx';

interface Values {
  onDate: Dayjs;
  kind: ContactKind;
  withWhom: string;
  notes?: string | null;
}

/** 更正联系记录: a new date moves the requests raised in it, until one of them is worked on. */
export function ContactEditModal({
  contact,
  onClose,
  onDone,
}: {
  contact: Contact;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<Values, { ok: true }>
      title={t('contact.edit')}
      onClose={onClose}
      initialValues={{ ...contact, onDate: dayjs(contact.onDate) }}
      intro={
        contact.requestIds.length > 0 && (
          <Alert type="info" showIcon title={t('contact.editRaisedHint')} style={{ marginBottom: 16 }} />
        )
      }
      submit={(v) =>
        api.patch<ApiResponse<'/api/casework/contacts/{id}', 'patch'>>(`/api/casework/contacts/${contact.id}`, {
          onDate: toDay(v.onDate),
          kind: v.kind,
          withWhom: v.withWhom,
          notes: v.notes || null,
        })
      }
      saved={t('contact.corrected')}
      onDone={onDone}
    >
      {() => <ContactFields />}
    </FormModal>
  );
}

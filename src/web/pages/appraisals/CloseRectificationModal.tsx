import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import type { OrgAppraisal } from './types.ts';

/** Closes (销号) a 软弱涣散 org's rectification: it leaves the lagging list from that day. */
export function CloseRectificationModal({ appraisal, onClose }: { appraisal: OrgAppraisal; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ rectifiedOn: Dayjs | null; note?: string }, unknown>
      title={t('appraisal.rect.closeTitle', { year: appraisal.year })}
      onClose={onClose}
      name="closeRectification"
      initialValues={{ rectifiedOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/org-appraisals/${appraisal.id}/rectified`, {
          rectifiedOn: toDay(v.rectifiedOn),
          note: v.note?.trim() || null,
        })
      }
      saved={t('appraisal.rect.closedDone')}
      refresh={['orgs', 'prompts', 'todo', 'reports', 'dashboard']}
    >
      <PastDayItem name="rectifiedOn" label={t('appraisal.rect.rectifiedOn')} notBefore={appraisal.appraisedOn} />
      <NoteItem label={t('appraisal.field.note')} />
    </FormModal>
  );
}

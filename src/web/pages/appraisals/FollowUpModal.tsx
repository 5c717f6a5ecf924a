import { DatePicker, Form, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { datePickerProps, toDay } from '../orgs/dates.ts';
import { followUpsOf, type MemberAppraisal } from './types.ts';

interface Values {
  followUp: string;
  followUpOn: Dayjs | null;
  correctBy?: Dayjs | null;
  note?: string;
}

/** Records the follow-up of a 基本合格 or 不合格 result. */
export function FollowUpModal({ appraisal, onClose }: { appraisal: MemberAppraisal; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Values, unknown>
      title={t('appraisal.followUp.title', { name: appraisal.memberName })}
      onClose={onClose}
      name="followUp"
      initialValues={{ followUp: 'education', followUpOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/member-appraisals/${appraisal.id}/follow-up`, {
          followUp: v.followUp,
          followUpOn: toDay(v.followUpOn),
          correctBy: v.followUp === 'correct_by' ? toDay(v.correctBy) : null,
          note: v.note?.trim() || null,
        })
      }
      saved={t('appraisal.followUp.saved')}
      refresh={['orgs', 'prompts', 'todo']}
    >
      <Form.Item name="followUp" label={t('appraisal.field.followUp')} rules={[{ required: true }]}>
        <Radio.Group
          options={followUpsOf(appraisal.result).map((f) => ({ value: f, label: t(`appraisal.followUp.${f}`) }))}
        />
      </Form.Item>
      <PastDayItem name="followUpOn" label={t('appraisal.field.followUpOn')} notBefore={appraisal.appraisedOn} />
      <Form.Item noStyle shouldUpdate={(a, b) => a.followUp !== b.followUp}>
        {({ getFieldValue }) =>
          getFieldValue('followUp') === 'correct_by' && (
            <Form.Item name="correctBy" label={t('appraisal.field.correctBy')} rules={[{ required: true }]}>
              <DatePicker {...datePickerProps} />
            </Form.Item>
          )
        }
      </Form.Item>
      <NoteItem label={t('appraisal.field.note')} />
    </FormModal>
  );
}

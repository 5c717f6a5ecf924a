import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';

interface Props {
  title: string;
  instructorId: number;
  /** Fixed when assigning from the enterprise's page; else picked in `children`'s enterpriseId field. */
  enterpriseId?: number;
  okText?: string;
  onClose: () => void;
  onDone: () => void;
  children?: ReactNode;
}

/** Assign an instructor to an enterprise from a start date, with a note: from the instructor's page or the enterprise's. */
export function AssignModal({ title, instructorId, enterpriseId, okText, onClose, onDone, children }: Props) {
  const { t } = useI18n();
  return (
    <FormModal<{ enterpriseId?: number; startOn?: Dayjs; note?: string }, unknown>
      title={title}
      intro={<Typography.Paragraph type="secondary">{t('instructors.assignments.startHint')}</Typography.Paragraph>}
      onClose={onClose}
      initialValues={{ startOn: dayjs() }}
      okText={okText}
      submit={(v) =>
        api.post(`/api/instructors/${instructorId}/assignments`, {
          enterpriseId: enterpriseId ?? v.enterpriseId,
          startOn: toDay(v.startOn),
          note: v.note?.trim() || null,
        })
      }
      onDone={onDone}
    >
      {children}
      <Form.Item name="startOn" label={t('instructors.assignments.startOn')} rules={[{ required: true }]}>
        <DatePicker {...datePickerProps} disabledDate={afterToday} />
      </Form.Item>
      <Form.Item name="note" label={t('instructors.assignments.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

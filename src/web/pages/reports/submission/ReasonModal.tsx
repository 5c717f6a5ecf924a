import { App, Form, Input } from 'antd';
import { api } from '../../../api.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import type { MessageKey } from '../../../i18n/index.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** Resubmission and return: both say why, in a short form. */
export function ReasonModal({
  title,
  intro,
  label,
  okText,
  done,
  path,
  body,
  danger,
  onClose,
  onDone,
}: {
  title: string;
  intro: string;
  label: string;
  okText: string;
  done: MessageKey;
  path: '/api/reports/quarterly/resubmit' | '/api/reports/quarterly/return';
  body: Record<string, string>;
  danger?: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }, { id: number }>
      title={title}
      intro={<p>{intro}</p>}
      okText={okText}
      danger={danger}
      name="submission-reason"
      onClose={onClose}
      submit={(v) => api.post<{ id: number }>(path, { ...body, reason: v.reason })}
      onDone={() => {
        void message.success(t(done));
        onDone();
      }}
    >
      <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: label }]}>
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="submission-reason" />
      </Form.Item>
    </FormModal>
  );
}

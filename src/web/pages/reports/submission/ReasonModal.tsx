import { Form, Input } from 'antd';
import { api } from '../../../api.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import type { MessageKey } from '../../../i18n/index.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** Resubmission and return: both say why, in a short form; the quarter's reports are read again after. */
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
}) {
  const { t } = useI18n();
  return (
    <FormModal<{ reason: string }, { id: number }>
      title={title}
      intro={<p>{intro}</p>}
      okText={okText}
      danger={danger}
      name="submission-reason"
      onClose={onClose}
      submit={(v) => api.post<{ id: number }>(path, { ...body, reason: v.reason })}
      saved={t(done)}
      refresh={['reports']}
    >
      <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: label }]}>
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="submission-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** 退回 a child region's report of the quarter, from its parent. */
export function ReturnModal({
  child,
  quarter,
  onClose,
}: {
  child: { region: string; name: string };
  quarter: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <ReasonModal
      title={t('submission.returnTitle', { name: child.name, quarter })}
      intro={t('submission.returnIntro')}
      label={t('submission.returnReason')}
      okText={t('submission.return')}
      done="submission.returned"
      path="/api/reports/quarterly/return"
      body={{ region: child.region, quarter }}
      danger
      onClose={onClose}
    />
  );
}

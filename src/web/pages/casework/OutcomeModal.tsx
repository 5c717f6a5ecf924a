import { Alert, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OutcomeKind, OutcomeRole } from '../../../domain/casework/outcomes.ts';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { kindKey, OUTCOME_ROLES, TYPED_KINDS, unitKey, useAssignments } from './labels.ts';

interface Values {
  assignmentId: number;
  onDate: Dayjs;
  role: OutcomeRole;
  kind: OutcomeKind;
  quantity: number;
  benefit?: number | null;
  note?: string;
}

/** 录入成果: only the kinds the system does not know already. */
export function OutcomeModal({
  assignmentId,
  onClose,
  onDone,
}: {
  assignmentId?: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const assignments = useAssignments();
  return (
    <FormModal<Values, { id: number }>
      title={t('outcome.add')}
      onClose={onClose}
      initialValues={{ assignmentId, onDate: dayjs(), role: 'guide', kind: 'systems' }}
      intro={<Alert type="info" showIcon title={t('outcome.derivedHint')} style={{ marginBottom: 16 }} />}
      submit={(v) =>
        api.post<ApiResponse<'/api/casework/outcomes', 'post'>>('/api/casework/outcomes', {
          assignmentId: v.assignmentId,
          onDate: toDay(v.onDate),
          role: v.role,
          kind: v.kind,
          quantity: v.quantity,
          benefit: v.kind === 'innovations' ? (v.benefit ?? null) : null,
          note: v.note ?? null,
        })
      }
      saved={t('outcome.saved')}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Form.Item name="assignmentId" label={t('outcome.assignment')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={assignments.data?.items.map((a) => ({
                value: a.id,
                label: `${a.enterpriseName}（${a.instructorName}）`,
              }))}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              name="onDate"
              label={t('outcome.onDate')}
              rules={[{ required: true }]}
              style={{ flex: '1 1 140px' }}
            >
              <DatePicker {...datePickerProps} disabledDate={afterToday} inputReadOnly />
            </Form.Item>
            <Form.Item name="role" label={t('outcome.role')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
              <Select options={OUTCOME_ROLES.map((r) => ({ value: r, label: t(`outcome.role.${r}`) }))} />
            </Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('outcome.kind')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
              <Select options={TYPED_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
            </Form.Item>
            <Form.Item noStyle dependencies={['kind']}>
              {() => (
                <Form.Item
                  name="quantity"
                  label={`${t('outcome.quantity')}（${t(unitKey(form.getFieldValue('kind') ?? 'systems'))}）`}
                  rules={[{ required: true }]}
                  style={{ flex: '1 1 120px' }}
                >
                  <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
                </Form.Item>
              )}
            </Form.Item>
          </Flex>
          <Form.Item noStyle dependencies={['kind']}>
            {() =>
              form.getFieldValue('kind') === 'innovations' && (
                <Form.Item name="benefit" label={t('outcome.benefit')}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="note" label={t('outcome.note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

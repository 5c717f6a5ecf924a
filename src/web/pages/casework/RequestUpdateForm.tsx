import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { RequestStatus, RequestValueKey as ValueKey } from '../../../domain/casework/requests.ts';
import { nextStatuses } from '../../../domain/casework/requests.ts';
import type { CaseRequest } from '../../api/types.ts';
import { ApiError, api } from '../../api.ts';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { MONEY, statusKey, useDepartments, VALUE_KEYS } from './labels.ts';

interface Values extends Partial<Record<ValueKey, number | null>> {
  onDate: Dayjs;
  status: RequestStatus;
  note?: string;
  departmentIds: number[];
}

const FIELDS = ['onDate', 'status', 'note', 'departmentIds', ...VALUE_KEYS.map((k) => `values.${k}`)];

/** A progress note or a status change; when resolving, the values obtained. */
export function RequestUpdateForm({ r, onDone }: { r: CaseRequest; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const departments = useDepartments();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const next = nextStatuses(r.status);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      api.post(`/api/casework/requests/${r.id}/updates`, {
        onDate: toDay(v.onDate),
        status: v.status,
        note: v.note ?? null,
        departmentIds: v.departmentIds,
        ...(v.status === 'unresolved' ? {} : { values: Object.fromEntries(VALUE_KEYS.map((k) => [k, v[k] ?? null])) }),
      }),
    onSuccess: () => {
      void message.success(t('request.update.saved'));
      form.resetFields(['note']);
      onDone();
    },
    onError: (error) => {
      showFieldErrors(form, error, FIELDS);
      // values.grants → the grants field.
      if (error instanceof ApiError) {
        form.setFields(
          error.details
            .filter((d) => d.field.startsWith('values.'))
            .map((d) => ({ name: d.field.slice(7) as ValueKey, errors: [d.message] })),
        );
      }
    },
  });
  if (next.length === 0) return <Alert type="info" showIcon title={t('request.closed')} />;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        onDate: dayjs(),
        status: next[1] ?? next[0],
        departmentIds: r.departmentIds,
        ...Object.fromEntries(VALUE_KEYS.map((k) => [k, r[k]])),
      }}
      onFinish={(v) => mutation.mutate(v)}
      onValuesChange={clearChangedErrors(form)}
      disabled={mutation.isPending}
    >
      {mutation.isError && !coversFields(mutation.error, FIELDS) && (
        <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 12 }} />
      )}
      <Flex gap={12} wrap>
        <Form.Item
          name="status"
          label={t('request.update.status')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 160px' }}
        >
          <Select
            options={next.map((s) => ({ value: s, label: t(statusKey(s)) }))}
            aria-label={t('request.update.status')}
          />
        </Form.Item>
        <Form.Item
          name="onDate"
          label={t('request.update.onDate')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 140px' }}
        >
          <DatePicker
            {...datePickerProps}
            inputReadOnly
            disabledDate={(d) => afterToday(d) || d.isBefore(fromDay(r.lastUpdateOn), 'day')}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('request.update.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="departmentIds" label={t('request.departments')}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
          aria-label={t('request.departments')}
        />
      </Form.Item>
      {status === 'resolved' && (
        <>
          <Typography.Paragraph type="secondary">{t('request.update.valuesHint')}</Typography.Paragraph>
          <Flex gap={12} wrap>
            {VALUE_KEYS.map((k) => (
              <Form.Item key={k} name={k} label={t(`request.value.${k}`)} style={{ flex: '1 1 140px' }}>
                <InputNumber
                  min={0}
                  precision={MONEY.includes(k) ? 2 : 0}
                  style={{ width: '100%' }}
                  inputMode="decimal"
                  aria-label={t(`request.value.${k}`)}
                />
              </Form.Item>
            ))}
          </Flex>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} block>
        {t('request.update')}
      </Button>
    </Form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { validateIdNumber } from '../../../domain/idNumber.ts';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { EmployerPicker } from '../members/EmployerPicker.tsx';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';

interface Values {
  name?: string;
  idNumber?: string;
  employerId?: number | null;
  appliedOn?: Dayjs | null;
}

const FIELDS = ['orgId', 'name', 'idNumber', 'employerId', 'appliedOn'];

function BirthHint() {
  const { t } = useI18n();
  const value = Form.useWatch('idNumber') as string | undefined;
  const r = value ? validateIdNumber(value) : null;
  return <>{r?.ok ? t('development.form.birth', { birthDate: r.birthDate }) : t('member.form.idHint')}</>;
}

/** 登记入党申请人 in one org: the person and the day of the application. */
export function DevelopmentCreateDrawer({ org, onClose }: { org: { id: number; name: string }; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post<ApiResponse<'/api/developments', 'post'>>('/api/developments', {
        orgId: org.id,
        name: v.name?.trim() ?? '',
        idNumber: v.idNumber?.trim() ?? '',
        employerId: v.employerId ?? null,
        appliedOn: toDay(v.appliedOn),
      }),
    onSuccess: ({ id }, v) => {
      void client.invalidateQueries({ queryKey: ['developments'] });
      void message.success(t('development.created', { name: v.name?.trim() ?? '' }));
      onClose();
      navigate(`/developments/${id}`);
    },
    onError: (error) => showFieldErrors(form, error, FIELDS),
  });
  return (
    <Drawer
      open
      title={t('development.create')}
      size={isPhone ? '100%' : 480}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {create.isError && !coversFields(create.error, FIELDS) && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Alert
        type="info"
        showIcon
        title={t('development.form.createHint', { org: org.name })}
        style={{ marginBottom: 16 }}
      />
      <Form<Values>
        name="developmentCreate"
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        onValuesChange={clearChangedErrors(form)}
        disabled={create.isPending}
      >
        <Form.Item name="name" label={t('member.field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('member.field.idNumber')}
          rules={[{ required: true, whitespace: true }]}
          extra={<BirthHint />}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="employerId" label={t('member.field.employerId')}>
          <EmployerPicker />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('development.field.appliedOn')} rules={[{ required: true }]}>
          <DatePicker {...datePickerProps} disabledDate={afterToday} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

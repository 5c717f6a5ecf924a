import { Alert, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { validateIdNumber } from '../../../domain/idNumber.ts';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EmployerPicker } from '../members/EmployerPicker.tsx';
import { toDay } from '../orgs/dates.ts';

interface Values {
  name?: string;
  idNumber?: string;
  employerId?: number | null;
  appliedOn?: Dayjs | null;
}

function BirthHint() {
  const { t } = useI18n();
  const value = Form.useWatch('idNumber') as string | undefined;
  const r = value ? validateIdNumber(value) : null;
  return <>{r?.ok ? t('development.form.birth', { birthDate: r.birthDate }) : t('member.form.idHint')}</>;
}

/** 登记入党申请人 in one org: the person and the day of the application. */
export function DevelopmentCreateDrawer({ org, onClose }: { org: { id: number; name: string }; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <FormDrawer<Values, ApiResponse<'/api/developments', 'post'>>
      title={t('development.create')}
      width={480}
      onClose={onClose}
      name="developmentCreate"
      intro={
        <Alert
          type="info"
          showIcon
          title={t('development.form.createHint', { org: org.name })}
          style={{ marginBottom: 16 }}
        />
      }
      submit={(v) =>
        api.post('/api/developments', {
          orgId: org.id,
          name: v.name?.trim() ?? '',
          idNumber: v.idNumber?.trim() ?? '',
          employerId: v.employerId ?? null,
          appliedOn: toDay(v.appliedOn),
        })
      }
      saved={(_, v) => t('development.created', { name: v.name?.trim() ?? '' })}
      refresh={['developments']}
      onDone={({ id }) => navigate(`/developments/${id}`)}
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
      <PastDayItem name="appliedOn" label={t('development.field.appliedOn')} />
    </FormDrawer>
  );
}

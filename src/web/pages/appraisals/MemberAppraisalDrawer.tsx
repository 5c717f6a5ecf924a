import { Checkbox, Form, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRoster } from '../engagement/useRoster.ts';
import { toDay } from '../orgs/dates.ts';
import { RESULTS } from './types.ts';

interface Values {
  memberId?: number;
  year: number;
  result: (typeof RESULTS)[number];
  fourExcellent: boolean;
  appraisedOn: Dayjs | null;
}

/** The branch records a member's 民主评议 result, picked from its roster. */
export function MemberAppraisalDrawer({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useI18n();
  const roster = useRoster(orgId);
  return (
    <FormDrawer<Values, unknown>
      title={t('appraisal.member.create')}
      onClose={onClose}
      name="memberAppraisal"
      initialValues={{ year: dayjs().year(), result: 'qualified', fourExcellent: false, appraisedOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/orgs/${orgId}/member-appraisals`, {
          memberId: v.memberId,
          year: v.year,
          result: v.result,
          fourExcellent: v.result === 'excellent' && v.fourExcellent,
          appraisedOn: toDay(v.appraisedOn),
        })
      }
      saved={t('appraisal.member.created')}
      refresh={['orgs', 'prompts', 'todo']}
    >
      <Form.Item name="memberId" label={t('appraisal.field.member')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={roster.isLoading}
          options={(roster.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      <Form.Item name="year" label={t('appraisal.field.year')} rules={[{ required: true }]}>
        <InputNumber min={1990} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="result" label={t('appraisal.field.result')} rules={[{ required: true }]}>
        <Radio.Group options={RESULTS.map((r) => ({ value: r, label: t(`appraisal.result.${r}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.result !== b.result}>
        {({ getFieldValue }) =>
          getFieldValue('result') === 'excellent' && (
            <Form.Item name="fourExcellent" valuePropName="checked">
              <Checkbox>{t('appraisal.fourExcellent')}</Checkbox>
            </Form.Item>
          )
        }
      </Form.Item>
      <PastDayItem name="appraisedOn" label={t('appraisal.field.appraisedOn')} />
    </FormDrawer>
  );
}

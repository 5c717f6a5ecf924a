import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { datePickerProps, toDay } from '../orgs/dates.ts';
import { GRADES } from './types.ts';

interface Values {
  year: number;
  grade: (typeof GRADES)[number];
  titles?: ('fourStrong' | 'fiveGood')[];
  weak: boolean;
  appraisedOn: Dayjs | null;
  appraisingBody: string;
  steps?: string;
  dueOn?: Dayjs | null;
  note?: string;
}

/** The committee records an org's yearly appraisal; a 软弱涣散 org is graded 后进 with its rectification plan. */
export function OrgAppraisalDrawer({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormDrawer<Values, unknown>
      title={t('appraisal.org.create')}
      onClose={onClose}
      name="orgAppraisal"
      initialValues={{ year: dayjs().year(), grade: 'ordinary', titles: [], weak: false, appraisedOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/orgs/${orgId}/appraisals`, {
          year: v.year,
          grade: v.weak ? 'lagging' : v.grade,
          // The titles' field is not on the form of a weak org: absent then.
          fourStrong: !v.weak && (v.titles ?? []).includes('fourStrong'),
          fiveGood: !v.weak && (v.titles ?? []).includes('fiveGood'),
          weak: v.weak,
          appraisedOn: toDay(v.appraisedOn),
          appraisingBody: v.appraisingBody,
          note: v.note?.trim() || null,
          rectificationSteps: v.weak ? (v.steps ?? '').split('\n').filter((s) => s.trim() !== '') : [],
          rectificationDueOn: v.weak ? toDay(v.dueOn) : null,
        })
      }
      saved={t('appraisal.org.created')}
      refresh={['orgs', 'prompts', 'todo', 'reports', 'dashboard']}
    >
      <Form.Item name="year" label={t('appraisal.field.year')} rules={[{ required: true }]}>
        <InputNumber min={1990} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="weak"
        label={t('appraisal.field.weak')}
        extra={t('appraisal.field.weakHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.weak !== b.weak}>
        {({ getFieldValue }) =>
          getFieldValue('weak') ? (
            <>
              <Form.Item
                name="steps"
                label={t('appraisal.field.steps')}
                extra={t('appraisal.field.stepsHint')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name="dueOn" label={t('appraisal.field.dueOn')} extra={t('appraisal.field.dueOnHint')}>
                <DatePicker {...datePickerProps} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="grade" label={t('appraisal.field.grade')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={GRADES.map((g) => ({ value: g, label: t(`appraisal.grade.${g}`) }))}
                />
              </Form.Item>
              <Form.Item name="titles" label={t('appraisal.field.titles')}>
                <Checkbox.Group
                  options={[
                    { value: 'fourStrong', label: t('appraisal.fourStrong') },
                    { value: 'fiveGood', label: t('appraisal.fiveGood') },
                  ]}
                />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
      <PastDayItem name="appraisedOn" label={t('appraisal.field.appraisedOn')} />
      <Form.Item
        name="appraisingBody"
        label={t('appraisal.field.appraisingBody')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="note" label={t('appraisal.field.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormDrawer>
  );
}

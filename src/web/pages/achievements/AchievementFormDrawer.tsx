import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { datePickerProps, toDay } from '../orgs/dates.ts';
import { type AchievementKind, KIND_CODES, KIND_RULES } from './types.ts';

interface Values {
  kind: AchievementKind;
  form?: string;
  enterpriseId?: number;
  onDate?: Dayjs | null;
  content?: string;
  memberIds?: number[] | number;
  personName?: string;
  adopted?: boolean;
  fulfilled?: boolean;
  benefit?: number | null;
  amount?: number | null;
  fromOn?: Dayjs | null;
  toOn?: Dayjs | null;
  note?: string;
}

const memberList = (v: Values['memberIds']) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * Records an achievement of the org on a phone in a few taps: pick the kind (its forms
 * follow), the enterprise (the only one preselected), what it was, who, save. The fields a
 * kind does not carry are not shown; the server checks the rest and names the field.
 */
export function AchievementFormDrawer({
  orgId,
  enterprises,
  onClose,
}: {
  orgId: number;
  enterprises: { id: number; name: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const roster = useQuery({
    queryKey: ['achievements', 'roster', orgId],
    queryFn: () => api.get<ApiResponse<'/api/members'>>('/api/members', { orgId, pageSize: 200 }),
  });
  const members = (roster.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
  return (
    <FormDrawer<Values, unknown>
      title={t('achievements.create')}
      onClose={onClose}
      initialValues={{
        kind: 'proposal',
        form: 'rationalization',
        onDate: dayjs(),
        enterpriseId: enterprises.length === 1 ? enterprises[0].id : undefined,
        adopted: false,
        fulfilled: false,
      }}
      submit={(v) => {
        const rules = KIND_RULES[v.kind];
        return api.post('/api/achievements', {
          orgId,
          enterpriseId: v.enterpriseId,
          kind: v.kind,
          form: rules.forms.length > 0 ? (v.form ?? null) : null,
          onDate: toDay(v.onDate),
          content: v.content,
          memberIds: memberList(v.memberIds),
          personName: rules.members === 'proposer' ? v.personName?.trim() || null : null,
          adopted: rules.status === 'adopted' ? Boolean(v.adopted) : null,
          fulfilled: rules.status === 'fulfilled' ? Boolean(v.fulfilled) : null,
          benefit: rules.benefit ? (v.benefit ?? null) : null,
          amount: rules.amount ? (v.amount ?? null) : null,
          fromOn: rules.period === 'none' ? null : toDay(v.fromOn),
          toOn: rules.period === 'none' ? null : toDay(v.toOn),
          note: v.note?.trim() || null,
        });
      }}
      saved={t('achievements.created')}
      refresh={['achievements']}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label={t('achievements.field.kind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              onChange={(e) => {
                const forms = KIND_RULES[e.target.value as AchievementKind].forms;
                form.setFieldsValue({ form: forms[0], memberIds: undefined });
              }}
              options={KIND_CODES.map((k) => ({ value: k, label: t(`achievements.kind.${k}`) }))}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() => {
              const kind = form.getFieldValue('kind') as AchievementKind;
              const rules = KIND_RULES[kind];
              const single = rules.members === 'one' || rules.members === 'proposer';
              return (
                <>
                  {rules.forms.length > 0 && (
                    <Form.Item name="form" label={t('achievements.field.form')} rules={[{ required: true }]}>
                      <Radio.Group
                        optionType="button"
                        options={rules.forms.map((f) => ({ value: f, label: t(`achievements.form.${f}`) }))}
                        style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
                      />
                    </Form.Item>
                  )}
                  <Form.Item
                    name="enterpriseId"
                    label={t('achievements.field.enterpriseId')}
                    extra={enterprises.length > 1 ? t('achievements.field.enterpriseHint') : undefined}
                    rules={[{ required: true }]}
                  >
                    <Select options={enterprises.map((e) => ({ value: e.id, label: e.name }))} />
                  </Form.Item>
                  <PastDayItem name="onDate" label={t('achievements.field.onDate')} />
                  <Form.Item
                    name="content"
                    label={t('achievements.field.content')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
                  </Form.Item>
                  <Form.Item
                    name="memberIds"
                    label={t(
                      rules.members === 'one'
                        ? 'achievements.field.member'
                        : rules.members === 'proposer'
                          ? 'achievements.field.proposer'
                          : 'achievements.field.members',
                    )}
                    rules={[{ required: rules.members === 'one' || rules.members === 'some' }]}
                  >
                    <Select
                      mode={single ? undefined : 'multiple'}
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={roster.isFetching}
                      options={members}
                    />
                  </Form.Item>
                  {rules.members === 'proposer' && (
                    <Form.Item
                      name="personName"
                      label={t('achievements.field.personName')}
                      extra={t('achievements.field.personNameHint')}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                  )}
                  {rules.status === 'adopted' && (
                    <Form.Item name="adopted" label={t('achievements.field.adopted')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  )}
                  {rules.status === 'fulfilled' && (
                    <Form.Item name="fulfilled" label={t('achievements.field.fulfilled')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  )}
                  {rules.benefit && (
                    <Form.Item name="benefit" label={t('achievements.field.benefit')}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" />
                    </Form.Item>
                  )}
                  {rules.amount && (
                    <Form.Item name="amount" label={t('achievements.field.amount')} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" />
                    </Form.Item>
                  )}
                  {rules.period !== 'none' && (
                    <>
                      <Form.Item name="fromOn" label={t('achievements.field.fromOn')} rules={[{ required: true }]}>
                        <DatePicker {...datePickerProps} />
                      </Form.Item>
                      <Form.Item
                        name="toOn"
                        label={t('achievements.field.toOn')}
                        rules={[{ required: rules.period === 'required' }]}
                      >
                        <DatePicker {...datePickerProps} />
                      </Form.Item>
                    </>
                  )}
                </>
              );
            }}
          </Form.Item>
          <NoteItem label={t('achievements.field.note')} />
        </>
      )}
    </FormDrawer>
  );
}

import { Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import { ORG_ENGAGEMENT_KINDS } from './types.ts';

interface Values {
  enterpriseId: number;
  kind: (typeof ORG_ENGAGEMENT_KINDS)[number];
  occurredOn: Dayjs | null;
  ownerName?: string;
  topics?: string;
  outcome?: string;
  hours?: number | null;
  venue?: string;
  funds?: number | null;
  note?: string;
}

/** Records one thing of an owner's engagement with the org: a communication by default, or the support given. */
export function OwnerEngagementDrawer({
  enterprises,
  onClose,
}: {
  enterprises: { id: number; name: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormDrawer<Values, unknown>
      title={t('engagement.owner.create')}
      onClose={onClose}
      name="ownerEngagement"
      initialValues={{ enterpriseId: enterprises[0]?.id, kind: 'communication', occurredOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/enterprises/${v.enterpriseId}/owner-engagements`, {
          kind: v.kind,
          occurredOn: toDay(v.occurredOn),
          ownerName: v.ownerName?.trim() || null,
          topics: v.kind === 'communication' ? v.topics?.trim() || null : null,
          outcome: v.kind === 'communication' ? v.outcome?.trim() || null : null,
          hours: v.kind === 'support' ? (v.hours ?? null) : null,
          venue: v.kind === 'support' ? v.venue?.trim() || null : null,
          funds: v.kind === 'support' ? (v.funds ?? null) : null,
          note: v.note?.trim() || null,
        })
      }
      saved={t('engagement.owner.created')}
      refresh={['orgs', 'enterprises']}
    >
      {enterprises.length > 1 && (
        <Form.Item name="enterpriseId" label={t('engagement.field.enterprise')} rules={[{ required: true }]}>
          <Select options={enterprises.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('engagement.field.kind')} rules={[{ required: true }]}>
        <Radio.Group options={ORG_ENGAGEMENT_KINDS.map((k) => ({ value: k, label: t(`engagement.kind.${k}`) }))} />
      </Form.Item>
      <PastDayItem name="occurredOn" label={t('engagement.field.occurredOn')} />
      <Form.Item name="ownerName" label={t('engagement.field.ownerName')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('kind');
          if (kind === 'communication') {
            return (
              <>
                <Form.Item
                  name="topics"
                  label={t('engagement.field.topics')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
                </Form.Item>
                <Form.Item name="outcome" label={t('engagement.field.outcome')}>
                  <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
                </Form.Item>
              </>
            );
          }
          if (kind === 'support') {
            return (
              <>
                <Form.Item name="hours" label={t('engagement.field.hours')}>
                  <InputNumber min={0} max={10000} step={0.5} style={{ width: 160 }} inputMode="decimal" />
                </Form.Item>
                <Form.Item name="venue" label={t('engagement.field.venue')}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="funds" label={t('engagement.field.funds')}>
                  <InputNumber min={0} max={1000000} step={0.1} style={{ width: 160 }} inputMode="decimal" />
                </Form.Item>
              </>
            );
          }
          return null;
        }}
      </Form.Item>
      <NoteItem label={t('engagement.field.note')} />
    </FormDrawer>
  );
}

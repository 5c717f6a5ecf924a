import { Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import { useRoster } from './useRoster.ts';

interface Values {
  heldOn: Dayjs | null;
  title: string;
  place?: string;
  memberIds: number[];
  nonMemberCount: number;
  note?: string;
}

/** A secretary's quick record of an open activity, on a phone too: date, title, tick who came, count the rest. */
export function OpenActivityDrawer({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useI18n();
  const roster = useRoster(orgId);
  return (
    <FormDrawer<Values, unknown>
      title={t('engagement.activity.create')}
      onClose={onClose}
      name="openActivity"
      initialValues={{ heldOn: dayjs(), memberIds: [], nonMemberCount: 0 }}
      submit={(v) =>
        api.post(`/api/orgs/${orgId}/open-activities`, {
          heldOn: toDay(v.heldOn),
          title: v.title,
          place: v.place?.trim() || null,
          memberIds: v.memberIds,
          nonMemberCount: v.nonMemberCount ?? 0,
          note: v.note?.trim() || null,
        })
      }
      saved={t('engagement.activity.created')}
      refresh={['orgs']}
    >
      <PastDayItem name="heldOn" label={t('engagement.field.heldOn')} />
      <Form.Item name="title" label={t('engagement.field.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="place" label={t('engagement.field.place')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('engagement.field.members')} extra={t('engagement.field.membersHint')}>
        {roster.data && roster.data.length === 0 ? (
          <Typography.Text type="secondary">{t('engagement.noRoster')}</Typography.Text>
        ) : (
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 8 }}
            options={(roster.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        )}
      </Form.Item>
      <Form.Item name="nonMemberCount" label={t('engagement.field.nonMembers')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: 140 }} inputMode="numeric" />
      </Form.Item>
      <NoteItem label={t('engagement.field.note')} />
    </FormDrawer>
  );
}

import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { datePickerProps, toDay } from '../orgs/dates.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { PARTNER_KINDS } from './types.ts';

interface Values {
  partnerKind: (typeof PARTNER_KINDS)[number];
  partnerOrgId?: number | null;
  partnerName?: string;
  startOn: Dayjs | null;
  endOn?: Dayjs | null;
  note?: string;
}

/**
 * Records a pairing with a village or community; with another org only for those who see both
 * (a secretary sees only their own org, so the body above records it).
 */
export function PairingDrawer({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const kinds = user.roles.includes('secretary') ? PARTNER_KINDS.filter((k) => k !== 'org') : PARTNER_KINDS;
  return (
    <FormDrawer<Values, unknown>
      title={t('engagement.pairing.create')}
      onClose={onClose}
      name="pairing"
      initialValues={{ partnerKind: 'village', startOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/orgs/${orgId}/pairings`, {
          partnerKind: v.partnerKind,
          partnerOrgId: v.partnerKind === 'org' ? (v.partnerOrgId ?? null) : null,
          partnerName: v.partnerKind === 'org' ? null : v.partnerName?.trim() || null,
          startOn: toDay(v.startOn),
          endOn: toDay(v.endOn),
          note: v.note?.trim() || null,
        })
      }
      saved={t('engagement.pairing.created')}
      refresh={['orgs']}
    >
      <Form.Item name="partnerKind" label={t('engagement.field.partnerKind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={kinds.map((k) => ({ value: k, label: t(`engagement.partner.${k}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.partnerKind !== b.partnerKind}>
        {({ getFieldValue }) =>
          getFieldValue('partnerKind') === 'org' ? (
            <Form.Item name="partnerOrgId" label={t('engagement.field.partnerOrg')} rules={[{ required: true }]}>
              <OrgPicker exclude={orgId} />
            </Form.Item>
          ) : (
            <Form.Item
              name="partnerName"
              label={t('engagement.field.partnerName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          )
        }
      </Form.Item>
      <PastDayItem name="startOn" label={t('engagement.field.startOn')} />
      <Form.Item name="endOn" label={t('engagement.field.endOn')}>
        <DatePicker {...datePickerProps} />
      </Form.Item>
      <NoteItem label={t('engagement.field.note')} />
    </FormDrawer>
  );
}

import { Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import type { Pairing } from './types.ts';

/** Records a joint activity under a pairing, within its period. */
export function JointActivityModal({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ heldOn: Dayjs | null; title: string; content?: string }, unknown>
      title={t('engagement.joint.title', { name: pairing.partnerName })}
      onClose={onClose}
      name="jointActivity"
      initialValues={{ heldOn: dayjs() }}
      submit={(v) =>
        api.post(`/api/pairings/${pairing.id}/activities`, {
          heldOn: toDay(v.heldOn),
          title: v.title,
          content: v.content?.trim() || null,
        })
      }
      saved={t('engagement.joint.created')}
      refresh={['orgs']}
    >
      <PastDayItem name="heldOn" label={t('engagement.field.heldOn')} notBefore={pairing.startOn} />
      <Form.Item name="title" label={t('engagement.field.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="content" label={t('engagement.field.content')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}

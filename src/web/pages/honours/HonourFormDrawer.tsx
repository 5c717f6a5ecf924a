import { AutoComplete, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { LEVEL_CODES, MEMBER_HONOUR_TITLES, ORG_HONOUR_TITLES } from './types.ts';

interface Values {
  recipient: 'org' | 'member';
  orgId?: number | null;
  memberId?: number | null;
  title?: string;
  awardingBody?: string;
  level?: string;
  awardedOn?: Dayjs | null;
  note?: string;
}

/** Records an honour for an org or a member (the member's org is the server's to find). */
export function HonourFormDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormDrawer<Values, unknown>
      title={t('honours.create')}
      onClose={onClose}
      initialValues={{ recipient: 'org', level: 'county', awardedOn: dayjs() }}
      submit={(v) =>
        api.post('/api/honours', {
          orgId: v.recipient === 'org' ? (v.orgId ?? null) : null,
          memberId: v.recipient === 'member' ? (v.memberId ?? null) : null,
          title: v.title,
          awardingBody: v.awardingBody,
          level: v.level,
          awardedOn: toDay(v.awardedOn),
          note: v.note?.trim() || null,
        })
      }
      saved={t('honours.created')}
      refresh={['honours', 'orgs', 'members']}
    >
      {(form) => (
        <>
          <Form.Item name="recipient" label={t('honours.field.recipient')}>
            <Radio.Group
              optionType="button"
              options={(['org', 'member'] as const).map((r) => ({ value: r, label: t(`honours.recipient.${r}`) }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.recipient !== b.recipient}>
            {() =>
              form.getFieldValue('recipient') === 'member' ? (
                <Form.Item
                  name="memberId"
                  label={t('honours.field.memberId')}
                  extra={t('honours.field.memberHint')}
                  rules={[{ required: true }]}
                >
                  <MemberPicker />
                </Form.Item>
              ) : (
                <Form.Item name="orgId" label={t('honours.field.orgId')} rules={[{ required: true }]}>
                  <OrgPicker />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.recipient !== b.recipient}>
            {() => (
              <Form.Item name="title" label={t('honours.field.title')} rules={[{ required: true, whitespace: true }]}>
                <AutoComplete
                  maxLength={60}
                  options={(form.getFieldValue('recipient') === 'member'
                    ? MEMBER_HONOUR_TITLES
                    : ORG_HONOUR_TITLES
                  ).map((title) => ({ value: title }))}
                />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item
            name="awardingBody"
            label={t('honours.field.awardingBody')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="level" label={t('honours.field.level')} rules={[{ required: true }]}>
            <Select options={LEVEL_CODES.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
          </Form.Item>
          <PastDayItem name="awardedOn" label={t('honours.field.awardedOn')} />
          <NoteItem label={t('honours.field.note')} />
        </>
      )}
    </FormDrawer>
  );
}

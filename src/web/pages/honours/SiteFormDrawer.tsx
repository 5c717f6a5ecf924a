import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { NoteItem } from '../../components/NoteItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EnterprisePicker } from '../orgs/EnterprisePicker.tsx';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { LEVEL_CODES } from './types.ts';

interface Values {
  place: 'org' | 'enterprise';
  orgId?: number | null;
  enterpriseId?: number;
  name?: string;
  level?: string;
  year?: number;
  awardingBody?: string;
  note?: string;
}

/** Names an org or an enterprise a demonstration site (示范点) for a year, at a level. */
export function SiteFormDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  return (
    <FormDrawer<Values, unknown>
      title={t('sites.create')}
      onClose={onClose}
      initialValues={{ place: 'org', level: 'county', year }}
      submit={(v) =>
        api.post('/api/demonstration-sites', {
          orgId: v.place === 'org' ? (v.orgId ?? null) : null,
          enterpriseId: v.place === 'enterprise' ? (v.enterpriseId ?? null) : null,
          name: v.name,
          level: v.level,
          year: v.year,
          awardingBody: v.awardingBody?.trim() || null,
          note: v.note?.trim() || null,
        })
      }
      saved={t('sites.created')}
      refresh={['honours', 'orgs']}
    >
      {(form) => (
        <>
          <Form.Item name="place" label={t('sites.field.place')}>
            <Radio.Group
              optionType="button"
              options={(['org', 'enterprise'] as const).map((p) => ({ value: p, label: t(`sites.place.${p}`) }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.place !== b.place}>
            {() =>
              form.getFieldValue('place') === 'enterprise' ? (
                <Form.Item name="enterpriseId" label={t('sites.field.enterpriseId')} rules={[{ required: true }]}>
                  <EnterprisePicker multiple={false} />
                </Form.Item>
              ) : (
                <Form.Item name="orgId" label={t('sites.field.orgId')} rules={[{ required: true }]}>
                  <OrgPicker />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="name" label={t('sites.field.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="year" label={t('sites.field.year')} rules={[{ required: true }]}>
            <InputNumber min={1990} max={year} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="level" label={t('sites.field.level')} rules={[{ required: true }]}>
            <Select options={LEVEL_CODES.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="awardingBody" label={t('sites.field.awardingBody')}>
            <Input maxLength={60} />
          </Form.Item>
          <NoteItem label={t('sites.field.note')} />
        </>
      )}
    </FormDrawer>
  );
}

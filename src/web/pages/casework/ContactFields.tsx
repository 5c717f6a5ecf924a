import { DatePicker, Flex, Form, Input, Segmented } from 'antd';
import { CONTACT_KINDS, type ContactKind } from '../../../domain/casework/contacts.ts';
import { useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps } from '../orgs/dates.ts';

/** When, how, with whom and what was said: the fields a contact is recorded and corrected with. */
export function ContactFields() {
  const { t } = useI18n();
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item name="onDate" label={t('contact.onDate')} rules={[{ required: true }]} style={{ flex: '1 1 150px' }}>
          <DatePicker {...datePickerProps} disabledDate={afterToday} inputReadOnly />
        </Form.Item>
        <Form.Item name="kind" label={t('contact.kind')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
          <Segmented<ContactKind>
            block
            options={CONTACT_KINDS.map((k) => ({
              value: k,
              label: t(`contact.kind.${k}`),
            }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="withWhom" label={t('contact.withWhom')} rules={[{ required: true, whitespace: true }]}>
        <Input placeholder={t('contact.withWhomPlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item name="notes" label={t('contact.notes')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </>
  );
}

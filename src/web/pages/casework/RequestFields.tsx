import { Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { categoryKey, REQUEST_CATEGORIES, useDepartments } from './labels.ts';

/** A request's category, description and departments coordinated, under `name` of a Form.List or at the top. */
export function RequestFields({ name }: { name?: number }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const at = (field: string) => (name === undefined ? field : [name, field]);
  return (
    <>
      <Form.Item name={at('category')} label={t('request.category')} rules={[{ required: true }]}>
        <Select
          options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)) }))}
          aria-label={t('request.category')}
        />
      </Form.Item>
      <Form.Item
        name={at('description')}
        label={t('request.description')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name={at('departmentIds')} label={t('request.departments')}>
        <Select
          mode="multiple"
          allowClear
          loading={departments.isLoading}
          options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
          optionFilterProp="label"
          aria-label={t('request.departments')}
        />
      </Form.Item>
    </>
  );
}

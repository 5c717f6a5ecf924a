import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Department } from '../../api/types.ts';
import { api, request } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { REQUEST_CODES, useSections } from './labels.ts';
import { useDepartments } from './useDepartments.ts';

interface Values {
  name?: string;
  sortOrder?: number;
  industries?: string[];
  requests?: string[];
}

/** A department relates to any number of sections or categories, found by typing. */
const searchableMultiple = { mode: 'multiple', allowClear: true, showSearch: { optionFilterProp: 'label' } } as const;

/** 职能部门目录 and its relevance map (职能相关、业务相近): which industry sections and request categories each department relates to. */
export default function DepartmentsPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useDepartments();
  const sections = useSections();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const manage = can('instructor.manage');
  const changed = () => void client.invalidateQueries({ queryKey: ['departments'] });
  const remove = useMutation({
    mutationFn: (d: Department) => request('DELETE', `/api/departments/${d.id}`),
    onSuccess: () => {
      void message.success(t('departments.deleted'));
      changed();
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const industryTags = (d: Department) =>
    d.industries.length === 0 ? (
      t('departments.none')
    ) : (
      <Flex wrap gap={4}>
        {d.industries.map((s) => (
          <Tag key={s} style={{ marginInlineEnd: 0 }}>
            {s} {sections.name(s)}
          </Tag>
        ))}
      </Flex>
    );
  const requestTags = (d: Department) =>
    d.requests.length === 0 ? (
      t('departments.none')
    ) : (
      <Flex wrap gap={4}>
        {d.requests.map((r) => (
          <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
            {t(`instructors.requestCategory.${r}` as 'instructors.requestCategory.other')}
          </Tag>
        ))}
      </Flex>
    );
  const actions = manage
    ? [
        {
          title: isPhone ? '' : t('common.actions'),
          key: 'actions',
          render: (_: unknown, d: Department) => (
            <Flex gap={4} vertical={isPhone}>
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                aria-label={`${t('departments.edit')} ${d.name}`}
                onClick={() => setEditing(d)}
              />
              {d.own && (
                <Popconfirm
                  title={t('departments.deleteConfirm', { name: d.name })}
                  onConfirm={() => remove.mutate(d)}
                  okButtonProps={{ danger: true }}
                >
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('departments.delete')} ${d.name}`}
                  />
                </Popconfirm>
              )}
            </Flex>
          ),
        },
      ]
    : [];
  // Inherited departments are the region above's: a change here makes this region's own in their place.
  const owner = (d: Department) =>
    d.own ? (
      <Tag color="blue">{t('departments.own')}</Tag>
    ) : (
      <Typography.Text type="secondary">{t('departments.inherited', { region: d.regionName })}</Typography.Text>
    );
  const columns: TableColumnsType<Department> = isPhone
    ? [
        {
          title: t('departments.col.name'),
          key: 'name',
          render: (_, d) => (
            <Flex vertical gap={6}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{d.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('departments.instructorCount', { count: d.instructors })}
                </Typography.Text>
              </Flex>
              {owner(d)}
              {industryTags(d)}
              {requestTags(d)}
            </Flex>
          ),
        },
        ...actions,
      ]
    : [
        { title: t('departments.col.sortOrder'), dataIndex: 'sortOrder', width: 64, align: 'right' },
        { title: t('departments.col.name'), dataIndex: 'name' },
        { title: t('departments.col.owner'), key: 'owner', render: (_, d) => owner(d) },
        { title: t('departments.col.industries'), key: 'industries', render: (_, d) => industryTags(d) },
        { title: t('departments.col.requests'), key: 'requests', render: (_, d) => requestTags(d) },
        { title: t('departments.col.instructors'), dataIndex: 'instructors', align: 'right' },
        ...actions,
      ];

  const form = editing && (
    <FormModal<Values, unknown>
      title={editing === 'new' ? t('departments.create') : `${t('departments.edit')} · ${editing.name}`}
      onClose={() => setEditing(null)}
      initialValues={
        editing === 'new'
          ? { sortOrder: (query.data?.length ?? 0) + 1, industries: [], requests: [] }
          : {
              name: editing.name,
              sortOrder: editing.sortOrder,
              industries: editing.industries,
              requests: editing.requests,
            }
      }
      submit={(v) => {
        const body = {
          name: v.name,
          sortOrder: v.sortOrder ?? 0,
          industries: v.industries ?? [],
          requests: v.requests ?? [],
        };
        return editing === 'new'
          ? api.post('/api/departments', body)
          : api.patch(`/api/departments/${editing.id}`, body);
      }}
      onDone={changed}
    >
      {editing !== 'new' && !editing.own && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('departments.inheritedNote')} />
      )}
      <Form.Item name="name" label={t('departments.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('departments.field.sortOrder')}>
        <InputNumber min={0} max={999} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="industries" label={t('departments.field.industries')}>
        <Select
          {...searchableMultiple}
          options={sections.sections.map((s) => ({ value: s.code, label: `${s.code} ${sections.name(s.code)}` }))}
        />
      </Form.Item>
      <Form.Item name="requests" label={t('departments.field.requests')}>
        <Select
          {...searchableMultiple}
          options={REQUEST_CODES.map((r) => ({ value: r, label: t(`instructors.requestCategory.${r}`) }))}
        />
      </Form.Item>
    </FormModal>
  );

  return (
    <>
      <PageTitle
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('departments.create')}
            </Button>
          )
        }
      >
        {t('departments.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('departments.intro')}</Typography.Paragraph>
      <Card size="small">
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : (
          <Table<Department>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={query.data}
            loading={query.isFetching}
            pagination={false}
            scroll={isPhone ? undefined : { x: 'max-content' }}
            data-testid="departments-table"
          />
        )}
      </Card>
      {form}
    </>
  );
}

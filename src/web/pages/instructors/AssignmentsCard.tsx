import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InstructorDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { EnterprisePicker } from '../orgs/EnterprisePicker.tsx';
import { FormModal } from '../orgs/FormModal.tsx';

type Row = InstructorDetail['assignments'][number];

/** The enterprises an instructor serves and served; with instructor.manage, assign and end. */
export function AssignmentsCard({ detail, onChanged }: { detail: InstructorDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Row | null>(null);
  const { instructor, assignments } = detail;
  const manage = can('instructor.manage');
  const current = assignments.filter((a) => a.active).length;

  const enterprise = (a: Row) => (
    <Flex vertical>
      <Link to={`/ledger/${a.enterpriseId}`}>{a.enterpriseName}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[a.regionName, a.note].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
  const period = (a: Row) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {a.startOn} – {a.endOn ?? ''}
      {a.active && (
        <Tag color="green" style={{ marginInlineStart: 8 }}>
          {t('instructors.assignments.current')}
        </Tag>
      )}
    </span>
  );
  const actions = manage
    ? [
        {
          title: isPhone ? '' : t('common.actions'),
          key: 'actions',
          render: (_: unknown, a: Row) =>
            a.endOn === null && (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEnding(a)}>
                {t('instructors.assignments.end')}
              </Button>
            ),
        },
      ]
    : [];
  const columns: TableColumnsType<Row> = isPhone
    ? [
        {
          title: t('instructors.assignments.enterprise'),
          key: 'enterprise',
          render: (_, a) => (
            <Flex vertical gap={2}>
              {enterprise(a)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {period(a)}
              </Typography.Text>
            </Flex>
          ),
        },
        ...actions,
      ]
    : [
        { title: t('instructors.assignments.enterprise'), key: 'enterprise', render: (_, a) => enterprise(a) },
        { title: t('instructors.assignments.period'), key: 'period', render: (_, a) => period(a) },
        ...actions,
      ];

  return (
    <Card
      size="small"
      title={t('instructors.assignments.title', { count: current })}
      extra={
        manage &&
        !instructor.leftOn && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('instructors.assignments.add')}
          </Button>
        )
      }
      data-testid="assignments-card"
    >
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={assignments}
        pagination={false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('instructors.assignments.empty') }}
        rowClassName={(a) => (a.active ? '' : 'dj-row-past')}
      />
      {adding && (
        <FormModal<{ enterpriseId?: number; startOn?: Dayjs; note?: string }, unknown>
          title={`${t('instructors.assignments.add')} · ${instructor.name}`}
          intro={<Typography.Paragraph type="secondary">{t('instructors.assignments.startHint')}</Typography.Paragraph>}
          onClose={() => setAdding(false)}
          fields={['enterpriseId', 'startOn', 'note']}
          initialValues={{ startOn: dayjs() }}
          submit={(v) =>
            api.post(`/api/instructors/${instructor.id}/assignments`, {
              enterpriseId: v.enterpriseId,
              startOn: toDay(v.startOn),
              note: v.note?.trim() || null,
            })
          }
          onDone={onChanged}
        >
          <Form.Item name="enterpriseId" label={t('instructors.assignments.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker multiple={false} />
          </Form.Item>
          <Form.Item name="startOn" label={t('instructors.assignments.startOn')} rules={[{ required: true }]}>
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="note" label={t('instructors.assignments.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
      {ending && (
        <FormModal<{ endOn?: Dayjs }, unknown>
          title={t('instructors.assignments.endTitle', { name: ending.enterpriseName })}
          intro={<Typography.Paragraph type="secondary">{t('instructors.assignments.endHint')}</Typography.Paragraph>}
          onClose={() => setEnding(null)}
          fields={['endOn']}
          initialValues={{ endOn: dayjs() }}
          okText={t('instructors.assignments.end')}
          danger
          submit={(v) =>
            api.post(`/api/instructors/${instructor.id}/assignments/${ending.id}/end`, { endOn: toDay(v.endOn) })
          }
          onDone={onChanged}
        >
          <Form.Item name="endOn" label={t('instructors.assignments.endOn')} rules={[{ required: true }]}>
            <DatePicker
              {...datePickerProps}
              disabledDate={(d) => afterToday(d) || !d.isAfter(fromDay(ending.startOn), 'day')}
            />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

import { DatePicker, Flex, Form, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InstructorDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { DateSpan, SubLine, TableCard } from '../../components/CardTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { EnterprisePicker } from '../orgs/EnterprisePicker.tsx';
import { AssignModal } from './AssignModal.tsx';

type Row = InstructorDetail['assignments'][number];

/** The enterprises an instructor serves and served; with instructor.manage, assign and end. */
export function AssignmentsCard({ detail, onChanged }: { detail: InstructorDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Row | null>(null);
  const { instructor, assignments } = detail;
  const manage = can('instructor.manage');
  const current = assignments.filter((a) => a.active).length;

  const enterprise = (a: Row) => (
    <Flex vertical>
      <Link to={`/ledger/${a.enterpriseId}`}>{a.enterpriseName}</Link>
      <SubLine>{[a.regionName, a.note].filter(Boolean).join(' · ')}</SubLine>
    </Flex>
  );
  const period = (a: Row) => (
    <DateSpan from={a.startOn} to={a.endOn} current={a.active ? t('instructors.assignments.current') : undefined} />
  );
  const columns: TableColumnsType<Row> = [
    { title: t('instructors.assignments.enterprise'), key: 'enterprise', render: (_, a) => enterprise(a) },
    { title: t('instructors.assignments.period'), key: 'period', render: (_, a) => period(a) },
  ];
  const phone: TableColumnsType<Row>[number] = {
    title: t('instructors.assignments.enterprise'),
    key: 'enterprise',
    render: (_, a) => (
      <Flex vertical gap={2}>
        {enterprise(a)}
        <SubLine>{period(a)}</SubLine>
      </Flex>
    ),
  };

  return (
    <TableCard<Row>
      title={t('instructors.assignments.title', { count: current })}
      testId="assignments-card"
      spaced={false}
      add={manage && !instructor.leftOn && { label: t('instructors.assignments.add'), onClick: () => setAdding(true) }}
      rows={assignments}
      empty={t('instructors.assignments.empty')}
      columns={columns}
      phone={phone}
      past={(a) => !a.active}
      action={
        manage && {
          label: t('instructors.assignments.end'),
          shown: (a) => a.endOn === null,
          onClick: setEnding,
        }
      }
    >
      {adding && (
        <AssignModal
          title={`${t('instructors.assignments.add')} · ${instructor.name}`}
          instructorId={instructor.id}
          onClose={() => setAdding(false)}
          onDone={onChanged}
        >
          <Form.Item name="enterpriseId" label={t('instructors.assignments.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker multiple={false} />
          </Form.Item>
        </AssignModal>
      )}
      {ending && (
        <FormModal<{ endOn?: Dayjs }, unknown>
          title={t('instructors.assignments.endTitle', { name: ending.enterpriseName })}
          intro={<Typography.Paragraph type="secondary">{t('instructors.assignments.endHint')}</Typography.Paragraph>}
          onClose={() => setEnding(null)}
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
    </TableCard>
  );
}

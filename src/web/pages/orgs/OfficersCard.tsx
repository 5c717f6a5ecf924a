import { Button, DatePicker, Flex, Form, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { OFFICER_POSTS } from '../../../domain/org/codes.ts';
import type { OrgOfficer } from '../../api/types.ts';
import { api } from '../../api.ts';
import { DetailCard } from '../../components/CardTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { useLedgerLabels } from '../ledger/labels.ts';
import { datePickerProps, fromDay, toDay } from './dates.ts';
import {
  CrossHoldingSummary,
  OfficerPostFields,
  OfficerPostsDrawer,
  OfficerPostTags,
  type OfficerPostValues,
  officerPostsBody,
} from './OfficerPosts.tsx';
import { useCodeOptions } from './OrgProfileFields.tsx';
import type { OrgSectionProps } from './section.ts';

const POSTS = OFFICER_POSTS.map((p) => p.code);

interface OfficerValues extends OfficerPostValues {
  post?: string;
  personName?: string;
  startOn?: Dayjs | null;
}

/** The secretary and committee members, in post and past; with org.write, appointments and departures. */
export function OfficersCard({ detail, dissolved, onChanged }: OrgSectionProps) {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const labels = useLedgerLabels();
  const options = useCodeOptions();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<OrgOfficer | null>(null);
  const [editing, setEditing] = useState<OrgOfficer | null>(null);
  const { org, officers } = detail;
  const current = officers.filter((o) => o.endOn === null);
  const write = can('org.write') && !dissolved;

  const term = (o: OrgOfficer) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {o.startOn ?? '—'} – {o.endOn ?? ''}
      {o.endOn === null && (
        <Tag color="green" style={{ marginInlineStart: 8 }}>
          {t('org.officer.inPost')}
        </Tag>
      )}
    </span>
  );
  const actions = write
    ? [
        {
          title: isPhone ? '' : t('common.actions'),
          key: 'actions',
          fixed: isPhone ? undefined : ('right' as const),
          render: (_: unknown, o: OrgOfficer) =>
            o.endOn === null && (
              <Flex gap={12}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(o)}>
                  {t('org.officer.editPosts')}
                </Button>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEnding(o)}>
                  {t('org.officer.end')}
                </Button>
              </Flex>
            ),
        },
      ]
    : [];
  const columns: TableColumnsType<OrgOfficer> = isPhone
    ? [
        {
          title: t('org.officer.personName'),
          key: 'person',
          render: (_, o) => (
            <Flex vertical>
              <span>
                {labels.code('officerPost', o.post)} {o.personName}
              </span>
              <OfficerPostTags officer={o} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {term(o)}
              </Typography.Text>
            </Flex>
          ),
        },
        ...actions,
      ]
    : [
        { title: t('org.officer.post'), dataIndex: 'post', render: (p: string) => labels.code('officerPost', p) },
        { title: t('org.officer.personName'), dataIndex: 'personName' },
        { title: t('org.officer.enterprisePost'), key: 'posts', render: (_, o) => <OfficerPostTags officer={o} /> },
        { title: t('org.officer.term'), key: 'term', render: (_, o) => term(o) },
        ...actions,
      ];

  return (
    <DetailCard
      title={t('org.officer.title', { count: current.length })}
      testId="officers-card"
      add={write && { label: t('org.officer.add'), onClick: () => setAdding(true) }}
    >
      <CrossHoldingSummary figures={detail.crossHolding} />
      <Table<OrgOfficer>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={officers}
        pagination={false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('org.officer.empty') }}
        rowClassName={(o) => (o.endOn === null ? '' : 'dj-row-past')}
      />
      {adding && (
        <FormModal<OfficerValues, unknown>
          title={t('org.officer.add')}
          onClose={() => setAdding(false)}
          initialValues={{
            post: current.some((o) => o.post === 'secretary') ? undefined : 'secretary',
            startOn: dayjs(),
          }}
          submit={(v) =>
            api.post(`/api/orgs/${org.id}/officers`, {
              post: v.post,
              personName: v.personName?.trim(),
              startOn: toDay(v.startOn),
              ...officerPostsBody(v),
            })
          }
          onDone={onChanged}
        >
          <Form.Item name="post" label={t('org.officer.post')} rules={[{ required: true }]}>
            <Select options={options('officerPost', POSTS)} />
          </Form.Item>
          <Form.Item
            name="personName"
            label={t('org.officer.personName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="startOn" label={t('org.officer.startOn')}>
            <DatePicker {...datePickerProps} />
          </Form.Item>
          <OfficerPostFields />
        </FormModal>
      )}
      {editing && (
        <OfficerPostsDrawer
          orgId={org.id}
          officer={editing}
          postLabel={labels.code('officerPost', editing.post)}
          onClose={() => setEditing(null)}
          onDone={onChanged}
        />
      )}
      {ending && (
        <FormModal<{ endOn?: Dayjs }, unknown>
          title={t('org.officer.endTitle', {
            name: ending.personName,
            post: labels.code('officerPost', ending.post),
          })}
          onClose={() => setEnding(null)}
          initialValues={{ endOn: dayjs() }}
          okText={t('org.officer.end')}
          submit={(v) => api.post(`/api/orgs/${org.id}/officers/${ending.id}/end`, { endOn: toDay(v.endOn) })}
          onDone={onChanged}
        >
          <Form.Item name="endOn" label={t('org.officer.endOn')} rules={[{ required: true }]}>
            <DatePicker
              {...datePickerProps}
              disabledDate={(d) => (ending.startOn ? d.isBefore(fromDay(ending.startOn), 'day') : false)}
            />
          </Form.Item>
        </FormModal>
      )}
    </DetailCard>
  );
}

import { DatePicker, Flex, Form, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OrgCoverage } from '../../api/types.ts';
import { api } from '../../api.ts';
import { DateSpan, SubLine, TableCard } from '../../components/CardTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { EnterpriseName } from '../ledger/EnterpriseTags.tsx';
import { CATEGORY_COLORS, useLedgerLabels } from '../ledger/labels.ts';
import { afterToday, datePickerProps, fromDay, toDay } from './dates.ts';
import { EnterprisePicker } from './EnterprisePicker.tsx';
import type { OrgSectionProps } from './section.ts';

/** The enterprises the org covers and covered, each linking to its ledger page; with org.manage, add and end. */
export function CoverageCard({ detail, dissolved, onChanged }: OrgSectionProps) {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const labels = useLedgerLabels();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<OrgCoverage | null>(null);
  const { org, coverages } = detail;
  const open = coverages.filter((c) => c.endOn === null);
  // A standalone org covers one enterprise at a time.
  const mayAdd = can('org.manage') && !dissolved && (org.formation === 'joint' || open.length === 0);

  const enterprise = (c: OrgCoverage) =>
    c.enterpriseName === null ? (
      t('org.outOfScope')
    ) : (
      <EnterpriseName id={c.enterpriseId} name={c.enterpriseName} uscc={c.uscc} />
    );
  const category = (c: OrgCoverage) =>
    c.category ? (
      <Tag color={CATEGORY_COLORS[c.category]} style={{ marginInlineEnd: 0 }}>
        {labels.code('category', c.category)}
      </Tag>
    ) : (
      '—'
    );
  const period = (c: OrgCoverage) => (
    <DateSpan from={c.startOn} to={c.endOn} current={c.endOn === null ? t('org.current') : undefined} wrap={isPhone} />
  );

  // On a phone one column tells it all (name, code, category, period), beside the action.
  const phone: TableColumnsType<OrgCoverage>[number] = {
    title: t('org.coverage.enterprise'),
    key: 'enterprise',
    render: (_, c) => (
      <Flex vertical gap={4}>
        {enterprise(c)}
        <Flex wrap gap={4} align="center">
          {category(c)}
          <SubLine>{period(c)}</SubLine>
        </Flex>
      </Flex>
    ),
  };
  const columns: TableColumnsType<OrgCoverage> = [
    { title: t('org.coverage.enterprise'), key: 'enterprise', render: (_, c) => enterprise(c) },
    { title: t('ledger.col.category'), key: 'category', render: (_, c) => category(c) },
    {
      title: t('ledger.col.members'),
      key: 'members',
      align: 'right',
      render: (_, c) =>
        c.memberCount === null ? '—' : t('ledger.members', { members: c.memberCount, full: c.fullMemberCount ?? 0 }),
    },
    { title: t('org.coverage.period'), key: 'period', render: (_, c) => period(c) },
  ];

  return (
    <TableCard<OrgCoverage>
      title={t('org.coverage.title', { count: open.length })}
      testId="coverage-card"
      add={mayAdd && { label: t('org.coverage.add'), onClick: () => setAdding(true) }}
      rows={coverages}
      empty={t('org.coverage.empty')}
      columns={columns}
      phone={phone}
      past={(c) => c.endOn !== null}
      action={
        can('org.manage') && {
          label: t('org.coverage.end'),
          shown: (c) => c.endOn === null,
          onClick: setEnding,
          fixed: true,
        }
      }
    >
      {adding && (
        <FormModal<{ enterpriseId?: number; startOn?: Dayjs }, unknown>
          title={t('org.coverage.add')}
          onClose={() => setAdding(false)}
          initialValues={{ startOn: dayjs() }}
          submit={(v) =>
            api.post(`/api/orgs/${org.id}/coverages`, { enterpriseId: v.enterpriseId, startOn: toDay(v.startOn) })
          }
          onDone={onChanged}
        >
          <Form.Item name="enterpriseId" label={t('org.coverage.enterprise')} rules={[{ required: true }]}>
            <EnterprisePicker multiple={false} />
          </Form.Item>
          <Form.Item name="startOn" label={t('org.coverage.startOn')} rules={[{ required: true }]}>
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
        </FormModal>
      )}
      {ending && (
        <FormModal<{ endOn?: Dayjs }, unknown>
          title={t('org.coverage.endTitle', { name: ending.enterpriseName ?? '' })}
          intro={<Typography.Paragraph type="secondary">{t('org.coverage.endHint')}</Typography.Paragraph>}
          onClose={() => setEnding(null)}
          initialValues={{ endOn: dayjs() }}
          okText={t('org.coverage.end')}
          danger
          submit={(v) => api.post(`/api/orgs/${org.id}/coverages/${ending.id}/end`, { endOn: toDay(v.endOn) })}
          onDone={onChanged}
        >
          <Form.Item name="endOn" label={t('org.coverage.endOn')} rules={[{ required: true }]}>
            <DatePicker {...datePickerProps} disabledDate={(d) => d.isBefore(fromDay(ending.startOn), 'day')} />
          </Form.Item>
        </FormModal>
      )}
    </TableCard>
  );
}

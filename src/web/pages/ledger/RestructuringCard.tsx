import { CheckCircleFilled, ClockCircleOutlined, EditOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { addDays } from '../../../domain/calendarDate.ts';
import type { Restructuring, RestructuringItem, RestructuringState } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ListAlert } from '../../components/ListAlert.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';

/** The three things done together (rules.md §3), in the checklist's order. */
const ITEMS: RestructuringItem[] = ['plansSubmittedOn', 'headsFixedOn', 'supervisionOn'];
const FIELDS = ['restructuredOn', ...ITEMS] as const;

export const restructuringKey = (id: number | string) => ['ledger', 'restructuring', String(id)] as const;

export function useRestructuring(enterpriseId: number | string) {
  return useQuery({
    queryKey: restructuringKey(enterpriseId),
    queryFn: () => api.get<RestructuringState>(`/api/enterprises/${enterpriseId}/restructuring`),
  });
}

/**
 * 三同步 of a restructured enterprise: the date of the restructuring, each of the three items
 * done (with its date) or still open, and what is overdue; with ledger.write, 修改.
 */
export function RestructuringCard({ state, onEdit }: { state: RestructuringState; onEdit: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const r = state.restructuring;
  if (!r) return null;
  const overdue = new Map(state.prompts.map((p) => [p.item, p]));
  const graceEnds = addDays(r.restructuredOn, state.graceDays);

  const status = (item: RestructuringItem) => {
    const done = r[item];
    if (done) {
      return (
        <Typography.Text>
          <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} />
          {t('restructuring.doneOn', { date: done })}
        </Typography.Text>
      );
    }
    const late = overdue.get(item);
    return late ? (
      <Typography.Text type="danger">
        <ExclamationCircleFilled style={{ marginInlineEnd: 6 }} />
        {t('restructuring.overdue', { date: late.dueOn })}
      </Typography.Text>
    ) : (
      <Typography.Text type="warning">
        <ClockCircleOutlined style={{ marginInlineEnd: 6 }} />
        {t('restructuring.open', { date: graceEnds })}
      </Typography.Text>
    );
  };

  return (
    <Card
      size="small"
      title={t('restructuring.title')}
      extra={
        can('ledger.write') && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            {t('restructuring.edit')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="restructuring-card"
    >
      <ListAlert
        type="error"
        title={t('restructuring.promptCount', { count: state.prompts.length })}
        items={state.prompts.map((p) => ({ key: p.item, text: p.message }))}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('history.field', { field: t('restructuring.restructuredOn') })}
        <Typography.Text strong>{r.restructuredOn}</Typography.Text>
      </Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {ITEMS.map((item) => (
          <Flex
            component="li"
            key={item}
            wrap
            gap={8}
            justify="space-between"
            style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}
            data-testid={`restructuring-${item}`}
          >
            <span>{t(`restructuring.item.${item}`)}</span>
            {status(item)}
          </Flex>
        ))}
      </ul>
    </Card>
  );
}

type Values = Partial<Record<(typeof FIELDS)[number], Dayjs | null>>;

/** Records the restructuring, or updates its dates; the server refuses dates after today, under the field. */
export function RestructuringModal({
  enterpriseId,
  current,
  onClose,
}: {
  enterpriseId: number;
  current: Restructuring | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const initialValues: Values = Object.fromEntries(FIELDS.map((f) => [f, fromDay(current?.[f])]));

  return (
    <FormModal<Values, RestructuringState>
      title={t(current ? 'restructuring.editTitle' : 'restructuring.record')}
      intro={<Typography.Paragraph type="secondary">{t('restructuring.formHint')}</Typography.Paragraph>}
      onClose={onClose}
      initialValues={initialValues}
      submit={(v) =>
        api.put<RestructuringState>(
          `/api/enterprises/${enterpriseId}/restructuring`,
          Object.fromEntries(FIELDS.map((f) => [f, toDay(v[f])])),
        )
      }
      saved={t('restructuring.saved')}
      refresh={['prompts']}
      onDone={(state) => client.setQueryData(restructuringKey(enterpriseId), state)}
    >
      <PastDayItem name="restructuredOn" label={t('restructuring.restructuredOn')} />
      {ITEMS.map((item) => (
        <Form.Item key={item} name={item} label={t(`restructuring.item.${item}`)} extra={t('restructuring.itemHint')}>
          <DatePicker {...datePickerProps} disabledDate={afterToday} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

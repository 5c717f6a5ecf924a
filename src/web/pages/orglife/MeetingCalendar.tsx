import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { MeetingStatus } from './types.ts';

type PeriodState = MeetingStatus['rows'][number]['periods'][number]['state'];

const COLOR: Record<PeriodState, string> = {
  held: 'green',
  due: 'gold',
  overdue: 'red',
  upcoming: 'default',
  before: 'default',
};

/**
 * The year of an org's meetings by the required frequency: one line per kind (and per party
 * group), one tag per period, held or not. Nothing is added up into a score.
 */
export function MeetingCalendar({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  if (status.rows.length === 0) return <Typography.Text type="secondary">{t('orglife.calendarNone')}</Typography.Text>;
  const periodLabel = (frequency: MeetingStatus['rows'][number]['frequency'], start: string) => {
    const month = Number(start.slice(5, 7));
    if (frequency === 'month') return t('orglife.period.month', { n: month });
    if (frequency === 'quarter') return t('orglife.period.quarter', { n: (month + 2) / 3 });
    if (frequency === 'half_year') return t(month === 1 ? 'orglife.period.half1' : 'orglife.period.half2');
    return t('orglife.period.year');
  };
  return (
    <Flex vertical gap={10} data-testid="meeting-calendar">
      {status.rows.map((row) => (
        <div key={`${row.kind}-${row.partyGroupId ?? ''}`}>
          <Typography.Text strong>
            {t(`orglife.kind.${row.kind}`)}
            {row.partyGroupName && ` · ${row.partyGroupName}`}
          </Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orglife.frequency', { frequency: t(`orglife.freq.${row.frequency}`) })}
          </Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {row.periods.map((p) => (
              <Tooltip key={p.start} title={`${p.start} – ${p.end}`}>
                <Tag color={COLOR[p.state]} style={{ marginInlineEnd: 0 }}>
                  {periodLabel(row.frequency, p.start)} {t(`orglife.state.${p.state}`)}
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

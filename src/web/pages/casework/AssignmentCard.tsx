import { Button, Card, Flex, Popover, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { CaseworkAssignment } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { sundayOf } from './labels.ts';

const WEEK_COLORS = { done: 'green', open: 'orange', not_required: 'default' } as const;

/** This week's contact state of one assignment, its missed weeks and what to do next. */
export function AssignmentCard({
  a,
  perWeek,
  showInstructor,
  actions = true,
  silentDays,
}: {
  a: CaseworkAssignment;
  perWeek: number;
  showInstructor: boolean;
  actions?: boolean;
  /** The days after which an open request counts as without an update; its count shows when given. */
  silentDays?: number;
}) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const missed = a.missedWeeks.length;
  const weeks = (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="missed-weeks">
      {[...a.missedWeeks].reverse().map((m) => (
        <li key={m}>{t('casework.week', { from: m, to: sundayOf(m) })}</li>
      ))}
    </ul>
  );
  return (
    <Card size="small" data-testid="assignment-card" style={{ height: '100%' }}>
      <Flex vertical gap={6}>
        <Typography.Text strong style={{ fontSize: 16, wordBreak: 'break-all' }}>
          {a.enterpriseName}
        </Typography.Text>
        {showInstructor && (
          <Typography.Text type="secondary">
            {a.instructorName} · {a.sourceDepartmentName}
          </Typography.Text>
        )}
        <Flex wrap gap={4}>
          <Tag color={WEEK_COLORS[a.thisWeek]} data-testid="this-week">
            {a.thisWeek === 'done'
              ? t('casework.thisWeek.done', { n: a.contactsThisWeek })
              : a.thisWeek === 'open'
                ? t('casework.thisWeek.open', { n: a.contactsThisWeek, need: perWeek })
                : t('casework.thisWeek.not_required')}
          </Tag>
          {missed > 0 ? (
            <Popover title={t('casework.missedWeeks')} content={weeks} trigger="click">
              <Tag color="red" style={{ cursor: 'pointer' }} data-testid="missed-count">
                {t('casework.missed', { n: missed })}
              </Tag>
            </Popover>
          ) : (
            <Tag data-testid="missed-count">{t('casework.noMissed')}</Tag>
          )}
          {a.openRequests > 0 && <Tag color="blue">{t('casework.openRequests', { n: a.openRequests })}</Tag>}
          {silentDays !== undefined && a.silentRequests > 0 && (
            <Tag color="volcano" data-testid="silent-requests">
              {t('casework.silentRequests', { n: a.silentRequests, days: silentDays })}
            </Tag>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.lastContactOn ? t('casework.lastContact', { date: a.lastContactOn }) : t('casework.neverContacted')} ·{' '}
          {t('casework.since', { date: a.startOn })}
        </Typography.Text>
        {can('org.read') && a.orgs.length > 0 && (
          <Typography.Text data-testid="assignment-orgs" style={{ wordBreak: 'break-all' }}>
            {t('casework.orgs')}
            {a.orgs.map((o, i) => (
              <span key={o.id}>
                {i > 0 && '、'}
                <Link to={`/orgs/${o.id}`}>{o.name}</Link>
              </span>
            ))}
          </Typography.Text>
        )}
        {actions && (
          <Flex gap={8}>
            {can('instructor.record') && (
              <Button
                type="primary"
                style={{ flex: 1 }}
                onClick={() => navigate(`/casework/contact?assignment=${a.id}`)}
              >
                {t('casework.record')}
              </Button>
            )}
            <Button style={{ flex: 1 }} onClick={() => navigate(`/casework/assignments/${a.id}`)}>
              {t('casework.details')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

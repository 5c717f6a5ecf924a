import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.ts';
import { WithdrawButton } from '../../components/WithdrawButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { CloseRectificationModal } from './CloseRectificationModal.tsx';
import { FollowUpModal } from './FollowUpModal.tsx';
import { MemberAppraisalDrawer } from './MemberAppraisalDrawer.tsx';
import { OrgAppraisalDrawer } from './OrgAppraisalDrawer.tsx';
import { GRADE_COLOR, type MemberAppraisal, type OrgAppraisal, type OrgAppraisals, RESULT_COLOR } from './types.ts';

const small = { fontSize: 12 } as const;
const past = (date: string) => dayjs().isAfter(date, 'day');

/** Where a 软弱涣散 org's rectification stands: open, overdue, or closed on a day. */
function RectificationTag({ a }: { a: OrgAppraisal }) {
  const { t } = useI18n();
  if (!a.weak || a.rectificationDueOn === null) return null;
  if (a.rectifiedOn !== null) return <Tag color="green">{t('appraisal.rect.closed', { date: a.rectifiedOn })}</Tag>;
  return past(a.rectificationDueOn) ? (
    <Tag color="red">{t('appraisal.rect.overdue', { date: a.rectificationDueOn })}</Tag>
  ) : (
    <Tag color="orange">{t('appraisal.rect.open', { date: a.rectificationDueOn })}</Tag>
  );
}

/** A 基本合格 or 不合格 member's follow-up: recorded, or owed (by a day for 不合格). */
function FollowUpText({ m }: { m: MemberAppraisal }) {
  const { t } = useI18n();
  if (m.followUp !== null) {
    return (
      <Typography.Text type="secondary" style={small}>
        {[
          t(`appraisal.followUp.${m.followUp}`),
          m.followUpOn,
          m.correctBy ? t('appraisal.followUp.correctByShown', { date: m.correctBy }) : null,
          m.followUpNote,
        ]
          .filter((s) => s)
          .join(' · ')}
      </Typography.Text>
    );
  }
  if (m.followUpDueOn === null) {
    return m.result === 'basically_qualified' ? <Tag>{t('appraisal.followUp.none')}</Tag> : null;
  }
  return past(m.followUpDueOn) ? (
    <Tag color="red">{t('appraisal.followUp.overdue', { date: m.followUpDueOn })}</Tag>
  ) : (
    <Tag color="orange">{t('appraisal.followUp.due', { date: m.followUpDueOn })}</Tag>
  );
}

/**
 * The org page's appraisals: its yearly grades with 软弱涣散 rectification (recorded and closed
 * by the body above), and its members' 民主评议 results with their follow-ups (by the branch).
 */
export function AppraisalsCard({ orgId, dissolved }: { orgId: number; dissolved: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const [open, setOpen] = useState<'org' | 'member' | null>(null);
  const [closing, setClosing] = useState<OrgAppraisal | null>(null);
  const [following, setFollowing] = useState<MemberAppraisal | null>(null);
  const query = useQuery({
    queryKey: ['orgs', 'appraisals', orgId],
    queryFn: () => api.get<OrgAppraisals>(`/api/orgs/${orgId}/appraisals`),
    enabled: can('orglife.read'),
  });
  if (!can('orglife.read') || !query.data) return null;
  const manage = can('appraisal.manage') && !dissolved;
  const write = can('orglife.write') && !dissolved;
  const { orgAppraisals, memberAppraisals } = query.data;
  return (
    <Card size="small" title={t('appraisal.card.title')} style={{ marginBottom: 16 }} data-testid="org-appraisals">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('appraisal.org.title')}</Typography.Text>
        {manage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen('org')} data-testid="org-appraisal-add">
            {t('appraisal.org.create')}
          </Button>
        )}
      </Flex>
      {orgAppraisals.length === 0 ? (
        <Typography.Text type="secondary">{t('appraisal.org.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={orgAppraisals}
          rowKey="id"
          renderItem={(a) => (
            <List.Item
              actions={
                manage
                  ? [
                      a.weak && a.rectifiedOn === null && (
                        <Button key="close" size="small" type="link" onClick={() => setClosing(a)}>
                          {t('appraisal.rect.close')}
                        </Button>
                      ),
                      <WithdrawButton
                        key="withdraw"
                        path={`/api/org-appraisals/${a.id}`}
                        areas={['orgs', 'reports']}
                      />,
                    ]
                  : []
              }
            >
              <Flex vertical gap={4}>
                <Flex wrap gap={4} align="center">
                  <Tag color={GRADE_COLOR[a.grade]}>
                    {t('appraisal.yearGrade', { year: a.year, grade: t(`appraisal.grade.${a.grade}`) })}
                  </Tag>
                  {a.fourStrong && <Tag color="red">{t('appraisal.fourStrong')}</Tag>}
                  {a.fiveGood && <Tag color="red">{t('appraisal.fiveGood')}</Tag>}
                  {a.weak && <Tag color="volcano">{t('appraisal.weak')}</Tag>}
                  <RectificationTag a={a} />
                </Flex>
                <Typography.Text type="secondary" style={small}>
                  {[a.appraisingBody, a.appraisedOn, a.note].filter((s) => s).join(' · ')}
                </Typography.Text>
                {a.rectificationSteps && (
                  <ol style={{ margin: 0, paddingInlineStart: 20, ...small }}>
                    {a.rectificationSteps.map((s, i) => (
                      // The steps are the plan's, in its order; none is edited alone.
                      // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
                      <li key={i}>{s}</li>
                    ))}
                  </ol>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '12px 0 4px' }}>
        <Typography.Text strong>{t('appraisal.member.title')}</Typography.Text>
        {write && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen('member')}
            data-testid="member-appraisal-add"
          >
            {t('appraisal.member.create')}
          </Button>
        )}
      </Flex>
      {memberAppraisals.length === 0 ? (
        <Typography.Text type="secondary">{t('appraisal.member.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={memberAppraisals}
          rowKey="id"
          renderItem={(m) => (
            <List.Item
              actions={
                write
                  ? [
                      m.followUp === null && (m.result === 'unqualified' || m.result === 'basically_qualified') && (
                        <Button key="follow" size="small" type="link" onClick={() => setFollowing(m)}>
                          {t('appraisal.followUp.record')}
                        </Button>
                      ),
                      <WithdrawButton
                        key="withdraw"
                        path={`/api/member-appraisals/${m.id}`}
                        areas={['orgs', 'reports', 'todo', 'prompts']}
                        testId="member-appraisal-withdraw"
                      />,
                    ]
                  : []
              }
            >
              <Flex wrap gap={4} align="center">
                <Typography.Text>{m.memberName}</Typography.Text>
                <Tag color={RESULT_COLOR[m.result]}>{`${m.year} · ${t(`appraisal.result.${m.result}`)}`}</Tag>
                {m.fourExcellent && <Tag color="red">{t('appraisal.fourExcellent')}</Tag>}
                <FollowUpText m={m} />
              </Flex>
            </List.Item>
          )}
        />
      )}
      {open === 'org' && <OrgAppraisalDrawer orgId={orgId} onClose={() => setOpen(null)} />}
      {open === 'member' && <MemberAppraisalDrawer orgId={orgId} onClose={() => setOpen(null)} />}
      {closing && <CloseRectificationModal appraisal={closing} onClose={() => setClosing(null)} />}
      {following && <FollowUpModal appraisal={following} onClose={() => setFollowing(null)} />}
    </Card>
  );
}

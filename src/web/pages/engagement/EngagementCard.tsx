import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OrgDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { WithdrawButton } from '../../components/WithdrawButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { JointActivityModal } from './JointActivityModal.tsx';
import { OpenActivityDrawer } from './OpenActivityDrawer.tsx';
import { OwnerEngagementDrawer } from './OwnerEngagementDrawer.tsx';
import { PairingDrawer } from './PairingDrawer.tsx';
import type { OrgEngagement, OwnerEngagement, Pairing } from './types.ts';

const small = { fontSize: 12 } as const;

function Heading({ title, action }: { title: string; action?: React.ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0 4px' }}>
      <Typography.Text strong>{title}</Typography.Text>
      {action}
    </Flex>
  );
}

/** What an owner engagement record says, in one line. */
function useOwnerLine() {
  const { t } = useI18n();
  return (g: OwnerEngagement) =>
    [
      g.topics,
      g.outcome,
      g.hours !== null ? t('engagement.owner.hours', { hours: g.hours }) : null,
      g.venue !== null ? t('engagement.owner.venue', { venue: g.venue }) : null,
      g.funds !== null ? t('engagement.owner.funds', { funds: g.funds }) : null,
      g.note,
    ]
      .filter((s) => s)
      .join('；');
}

/**
 * The org page's open activities, pairings and owner engagement: listed for whoever reads the
 * org's life, recorded by its secretary (on a phone too) or the committee.
 */
export function EngagementCard({ detail, dissolved }: { detail: OrgDetail; dissolved: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const orgId = detail.org.id;
  const [open, setOpen] = useState<'activity' | 'pairing' | 'owner' | null>(null);
  const [joint, setJoint] = useState<Pairing | null>(null);
  const ownerLine = useOwnerLine();
  const query = useQuery({
    queryKey: ['orgs', 'engagement', orgId],
    queryFn: () => api.get<OrgEngagement>(`/api/orgs/${orgId}/engagement`),
    enabled: can('orglife.read'),
  });
  if (!can('orglife.read') || !query.data) return null;
  const write = can('orglife.write') && !dissolved;
  const enterprises = detail.coverages
    .filter((c) => c.endOn === null && c.enterpriseName !== null)
    .map((c) => ({ id: c.enterpriseId, name: c.enterpriseName as string }));
  const add = (what: typeof open, label: string, testId: string) =>
    write && (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(what)} data-testid={testId}>
        {label}
      </Button>
    );
  const { openActivities, pairings, ownerEngagements } = query.data;
  const empty = <Typography.Text type="secondary">{t('engagement.empty')}</Typography.Text>;
  return (
    <Card size="small" title={t('engagement.card.title')} style={{ marginBottom: 16 }} data-testid="org-engagement">
      <Heading
        title={t('engagement.activity.title')}
        action={add('activity', t('engagement.activity.create'), 'open-activity-add')}
      />
      {openActivities.length === 0 ? (
        empty
      ) : (
        <List
          size="small"
          dataSource={openActivities}
          rowKey="id"
          renderItem={(a) => (
            <List.Item
              actions={
                write
                  ? [
                      <WithdrawButton
                        key="withdraw"
                        path={`/api/open-activities/${a.id}`}
                        areas={['orgs', 'reports']}
                      />,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2}>
                <Typography.Text>{a.title}</Typography.Text>
                <Typography.Text type="secondary" style={small}>
                  {[
                    a.heldOn,
                    a.place,
                    t('engagement.activity.summary', { members: a.participants.length, others: a.nonMemberCount }),
                  ]
                    .filter((s) => s)
                    .join(' · ')}
                </Typography.Text>
                {a.participants.length > 0 && (
                  <Typography.Text type="secondary" style={small}>
                    {a.participants.map((p) => p.name).join('、')}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Heading
        title={t('engagement.pairing.title')}
        action={add('pairing', t('engagement.pairing.create'), 'pairing-add')}
      />
      {pairings.length === 0 ? (
        empty
      ) : (
        <List
          size="small"
          dataSource={pairings}
          rowKey="id"
          renderItem={(p) => (
            <List.Item
              actions={
                write && p.orgId === orgId
                  ? [
                      <Button key="joint" size="small" type="link" onClick={() => setJoint(p)}>
                        {t('engagement.joint.create')}
                      </Button>,
                      <WithdrawButton
                        key="withdraw"
                        path={`/api/pairings/${p.id}`}
                        confirm={t('engagement.pairing.withdrawConfirm', { n: p.activities.length })}
                        areas={['orgs', 'reports']}
                      />,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2}>
                <span>
                  <Tag>{t(`engagement.partner.${p.partnerKind}`)}</Tag>
                  {p.partnerName}
                </span>
                <Typography.Text type="secondary" style={small}>
                  {p.endOn
                    ? t('engagement.pairing.period', { start: p.startOn, end: p.endOn })
                    : t('engagement.pairing.from', { date: p.startOn })}
                </Typography.Text>
                {p.activities.map((x) => (
                  <Flex key={x.id} gap={8} wrap align="baseline">
                    <Typography.Text type="secondary" style={small}>
                      {[x.heldOn, x.title, x.content].filter((s) => s).join(' · ')}
                    </Typography.Text>
                    {write && p.orgId === orgId && (
                      <WithdrawButton path={`/api/pairing-activities/${x.id}`} areas={['orgs', 'reports']} />
                    )}
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Heading
        title={t('engagement.owner.title')}
        action={enterprises.length > 0 && add('owner', t('engagement.owner.create'), 'owner-engagement-add')}
      />
      {ownerEngagements.length === 0 ? (
        empty
      ) : (
        <List
          size="small"
          dataSource={ownerEngagements}
          rowKey="id"
          renderItem={(g) => (
            <List.Item
              actions={
                write
                  ? [
                      <WithdrawButton
                        key="withdraw"
                        path={`/api/owner-engagements/${g.id}`}
                        areas={['orgs', 'ledger', 'reports']}
                      />,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2}>
                <span>
                  <Tag color="blue">{t(`engagement.kind.${g.kind}`)}</Tag>
                  <Typography.Text type="secondary" style={small}>
                    {[g.occurredOn, g.ownerName, enterprises.length > 1 ? g.enterpriseName : null]
                      .filter((s) => s)
                      .join(' · ')}
                  </Typography.Text>
                </span>
                {ownerLine(g) && <Typography.Text style={small}>{ownerLine(g)}</Typography.Text>}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {open === 'activity' && <OpenActivityDrawer orgId={orgId} onClose={() => setOpen(null)} />}
      {open === 'pairing' && <PairingDrawer orgId={orgId} onClose={() => setOpen(null)} />}
      {open === 'owner' && <OwnerEngagementDrawer enterprises={enterprises} onClose={() => setOpen(null)} />}
      {joint && <JointActivityModal pairing={joint} onClose={() => setJoint(null)} />}
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Tag, Typography } from 'antd';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SitePlace } from './HonourLists.tsx';
import type { Honour, OrgHonours } from './types.ts';

function HonourItems({ items, showMember }: { items: Honour[]; showMember: boolean }) {
  const { t } = useI18n();
  return (
    <List<Honour>
      size="small"
      dataSource={items}
      rowKey="id"
      renderItem={(h) => (
        <List.Item>
          <Flex vertical gap={2}>
            <span>
              <Typography.Text strong>{h.title}</Typography.Text>{' '}
              {showMember && h.memberName && <Tag>{t('honours.card.member', { name: h.memberName })}</Tag>}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[h.awardingBody, t(`honours.level.${h.level}`), h.awardedOn].join(' · ')}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** An org's honours (its own and its members') and its demonstration sites, on the org's page; hidden when none. */
export function OrgHonoursCard({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['orgs', 'honours', orgId],
    queryFn: () => api.get<OrgHonours>(`/api/orgs/${orgId}/honours`),
  });
  const data = query.data;
  if (!data || (data.honours.length === 0 && data.demonstrationSites.length === 0)) return null;
  return (
    <Card size="small" title={t('honours.card.title')} style={{ marginBottom: 16 }} data-testid="org-honours">
      {data.honours.length > 0 && <HonourItems items={data.honours} showMember />}
      {data.demonstrationSites.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('honours.card.sites')}
          </Typography.Title>
          {data.demonstrationSites.map((s) => (
            <div key={s.id} style={{ marginBottom: 4 }}>
              <Tag color="red">{`${s.year} · ${t(`honours.level.${s.level}`)}`}</Tag>
              {s.name}
              {s.enterpriseId !== null && (
                <Typography.Text type="secondary">
                  {' · '}
                  <SitePlace s={s} />
                </Typography.Text>
              )}
            </div>
          ))}
        </>
      )}
    </Card>
  );
}

/** A member's honours, on the member's page; hidden when none. */
export function MemberHonoursCard({ memberId }: { memberId: number }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['members', 'honours', memberId],
    queryFn: () => api.get<ApiResponse<'/api/members/{id}/honours'>>(`/api/members/${memberId}/honours`),
  });
  if (!query.data || query.data.length === 0) return null;
  return (
    <Card size="small" title={t('honours.tab.honours')} style={{ marginBottom: 16 }} data-testid="member-honours">
      <HonourItems items={query.data} showMember={false} />
    </Card>
  );
}

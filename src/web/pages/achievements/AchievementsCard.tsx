import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useState } from 'react';
import type { ApiResponse, OrgDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { AchievementFormDrawer } from './AchievementFormDrawer.tsx';
import { AchievementList } from './AchievementList.tsx';

/** What the org achieved (作用发挥) on its page; whoever records for it adds one here. */
export function OrgAchievementsCard({ detail, dissolved }: { detail: OrgDetail; dissolved: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const orgId = detail.org.id;
  const query = useQuery({
    queryKey: ['achievements', 'org', orgId],
    queryFn: () => api.get<ApiResponse<'/api/orgs/{id}/achievements'>>(`/api/orgs/${orgId}/achievements`),
    enabled: can('orglife.read'),
  });
  if (!can('orglife.read')) return null;
  // Recorded for the enterprises the org covers now (an earlier one through the API, with its date).
  const enterprises = detail.coverages
    .filter((c) => c.endOn === null && c.enterpriseName !== null)
    .map((c) => ({ id: c.enterpriseId, name: c.enterpriseName as string }));
  return (
    <Card
      size="small"
      title={t('achievements.title')}
      style={{ marginBottom: 16 }}
      data-testid="org-achievements"
      extra={
        can('orglife.write') &&
        !dissolved &&
        enterprises.length > 0 && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('achievements.add')}
          </Button>
        )
      }
    >
      <AchievementList items={query.data ?? []} />
      {adding && <AchievementFormDrawer orgId={orgId} enterprises={enterprises} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** What the orgs achieved at this enterprise, on its page; hidden when there is nothing to show. */
export function EnterpriseAchievementsCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useI18n();
  const can = useCan();
  const query = useQuery({
    queryKey: ['achievements', 'enterprise', enterpriseId],
    queryFn: () =>
      api.get<ApiResponse<'/api/enterprises/{id}/achievements'>>(`/api/enterprises/${enterpriseId}/achievements`),
    enabled: can('orglife.read'),
  });
  if (!query.data || query.data.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('achievements.title')}
      style={{ marginBottom: 16 }}
      data-testid="enterprise-achievements"
    >
      <AchievementList items={query.data} showOrg />
    </Card>
  );
}

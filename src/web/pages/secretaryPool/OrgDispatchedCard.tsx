import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import type { OrgDispatch } from './types.ts';

/** 下派书记 on an org's page: who was sent to it, from where, and for how long; hidden when none ever was. */
export function OrgDispatchedCard({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  const can = useCan();
  const query = useQuery({
    queryKey: ['orgs', 'dispatched', orgId],
    queryFn: () => api.get<OrgDispatch[]>(`/api/orgs/${orgId}/dispatched-secretaries`),
  });
  if (!query.data || query.data.length === 0) return null;
  return (
    <Card size="small" title={t('pool.orgCard.title')} style={{ marginBottom: 16 }} data-testid="org-dispatched">
      <List<OrgDispatch>
        size="small"
        dataSource={query.data}
        rowKey="id"
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {can('pool.read') ? <Link to={`/secretary-pool/${d.secretaryId}`}>{d.name}</Link> : d.name}{' '}
                  {d.endOn === null && <Tag color="blue">{t('pool.dispatch.serving')}</Tag>}
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {t('pool.orgCard.from', { unit: d.originUnit, origin: t(`pool.origin.${d.origin}`) })}
                  {' · '}
                  {t('pool.orgCard.period', { start: d.startOn, end: d.endOn ?? t('pool.orgCard.now') })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

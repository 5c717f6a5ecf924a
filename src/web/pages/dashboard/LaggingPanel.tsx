import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { percent } from '../../../domain/stats/rate.ts';
import type { ApiResponse, Scope } from '../../api/types.ts';
import { ApiError, api } from '../../api.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

interface Props {
  region: string;
  date: string;
  scope: Scope;
  drillHref: (code: string) => string;
}

/**
 * The child regions lagging behind (rules.md §9) from GET /api/reports/lagging/regions (the
 * lagging list without its lists of items, which the panel does not show), each with its reasons. A deployment without the reports area answers 404 for the path: then the panel is
 * left out rather than shown broken.
 */
export function LaggingPanel({ region, date, scope, drillHref }: Props) {
  const { t, has } = useI18n();
  const query = useQuery({
    queryKey: ['reports', 'lagging', 'regions', region, date, scope],
    queryFn: () =>
      api.get<ApiResponse<'/api/reports/lagging/regions'>>('/api/reports/lagging/regions', { region, date, scope }),
    retry: false,
  });
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return null;
    return (
      <Card title={t('dashboard.lagging')} size="small">
        <Typography.Text type="danger">{query.error.message}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card title={t('dashboard.lagging')} size="small" loading={query.isPending} style={{ height: '100%' }}>
      <List
        size="small"
        dataSource={query.data?.regions ?? []}
        locale={{ emptyText: t('dashboard.noLagging') }}
        renderItem={(r) => (
          <List.Item data-testid={`lagging-${r.region}`}>
            <List.Item.Meta
              title={
                <Link to={drillHref(r.region)}>
                  {r.name} {percent(r.orgCoverageRate)}
                </Link>
              }
              description={r.reasons.map((reason) => {
                const key = `dashboard.laggingReason.${reason.code}`;
                return (
                  <Tag key={reason.code} color="orange" title={reason.text}>
                    {has(key) ? t(key as MessageKey) : reason.text}
                  </Tag>
                );
              })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { percent } from '../../../../domain/stats/rate.ts';
import type { QuarterlyChildSubmissions } from '../../../api/types.ts';
import { api } from '../../../api.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../../i18n/index.tsx';
import { STATUS_COLOR, when } from './format.ts';
import { ReturnModal } from './ReasonModal.tsx';

type Child = QuarterlyChildSubmissions['children'][number];

/** For a parent region: where each child region's report of the quarter stands, with 退回. */
export function ChildSubmissions({ region, quarter }: { region: string; quarter: string }) {
  const { t } = useI18n();
  const [returning, setReturning] = useState<Child | null>(null);
  const query = useQuery({
    queryKey: ['reports', 'submissions', { region, quarter }],
    queryFn: () => api.get<QuarterlyChildSubmissions>('/api/reports/quarterly/submissions', { region, quarter }),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const data = query.data;
  if (data && data.children.length === 0) return null;
  return (
    <Card
      size="small"
      loading={!data}
      title={t('submission.children')}
      extra={data && t('submission.childrenHint', { quarter: data.quarter, due: data.dueOn })}
    >
      <Table<Child>
        size="small"
        rowKey="region"
        pagination={false}
        dataSource={data?.children}
        scroll={{ x: 'max-content' }}
        data-testid="child-submissions"
        columns={[
          { title: t('submission.col.region'), dataIndex: 'name', fixed: 'left' },
          {
            title: t('submission.col.status'),
            dataIndex: 'status',
            render: (s: Child['status'], c) => (
              <>
                <Tag color={STATUS_COLOR[s]}>{t(`submission.status.${s}` as MessageKey)}</Tag>
                {c.returned && <div style={{ fontSize: 12 }}>{c.returned.reason}</div>}
              </>
            ),
          },
          { title: t('submission.firstAt'), dataIndex: 'firstAt', render: when },
          { title: t('submission.submittedBy'), dataIndex: 'submittedBy', render: (s: string | null) => s ?? '—' },
          {
            title: t('submission.col.newOrgs'),
            dataIndex: 'newOrgs',
            align: 'right',
            render: (n: number | null) => n ?? '—',
          },
          { title: t('submission.col.rate'), dataIndex: 'orgCoverageRate', align: 'right', render: percent },
          { title: t('submission.col.resubmissions'), dataIndex: 'resubmissions', align: 'right' },
          ...(data?.canReturn
            ? [
                {
                  title: t('submission.col.actions'),
                  key: 'actions',
                  render: (_: unknown, c: Child) =>
                    (c.status === 'on_time' || c.status === 'late') && (
                      <Button size="small" danger onClick={() => setReturning(c)} data-testid={`return-${c.region}`}>
                        {t('submission.return')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {returning && <ReturnModal child={returning} quarter={quarter} onClose={() => setReturning(null)} />}
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { QuarterlySubmission } from '../../../api/types.ts';
import { api } from '../../../api.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../../i18n/index.tsx';
import { STATUS_COLOR, when } from './format.ts';
import { ReasonModal, ReturnModal } from './ReasonModal.tsx';

export const submissionKey = (region: string, quarter: string) => ['reports', 'submission', { region, quarter }];

export function useSubmission(region: string, quarter: string) {
  return useQuery({
    queryKey: submissionKey(region, quarter),
    queryFn: () => api.get<QuarterlySubmission>('/api/reports/quarterly/submission', { region, quarter }),
  });
}

/** 报送: where the region's report of the quarter stands, its history, and the actions the user may take. */
export function SubmissionCard({ region, quarter, ended }: { region: string; quarter: string; ended: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useSubmission(region, quarter);
  const [modal, setModal] = useState<'resubmit' | 'return' | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['reports'] });
  const submit = useMutation({
    mutationFn: () => api.post<{ id: number }>('/api/reports/quarterly/submit', { quarter }),
    onSuccess: () => {
      void message.success(t('submission.submitted'));
      refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const s = query.data;
  const actions = s && (
    <Flex gap={8} wrap>
      {s.canSubmit && (
        <Popconfirm
          title={t('submission.submitConfirm', { name: s.name, quarter })}
          onConfirm={() => submit.mutate()}
          okText={t('submission.submit')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" loading={submit.isPending} data-testid="submission-submit">
            {t('submission.submit')}
          </Button>
        </Popconfirm>
      )}
      {s.canResubmit && (
        <Button onClick={() => setModal('resubmit')} data-testid="submission-resubmit">
          {t('submission.resubmit')}
        </Button>
      )}
      {s.canReturn && (
        <Button danger onClick={() => setModal('return')} data-testid="submission-return">
          {t('submission.return')}
        </Button>
      )}
    </Flex>
  );
  return (
    <Card
      size="small"
      loading={!s}
      data-testid="submission-card"
      title={
        <Flex gap={8} align="center" wrap>
          {t('submission.title')}
          {s && (
            <Tag color={STATUS_COLOR[s.status]} data-testid="submission-status">
              {t(`submission.status.${s.status}` as MessageKey)}
            </Tag>
          )}
        </Flex>
      }
      extra={actions}
    >
      {s && (
        <Flex vertical gap={12}>
          {s.returned && (
            <Alert
              type="warning"
              showIcon
              message={t('submission.returnedBecause', { date: when(s.returned.at), reason: s.returned.reason })}
            />
          )}
          {!ended && s.history.length === 0 && (
            <Typography.Text type="secondary">{t('submission.notEnded')}</Typography.Text>
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t('submission.dueOn')}>{s.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('submission.firstAt')}>{when(s.firstAt)}</Descriptions.Item>
            <Descriptions.Item label={t('submission.lastAt')}>{when(s.lastAt)}</Descriptions.Item>
            <Descriptions.Item label={t('submission.submittedBy')}>{s.submittedBy ?? '—'}</Descriptions.Item>
          </Descriptions>
          {s.history.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.history}
              scroll={{ x: 'max-content' }}
              title={() => t('submission.history')}
              data-testid="submission-history"
              columns={[
                { title: t('submission.at'), dataIndex: 'at', render: when },
                {
                  title: t('submission.col.status'),
                  dataIndex: 'action',
                  render: (a: string) => t(`submission.action.${a}` as MessageKey),
                },
                { title: t('submission.submittedBy'), dataIndex: 'actorName' },
                {
                  title: t('submission.reason'),
                  dataIndex: 'reason',
                  render: (r: string | null) => r ?? '—',
                },
              ]}
            />
          )}
        </Flex>
      )}
      {s && modal === 'resubmit' && (
        <ReasonModal
          title={t('submission.resubmitTitle', { quarter })}
          intro={t('submission.resubmitIntro')}
          label={t('submission.reason')}
          okText={t('submission.resubmit')}
          done="submission.resubmitted"
          path="/api/reports/quarterly/resubmit"
          body={{ quarter }}
          onClose={() => setModal(null)}
        />
      )}
      {s && modal === 'return' && <ReturnModal child={s} quarter={quarter} onClose={() => setModal(null)} />}
    </Card>
  );
}

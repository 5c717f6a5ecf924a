import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Popconfirm,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ApiResponse, OwnerSurveyDetail, Share } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { toDay } from '../orgs/dates.ts';
import type { IssuedLink } from './LinksModal.tsx';
import { LinksModal } from './LinksModal.tsx';
import { periodName } from './period.ts';

const STATUS_COLORS = { none: 'default', issued: 'blue', expired: 'orange', answered: 'green' } as const;
type Enterprise = OwnerSurveyDetail['enterprises'][number];

/** One owner survey: its results with counts, the enterprises it asks and their links, issuing and closing. */
export default function OwnerSurveyPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const can = useCan();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const key = ['ownerSurveys', id];
  const query = useQuery({ queryKey: key, queryFn: () => api.get<OwnerSurveyDetail>(`/api/owner-surveys/${id}`) });
  const [selected, setSelected] = useState<number[]>([]);
  const [expiresOn, setExpiresOn] = useState<Dayjs>(dayjs().add(30, 'day'));
  const [issued, setIssued] = useState<IssuedLink[] | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['ownerSurveys'] });
  const issue = useMutation({
    mutationFn: (enterpriseIds: number[] | null) =>
      api.post<ApiResponse<'/api/owner-surveys/{id}/links', 'post'>>(`/api/owner-surveys/${id}/links`, {
        enterpriseIds,
        expiresOn: toDay(expiresOn),
      }),
    onSuccess: (res) => {
      refresh();
      setSelected([]);
      setIssued(res.links.map((l) => ({ label: l.enterpriseName, path: l.path })));
    },
  });
  const close = useMutation({ mutationFn: () => api.post(`/api/owner-surveys/${id}/close`), onSuccess: refresh });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const s = query.data;
  const r = s?.results;
  // 满意 and 优秀: the share of the effective answers, and how many of them.
  const shareCard = (key: 'satisfied' | 'outstanding', testId?: string) => {
    const x: Share | undefined = r?.[key];
    return (
      <Col xs={24} sm={8}>
        <Card loading={query.isPending} data-testid={testId}>
          <Statistic title={t(`ownerSurvey.${key}`)} value={x?.percent == null ? '—' : `${x.percent}%`} />
          <Typography.Text type="secondary">
            {r && t('ownerSurvey.of', { count: r[key].count, of: r.effective })}
          </Typography.Text>
        </Card>
      </Col>
    );
  };
  const writable = can('assessment.write') && s && !s.closed;
  return (
    <>
      <PageTitle
        extra={
          writable && (
            <Popconfirm title={t('ownerSurvey.closeConfirm')} onConfirm={() => close.mutate()}>
              <Button danger>{t('ownerSurvey.close')}</Button>
            </Popconfirm>
          )
        }
      >
        {s ? `${s.title}（${periodName(t, s.period)}）` : t('ownerSurveys.title')}
      </PageTitle>
      {s?.closed && <Alert type="info" showIcon title={t('ownerSurvey.closedNote')} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={8}>
          <Card loading={query.isPending} data-testid="owner-survey-effective">
            <Statistic title={t('ownerSurvey.effective')} value={r?.effective ?? 0} />
            <Typography.Text type="secondary">
              {r && t('ownerSurvey.returned', { responses: r.responses, issued: r.issued })}
            </Typography.Text>
          </Card>
        </Col>
        {shareCard('satisfied', 'owner-survey-satisfied')}
        {shareCard('outstanding')}
      </Row>
      <Typography.Paragraph type="secondary">{t('ownerSurvey.definition')}</Typography.Paragraph>
      {r && (
        <Card size="small" title={t('ownerSurvey.distribution')} style={{ marginBottom: 12 }}>
          {r.questions.map((q) => (
            <div key={q.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{t(`q.${q.key}` as MessageKey)}</Typography.Text>
              {q.choices.map((c) => (
                <Flex key={c.code} align="center" gap={8}>
                  <span style={{ width: 120, flex: 'none' }}>{t(`q.${q.key}.${c.code}` as MessageKey)}</span>
                  <Progress percent={c.percent ?? 0} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} />
                  <span style={{ width: 90, textAlign: 'right', flex: 'none' }}>
                    {c.count}（{c.percent ?? 0}%）
                  </span>
                </Flex>
              ))}
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title={t('ownerSurvey.enterprises')}>
        {writable && (
          <>
            <Typography.Paragraph type="secondary">{t('ownerSurvey.issueHint')}</Typography.Paragraph>
            {issue.isError && (
              <Alert type="error" showIcon title={errorText(issue.error)} style={{ marginBottom: 12 }} />
            )}
            <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
              <span>{t('ballots.expiresOn')}</span>
              <DatePicker
                value={expiresOn}
                allowClear={false}
                onChange={(d) => d && setExpiresOn(d)}
                disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(180, 'day'), 'day')}
              />
              <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate(null)}>
                {t('ownerSurvey.issueAll')}
              </Button>
              <Button disabled={selected.length === 0} loading={issue.isPending} onClick={() => issue.mutate(selected)}>
                {t('ownerSurvey.issueSelected')}
              </Button>
            </Flex>
          </>
        )}
        <Table<Enterprise>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={s?.enterprises}
          locale={{ emptyText: t('ownerSurvey.noEnterprises') }}
          rowSelection={
            writable
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (e) => ({ disabled: e.status === 'answered' }),
                }
              : undefined
          }
          columns={[
            { title: t('ballots.enterprise'), dataIndex: 'name' },
            {
              title: t('ownerSurveys.status'),
              dataIndex: 'status',
              render: (st: Enterprise['status']) => (
                <Tag color={STATUS_COLORS[st]}>{t(`ownerSurvey.status.${st}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      {issued && s && <LinksModal title={s.title} links={issued} onClose={() => setIssued(null)} />}
    </>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Spin, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { categoryKey, STATUS_COLORS, statusKey } from './labels.ts';
import { useValuesText } from './RequestCard.tsx';
import { RequestUpdateForm } from './RequestUpdateForm.tsx';

/** One request: what was asked, who coordinates, how it went, and the form for the next step. */
export default function RequestPage() {
  const { t } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const values = useValuesText();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: ['casework', 'request', id],
    queryFn: () => api.get<ApiResponse<'/api/casework/requests/{id}'>>(`/api/casework/requests/${id}`),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const { request: r, updates } = query.data;
  return (
    <>
      <PageTitle>
        {t('request.detail')} #{r.id}{' '}
        <Tag color={STATUS_COLORS[r.status]} data-testid="request-status">
          {t(statusKey(r.status))}
        </Tag>
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('request.enterprise')}>
                <Link to={`/casework/assignments/${r.assignmentId}`}>{r.enterpriseName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('casework.instructor')}>{r.instructorName}</Descriptions.Item>
              <Descriptions.Item label={t('request.category')}>{t(categoryKey(r.category))}</Descriptions.Item>
              <Descriptions.Item label={t('request.description')}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('request.departments')}>
                {r.departmentNames.length ? r.departmentNames.join(t('common.listSeparator')) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('request.receivedOn')}>{r.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('request.closedOn')}>{r.closedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('request.values')}>
                <span data-testid="request-values">{values(r) || '—'}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('request.updates')} style={{ marginTop: 16 }}>
            <Timeline
              items={updates.map((u) => ({
                color: STATUS_COLORS[u.status] === 'default' ? 'gray' : STATUS_COLORS[u.status],
                content: (
                  <>
                    <Typography.Text strong>
                      {u.onDate} · {t(statusKey(u.status))}
                    </Typography.Text>
                    {u.note && <div style={{ whiteSpace: 'pre-wrap' }}>{u.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
        {can('instructor.record') && (
          <Col xs={24} lg={10}>
            <Card size="small" title={t('request.update')}>
              <RequestUpdateForm
                key={r.lastUpdateOn + r.status}
                r={r}
                onDone={() => void client.invalidateQueries({ queryKey: ['casework'] })}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}

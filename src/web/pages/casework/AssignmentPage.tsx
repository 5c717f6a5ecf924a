import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Result, Row, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ApiResponse, Outcome } from '../../api/types.ts';
import { api } from '../../api.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { AssignmentCard } from './AssignmentCard.tsx';
import { ContactList } from './ContactList.tsx';
import { sundayOf, useAssignments } from './labels.ts';
import { OutcomeList } from './OutcomeList.tsx';
import { OutcomeModal } from './OutcomeModal.tsx';
import { RequestCard } from './RequestCard.tsx';

/** One assigned enterprise: this week, the missed weeks, the contacts, requests and outcomes. */
export default function AssignmentPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const client = useQueryClient();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [adding, setAdding] = useState(false);
  const assignment = useAssignments({ id });
  const contacts = useQuery({
    queryKey: ['casework', 'contacts', id],
    queryFn: () =>
      api.get<ApiResponse<'/api/casework/contacts'>>('/api/casework/contacts', { assignmentId: id, pageSize: 100 }),
  });
  const requests = useQuery({
    queryKey: ['casework', 'requests', { assignmentId: id }],
    queryFn: () =>
      api.get<ApiResponse<'/api/casework/requests'>>('/api/casework/requests', {
        assignmentId: id,
        pageSize: 100,
      }),
  });
  const outcomes = useQuery({
    queryKey: ['casework', 'outcomes', { assignmentId: id }],
    queryFn: () => api.get<Outcome[]>('/api/casework/outcomes', { assignmentId: id }),
  });
  if (assignment.isError) return <QueryError error={assignment.error} retry={() => void assignment.refetch()} />;
  if (!assignment.data) return <Spin />;
  const a = assignment.data.items[0];
  if (!a) return <Result status="404" title={t('casework.empty')} />;
  const changed = () => void client.invalidateQueries({ queryKey: ['casework'] });

  return (
    <>
      <PageTitle
        extra={
          can('instructor.record') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(`/casework/contact?assignment=${a.id}`)}
            >
              {t('casework.record')}
            </Button>
          )
        }
      >
        {a.enterpriseName}
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          {/* A column of its own: the card fills a grid cell on the list page (height 100%),
              which here made it as tall as the column and put it over the missed weeks. */}
          <Flex vertical gap={16}>
            <AssignmentCard
              a={a}
              perWeek={assignment.data.contactsPerWeek}
              showInstructor={!user.roles.includes('instructor')}
              actions={false}
            />
            {a.missedWeeks.length > 0 && (
              <Card size="small" title={t('casework.missedWeeks')} data-testid="missed-weeks-card">
                <Flex wrap gap={4}>
                  {[...a.missedWeeks].reverse().map((m) => (
                    <Tag key={m} color="red">
                      {t('casework.week', { from: m, to: sundayOf(m) })}
                    </Tag>
                  ))}
                </Flex>
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('contact.list')}
            extra={<ExportButton list="contacts" filter={{ assignmentId: id }} />}
          >
            {contacts.isError ? (
              <QueryError error={contacts.error} retry={() => void contacts.refetch()} />
            ) : (
              <ContactList items={contacts.data?.items} loading={contacts.isLoading} onChanged={changed} />
            )}
          </Card>
          <Card size="small" title={t('request.title')} style={{ marginTop: 16 }}>
            <Flex vertical gap={8}>
              {requests.data?.items.length === 0 && <Empty description={t('request.empty')} />}
              {requests.data?.items.map((r) => (
                <RequestCard key={r.id} r={r} silentDays={requests.data.silentDays} />
              ))}
            </Flex>
          </Card>
          <Card
            size="small"
            title={t('outcome.title')}
            style={{ marginTop: 16 }}
            extra={
              can('instructor.record') && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('outcome.add')}
                </Button>
              )
            }
          >
            <OutcomeList items={outcomes.data ?? []} onChanged={changed} showEnterprise={false} />
          </Card>
        </Col>
      </Row>
      {adding && <OutcomeModal assignmentId={a.id} onClose={() => setAdding(false)} onDone={changed} />}
    </>
  );
}

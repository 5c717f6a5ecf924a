import { Alert, Col, Empty, Row, Spin } from 'antd';
import type { CaseworkAssignment } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AssignmentCard } from '../casework/AssignmentCard.tsx';
import { useAssignments } from '../casework/labels.ts';

/** What needs doing first: this week's contact still owed, then missed weeks, then requests gone silent. */
const urgency = (a: CaseworkAssignment) =>
  (a.thisWeek === 'open' ? 4 : 0) + (a.missedWeeks.length > 0 ? 2 : 0) + (a.silentRequests > 0 ? 1 : 0);

/**
 * 我的企业, an instructor's home (phone first): each enterprise assigned to them today with this
 * week's contact state, the missed weeks and the requests without an update, the most pressing
 * first, each one tap from 记录联系.
 */
export function InstructorHome() {
  const { t } = useI18n();
  const query = useAssignments();
  const data = query.data;
  const items = data ? [...data.items].sort((a, b) => urgency(b) - urgency(a)) : [];

  return (
    <>
      <PageTitle>{t('home.instructor.title')}</PageTitle>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : !data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t('home.instructor.empty')} />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            data-testid="home-summary"
            title={t('home.instructor.summary', {
              total: items.length,
              open: items.filter((a) => a.thisWeek === 'open').length,
              missed: items.filter((a) => a.missedWeeks.length > 0).length,
            })}
            description={t('casework.rule', { n: data.contactsPerWeek })}
            style={{ marginBottom: 12 }}
          />
          <Row gutter={[12, 12]}>
            {items.map((a) => (
              <Col key={a.id} xs={24} md={12} xl={8}>
                <AssignmentCard
                  a={a}
                  perWeek={data.contactsPerWeek}
                  showInstructor={false}
                  silentDays={data.requestSilentDays}
                />
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}

import { Alert, Col, Empty, Flex, Input, Row, Spin, Switch, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { AssignmentCard } from './AssignmentCard.tsx';
import { useAssignments } from './labels.ts';

/** 我的联系企业 (an instructor) or 选派企业联系情况 (their managers): this week and the missed weeks. */
export default function AssignmentsPage() {
  const { t } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const missed = params.get('missed') === 'true';
  const isInstructor = user.roles.includes('instructor');
  const query = useAssignments({ q: q || undefined, missed: missed || undefined });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle>{t(isInstructor ? 'casework.title.mine' : 'casework.title.all')}</PageTitle>
      {query.data && (
        <Alert
          type="info"
          showIcon
          title={t('casework.rule', { n: query.data.contactsPerWeek })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        {!isInstructor && (
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('casework.search')}
            aria-label={t('casework.search')}
            onSearch={(v) => set('q', v.trim() || null)}
            style={{ width: 280, maxWidth: '100%' }}
          />
        )}
        <Flex gap={8} align="center">
          <Switch
            checked={missed}
            onChange={(v) => set('missed', v ? 'true' : null)}
            aria-label={t('casework.onlyMissed')}
          />
          <Typography.Text>{t('casework.onlyMissed')}</Typography.Text>
        </Flex>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : !query.data ? (
        <Spin />
      ) : query.data.items.length === 0 ? (
        <Empty description={t('casework.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {query.data.items.map((a) => (
            <Col key={a.id} xs={24} md={12} xl={8}>
              <AssignmentCard a={a} perWeek={query.data.contactsPerWeek} showInstructor={!isInstructor} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

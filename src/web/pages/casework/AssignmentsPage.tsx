import { Alert, Col, Empty, Flex, Row, Spin } from 'antd';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LabelledSwitch } from '../../components/LabelledSwitch.tsx';
import { SearchBox } from '../../components/list/FilterBar.tsx';
import { flag, text } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { AssignmentCard } from './AssignmentCard.tsx';
import { useAssignments } from './labels.ts';

const ASSIGNMENT_LIST = { q: text(), missed: flag() };

/** 我的联系企业 (an instructor) or 选派企业联系情况 (their managers): this week and the missed weeks. */
export default function AssignmentsPage() {
  const { t } = useI18n();
  const user = useUser();
  const list = useListState(ASSIGNMENT_LIST);
  const { q, missed } = list.filter;
  const isInstructor = user.roles.includes('instructor');
  const query = useAssignments({ q, missed: missed || undefined });

  return (
    <>
      <PageTitle extra={<ExportButton list="assignments" filter={{ q, missed: missed || undefined }} />}>
        {t(isInstructor ? 'casework.title.mine' : 'casework.title.all')}
      </PageTitle>
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
          <SearchBox
            value={q}
            onSearch={(v) => list.set({ q: v }, { replace: true })}
            placeholder={t('casework.search')}
            label={t('casework.search')}
            width={280}
          />
        )}
        <LabelledSwitch
          label={t('casework.onlyMissed')}
          checked={missed}
          onChange={(v) => list.set({ missed: v }, { replace: true })}
        />
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

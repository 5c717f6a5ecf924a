import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EnterpriseAssignment, EnterpriseInstructors, Instructor, Suggestions } from '../../api/types.ts';
import { api } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { AssignModal } from './AssignModal.tsx';
import { useReasonText } from './labels.ts';

/**
 * On an enterprise's page: its instructors (current, then earlier) and whether it is work-covered;
 * when it is not, for a manager, the ranked suggestions with the reasons of each rank and an
 * “assign” action. Shown to those who may read instructors.
 */
export function EnterpriseInstructorsCard({ enterpriseId }: { enterpriseId: number }) {
  const can = useCan();
  if (!can('instructor.read')) return null;
  return <InstructorsCard enterpriseId={enterpriseId} />;
}

function InstructorsCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const [assigning, setAssigning] = useState<Instructor | null>(null);
  const [wider, setWider] = useState(false);
  const query = useQuery({
    queryKey: ['ledger', 'enterprise', String(enterpriseId), 'instructors'],
    queryFn: () => api.get<EnterpriseInstructors>(`/api/enterprises/${enterpriseId}/instructors`),
  });
  const needs = query.data?.enterprise.needsInstructor ?? false;
  const suggestions = useQuery({
    queryKey: ['ledger', 'enterprise', String(enterpriseId), 'instructor-suggestions', { wider }],
    queryFn: () =>
      api.get<Suggestions>(`/api/enterprises/${enterpriseId}/instructor-suggestions`, wider ? { wider: 'true' } : {}),
    enabled: needs && can('instructor.manage'),
  });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return null;
  const { enterprise, assignments } = query.data;
  const current = assignments.filter((a) => a.active);
  const past = assignments.filter((a) => !a.active);
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['ledger'] });
    void client.invalidateQueries({ queryKey: ['instructors'] });
    void client.invalidateQueries({ queryKey: ['dashboard'] });
  };

  const status = enterprise.needsInstructor ? (
    <Tag color="orange" data-testid="work-coverage">
      {t('instructors.card.needs')}
    </Tag>
  ) : enterprise.workCovered ? (
    <Tag color="green" data-testid="work-coverage">
      {t(enterprise.orgCovered ? 'instructors.card.orgCovered' : 'instructors.card.covered')}
    </Tag>
  ) : null;

  return (
    <Card
      size="small"
      title={t('instructors.card.title')}
      extra={status}
      style={{ marginBottom: 16 }}
      data-testid="enterprise-instructors"
    >
      {current.length === 0 ? (
        <Typography.Text type="secondary">{t('instructors.card.none')}</Typography.Text>
      ) : (
        <List<EnterpriseAssignment> size="small" dataSource={current} renderItem={(a) => <AssignmentItem a={a} />} />
      )}
      {past.length > 0 && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '12px 0 4px' }}>
            {t('instructors.card.past')}
          </Divider>
          <List<EnterpriseAssignment>
            size="small"
            dataSource={past}
            renderItem={(a) => <AssignmentItem a={a} />}
            className="dj-row-past"
          />
        </>
      )}
      {needs && can('instructor.manage') && (
        <>
          <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
            {t('instructors.suggest.title')}
          </Divider>
          <Alert
            type="info"
            showIcon={false}
            title={t('instructors.suggest.rule')}
            style={{ marginBottom: 8, fontSize: 12 }}
          />
          {suggestions.isError ? (
            <QueryError error={suggestions.error} retry={() => void suggestions.refetch()} />
          ) : (
            <List<Suggestions['items'][number]>
              size="small"
              loading={suggestions.isFetching}
              dataSource={suggestions.data?.items}
              locale={{ emptyText: t('instructors.suggest.empty') }}
              renderItem={(s) => <SuggestionItem s={s} onAssign={() => setAssigning(s.instructor)} />}
              footer={suggestions.data && <SuggestionsFooter s={suggestions.data} onWiden={setWider} />}
            />
          )}
        </>
      )}
      {assigning && (
        <AssignModal
          title={t('instructors.suggest.assignTitle', { name: assigning.name, enterprise: enterprise.name })}
          instructorId={assigning.id}
          enterpriseId={enterpriseId}
          okText={t('instructors.suggest.assign')}
          onClose={() => setAssigning(null)}
          onDone={changed}
        />
      )}
    </Card>
  );
}

function AssignmentItem({ a }: { a: EnterpriseAssignment }) {
  const { t } = useI18n();
  return (
    <List.Item style={{ paddingInline: 0 }}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex wrap gap={6} align="center">
          <Link to={`/instructors/${a.instructorId}`}>{a.instructorName}</Link>
          {a.kind === 'liaison' && <Tag color="blue">{t('instructors.kind.liaison')}</Tag>}
          {a.phone && <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{a.phone}</span>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            a.sourceDepartmentName,
            a.post,
            a.endOn ? `${a.startOn} – ${a.endOn}` : t('instructors.card.since', { date: a.startOn }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** How many were compared, and where: the county first, everyone the user sees on request. */
function SuggestionsFooter({ s, onWiden }: { s: Suggestions; onWiden: (wider: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={8} align="center" style={{ fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.within
          ? t('instructors.suggest.consideredWithin', { count: s.considered, region: s.within.name })
          : t('instructors.suggest.considered', { count: s.considered })}
      </Typography.Text>
      {s.within && s.elsewhere > 0 && (
        <Button size="small" type="link" onClick={() => onWiden(true)} data-testid="suggest-wider">
          {t('instructors.suggest.wider', { count: s.elsewhere })}
        </Button>
      )}
      {!s.within && (
        <Button size="small" type="link" onClick={() => onWiden(false)} data-testid="suggest-nearer">
          {t('instructors.suggest.nearer')}
        </Button>
      )}
    </Flex>
  );
}

function SuggestionItem({ s, onAssign }: { s: Suggestions['items'][number]; onAssign: () => void }) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const i = s.instructor;
  return (
    <List.Item style={{ paddingInline: 0, alignItems: 'flex-start' }} data-testid="instructor-suggestion">
      <Flex gap={8} align="start" style={{ width: '100%' }}>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Flex wrap gap={6} align="center">
            <Tag color={s.rank === 1 ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
              {t('instructors.suggest.rank', { rank: s.rank })}
            </Tag>
            <Link to={`/instructors/${i.id}`}>{i.name}</Link>
            <Typography.Text strong>{t('instructors.suggest.score', { score: s.score })}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[i.sourceDepartmentName, i.post, i.regionName].filter(Boolean).join(' · ')}
          </Typography.Text>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 18, fontSize: 12 }}>
            {s.reasons.map((r) => (
              <li key={r.factor}>{reasonText(r, i.sourceDepartmentName)}</li>
            ))}
          </ul>
        </Flex>
        <Button size="small" type="primary" ghost onClick={onAssign} style={{ flex: 'none' }}>
          {t('instructors.suggest.assign')}
        </Button>
      </Flex>
    </List.Item>
  );
}

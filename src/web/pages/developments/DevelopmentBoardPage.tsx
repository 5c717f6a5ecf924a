import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Development, DevelopmentBoard } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { useCodeLabels } from '../members/labels.ts';
import { DevelopmentCreateDrawer } from './DevelopmentCreateDrawer.tsx';
import { EarlyTag, STAGE_COLOR } from './DevelopmentTags.tsx';
import { dueLines } from './dueLines.ts';

/** 发展党员看板: an org's open records by stage, each with its dates, what falls due and what is overdue (red). */
export default function DevelopmentBoardPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const labels = useCodeLabels();
  const { orgId } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({
    queryKey: ['developments', 'board', orgId],
    queryFn: () => api.get<DevelopmentBoard>(`/api/orgs/${orgId}/developments`),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const board = query.data;
  const creating = params.get('new') === '1' && can('member.write');

  const column = (s: DevelopmentBoard['stages'][number]) => (
    <Card
      key={s.stage}
      size="small"
      data-testid={`stage-${s.stage}`}
      title={
        <Flex align="center" gap={8}>
          <Tag color={STAGE_COLOR[s.stage]} style={{ marginInlineEnd: 0 }}>
            {labels.label('development.stage', s.stage)}
          </Tag>
          <Badge count={s.items.length} showZero color="#8c8c8c" />
        </Flex>
      }
      style={isPhone ? { marginBottom: 12 } : { flex: '1 1 0', minWidth: 180, background: '#fafafa' }}
      styles={{ body: { padding: 8 } }}
    >
      {s.stage === 'full' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
          {t('development.board.since', { date: board.completedSince })}
        </Typography.Text>
      )}
      {s.items.length === 0 ? (
        isPhone ? (
          <Typography.Text type="secondary">{t('development.board.none')}</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('development.board.none')} />
        )
      ) : (
        <Flex vertical gap={8}>
          {s.items.map((d) => (
            <DevelopmentItem key={d.id} development={d} />
          ))}
        </Flex>
      )}
    </Card>
  );

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <BackButton fallback={`/orgs/${board.org.id}`} />
            <ExportButton list="developments" filter={{ orgId: board.org.id }} />
            {can('member.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ new: '1' }, { replace: true })}>
                {t('development.create')}
              </Button>
            )}
          </Space>
        }
      >
        {t('development.board')}
        <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal' }}>
          {' '}
          · <Link to={`/orgs/${board.org.id}`}>{board.org.name}</Link>
        </Typography.Text>
      </PageTitle>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Tag color={board.overdue ? 'red' : 'default'} data-testid="board-overdue">
          {t('development.board.overdue', { count: board.overdue })}
        </Tag>
        <Tag color={board.early ? 'purple' : 'default'}>{t('development.board.early', { count: board.early })}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('development.board.today', { date: board.today })}
        </Typography.Text>
      </Flex>
      {isPhone ? (
        board.stages.map(column)
      ) : (
        <Flex gap={12} align="start" style={{ overflowX: 'auto', paddingBottom: 8 }}>
          {board.stages.map(column)}
        </Flex>
      )}
      {creating && <DevelopmentCreateDrawer org={board.org} onClose={() => setParams({}, { replace: true })} />}
    </>
  );
}

/** One person on the board: name, employer, the stage's dates and what is due; overdue in red. */
function DevelopmentItem({ development: d }: { development: Development }) {
  const { t } = useI18n();
  const overdueSteps = new Set(d.overdue.map((o) => o.step));
  const late = d.overdue.length > 0;
  const lines = dueLines(d);
  // An overdue step the stage's lines do not show gets a line of its own.
  for (const o of d.overdue) {
    if (!lines.some((l) => l.step === o.step)) {
      lines.push({ label: `development.step.${o.step}` as MessageKey, value: o.dueOn, step: o.step, due: true });
    }
  }
  return (
    <Card
      size="small"
      data-testid="development-card"
      style={{ borderColor: late ? '#ff4d4f' : undefined, borderLeft: `3px solid ${late ? '#ff4d4f' : '#d9d9d9'}` }}
      styles={{ body: { padding: 10 } }}
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={4}>
          <Link to={`/developments/${d.id}`} style={{ fontWeight: 600 }}>
            {d.name}
          </Link>
          <Flex gap={4}>
            {late && (
              <Tooltip title={d.overdue.map((o) => <div key={o.code}>{o.message}</div>)}>
                <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="overdue-tag">
                  {t('development.overdueTag')}
                </Tag>
              </Tooltip>
            )}
            <EarlyTag development={d} />
          </Flex>
        </Flex>
        {d.employerName && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {d.employerName}
          </Typography.Text>
        )}
        {lines.map((line) => {
          const overdue = line.step !== undefined && overdueSteps.has(line.step);
          return (
            <Flex key={line.label} justify="space-between" gap={8} style={{ fontSize: 12 }}>
              <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t(line.label)}
              </Typography.Text>
              <Typography.Text
                type={overdue ? 'danger' : undefined}
                strong={overdue}
                style={{ fontSize: 12, textAlign: 'end' }}
              >
                {line.value}
              </Typography.Text>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}

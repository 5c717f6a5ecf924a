import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Grade } from '../../../domain/assessment/score.ts';
import type { ResultRow, Results } from '../../api/types.ts';
import { api, queryString } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.tsx';
import { scoreText } from './period.ts';

const GRADE_COLORS: Record<Grade, string> = {
  excellent: 'red',
  competent: 'blue',
  basic: 'gold',
  incompetent: 'default',
};

export const resultsKey = (period: string) => ['assessments', 'results', period];

export function useResults(period: string) {
  return useQuery({
    queryKey: resultsKey(period),
    queryFn: () => api.get<Results>('/api/assessments/results', { period }),
  });
}

export function ruleText(t: Translate, s: Results['settings']): string {
  return t('assess.rule', {
    ...s.weights,
    ...s.thresholds,
    cap: s.excellentCap === null ? t('assess.noCap') : t('assess.cap', { cap: s.excellentCap }),
  });
}

function remark(t: Translate, r: ResultRow): string {
  if (r.incomplete) {
    return t('assess.missing', {
      parts: r.missing.map((m) => t(`assess.part.${m}` as MessageKey)).join(t('common.listSeparator')),
    });
  }
  return r.capped ? t('assess.capped') : '';
}

/** The period's results with the breakdown, the grade, and the .xlsx. */
export function ResultsTab({ period }: { period: string }) {
  const { t } = useI18n();
  const query = useResults(period);
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const num = (n: number | null) => scoreText(n);
  const columns: TableColumnsType<ResultRow> = [
    { title: t('assess.col.name'), dataIndex: 'name', fixed: 'left', width: 96 },
    { title: t('assess.col.department'), dataIndex: 'department', width: 110 },
    { title: t('assess.col.daily'), dataIndex: 'daily', align: 'right', render: num },
    { title: t('assess.col.dailyEntries'), dataIndex: 'dailyEntries', align: 'right' },
    { title: t('assess.col.periodic'), dataIndex: 'periodic', align: 'right', render: num },
    { title: t('assess.col.democratic'), dataIndex: 'democratic', align: 'right', render: num },
    { title: t('assess.col.ballots'), dataIndex: 'ballots', align: 'right' },
    {
      title: t('assess.col.final'),
      dataIndex: 'final',
      align: 'right',
      render: (n: number | null) => <strong>{num(n)}</strong>,
    },
    {
      title: t('assess.col.grade'),
      dataIndex: 'grade',
      render: (g: Grade | null) =>
        g ? (
          <Tag color={GRADE_COLORS[g]}>{t(`assess.grade.${g}` as MessageKey)}</Tag>
        ) : (
          <Tag>{t('assess.incomplete')}</Tag>
        ),
    },
    { title: t('assess.col.remark'), key: 'remark', render: (_, r) => remark(t, r) },
  ];
  return (
    <>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {query.data ? ruleText(t, query.data.settings) : ''}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={`/api/assessments/results/export${queryString({ period })}`} download>
          {t('assess.download')}
        </Button>
      </Flex>
      <Alert type="info" showIcon title={t('assess.incompleteRule')} style={{ marginBottom: 12 }} />
      <Table<ResultRow>
        rowKey="instructorId"
        size="middle"
        loading={query.isPending}
        dataSource={query.data?.rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('assess.empty') }}
      />
    </>
  );
}

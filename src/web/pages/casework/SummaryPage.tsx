import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { periodLabel } from '../../../domain/assessment/period.ts';
import type { Figures, InstructorSummary, SummaryInstructor } from '../../api/types.ts';
import { api, queryString } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserRegionSelect } from '../../components/RegionTreeSelect.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { fromDay, toDay } from '../orgs/dates.ts';

/** The column groups of the summary table (reports.md §3), each a key of the summary's figures. */
const SUMMARY_GROUPS: { key: string; columns: (keyof Figures)[] }[] = [
  { key: 'people', columns: ['instructors', 'liaisons'] },
  { key: 'contact', columns: ['enterprises', 'contacts', 'weeksMissed'] },
  { key: 'requests', columns: ['requestsReceived', 'requestsResolved'] },
  { key: 'guide', columns: ['activists', 'members', 'systems', 'venues', 'funds', 'pledges', 'proposals'] },
  {
    key: 'service',
    columns: ['problems', 'innovations', 'benefit', 'grants', 'loans', 'hires', 'trainees', 'feesReduced'],
  },
];

type Row = { department: string; total?: boolean } & Figures;

const num = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });

/** The first day of the half year holding today: the default period runs from it to today. */
const halfYearStart = () => {
  const now = dayjs();
  return now.month() < 6 ? now.startOf('year') : now.startOf('year').add(6, 'month');
};

/** 指导员工作情况汇总 (reports.md §3): departments with 合计 first, the instructors beside them, and the .xlsx. */
export default function SummaryPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? user.regionCode;
  const from = params.get('from') ?? toDay(halfYearStart())!;
  const to = params.get('to') ?? toDay(dayjs())!;
  const query = useQuery({
    queryKey: ['casework', 'summary', { region, from, to }],
    queryFn: () => api.get<InstructorSummary>('/api/reports/instructors', { region, from, to }),
    placeholderData: keepPreviousData,
  });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('summary.department'),
      dataIndex: 'department',
      fixed: 'left',
      width: 120,
      render: (d: string, r) => (r.total ? <strong>{t('summary.total')}</strong> : d),
    },
    ...SUMMARY_GROUPS.map((g) => ({
      title: t(`summary.group.${g.key}` as MessageKey),
      children: g.columns.map((c) => ({
        title: t(`summary.col.${c}` as MessageKey),
        dataIndex: c,
        align: 'right' as const,
        width: 92,
        render: (n: number, r: Row) => (r.total ? <strong>{num(n)}</strong> : num(n)),
      })),
    })),
  ];
  const people: TableColumnsType<SummaryInstructor> = [
    { title: t('summary.person.name'), dataIndex: 'name', fixed: 'left', width: 100 },
    {
      title: t('summary.person.kind'),
      dataIndex: 'kind',
      render: (k: 'instructor' | 'liaison') => t(`summary.kind.${k}`),
    },
    { title: t('summary.department'), dataIndex: 'department' },
    ...(['enterprises', 'contacts', 'weeksMissed', 'requestsReceived', 'requestsResolved'] as const).map((k) => ({
      title: t(`summary.col.${k}`),
      dataIndex: k,
      align: 'right' as const,
    })),
    {
      title: t('summary.person.score', {
        period: query.data ? periodLabel(query.data.assessmentPeriod, lang) : '',
      }),
      dataIndex: 'score',
      align: 'right',
      render: (s: number | null) => (s === null ? '—' : num(s)),
    },
    { title: t('summary.person.grade'), dataIndex: 'gradeLabel', render: (g: string | null) => g ?? '—' },
  ];
  const data = query.data;
  const rows: Row[] = data
    ? [{ ...data.total, department: t('summary.total'), total: true } as Row, ...(data.rows as Row[])]
    : [];

  return (
    <>
      <PageTitle
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={`/api/reports/instructors/export${queryString({ region, from, to })}`}
            download
            disabled={!data}
          >
            {t('summary.download')}
          </Button>
        }
      >
        {t('summary.title')}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('summary.region')} style={{ minWidth: 260 }}>
            <UserRegionSelect value={region} onChange={(code) => set({ region: code ?? null })} />
          </Form.Item>
          <Form.Item label={t('summary.period')}>
            <DatePicker.RangePicker
              value={[fromDay(from), fromDay(to)]}
              allowClear={false}
              inputReadOnly
              onChange={(v) => set({ from: toDay(v?.[0] ?? null), to: toDay(v?.[1] ?? null) })}
            />
          </Form.Item>
        </Form>
      </Card>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small" title={data ? `${data.regionName} · ${data.from} — ${data.to}` : t('summary.title')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('summary.rule')}
            </Typography.Paragraph>
            <Table<Row>
              size="small"
              bordered
              loading={query.isFetching}
              rowKey="department"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="summary-table"
            />
          </Card>
          <Card size="small" title={t('summary.instructors')}>
            <Table<SummaryInstructor>
              size="small"
              rowKey="id"
              columns={people}
              dataSource={data?.instructors}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="summary-people"
            />
          </Card>
          {data && data.rows.length === 0 && <Alert type="info" title={t('casework.empty')} />}
        </Flex>
      )}
    </>
  );
}

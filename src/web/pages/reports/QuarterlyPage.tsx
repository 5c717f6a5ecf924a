import { Alert, Card, Flex, Form, Segmented, Select, Table } from 'antd';
import { useState } from 'react';
import { localDateString } from '../../../domain/calendarDate.ts';
import { QUARTERLY_COLUMNS } from '../../../domain/reports/forms.ts';
import { previousQuarter, quarterOf } from '../../../domain/stats/quarter.ts';
import type { QuarterlyReport } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ReportForm } from './FormTable.tsx';
import { ReportParams, ReportTitle, useReport, useReportParams } from './params.tsx';
import { ChildSubmissions } from './submission/ChildSubmissions.tsx';
import { SubmissionCard, useSubmission } from './submission/SubmissionCard.tsx';

/** The current quarter and the eleven before it, newest first. */
function recentQuarters(): string[] {
  const out = [quarterOf(localDateString(new Date()))];
  while (out.length < 12) out.push(previousQuarter(out.at(-1) as string));
  return out;
}

/** 非公企业新建党组织季报 (reports.md §1). */
export default function QuarterlyPage() {
  const { t } = useI18n();
  const { region, scope, params, set } = useReportParams();
  const quarters = recentQuarters();
  // The default is the last complete quarter: the one being reported.
  const quarter = params.get('quarter') ?? (quarters[1] as string);
  const query = useReport<QuarterlyReport>('quarterly', { region, quarter, scope });
  const submission = useSubmission(region, quarter).data;
  // A submitted report is shown as it was submitted, unless the user asks for the ledger as it is now.
  const [view, setView] = useState<'submitted' | 'current'>('submitted');
  const frozen = view === 'submitted' ? submission?.submitted : null;
  const data = frozen ?? query.data;
  return (
    <>
      <ReportTitle name="quarterly" query={{ region, quarter, scope }} ready={!!data} />
      <ReportParams
        period={
          <Form.Item label={t('report.quarter')}>
            <Select
              style={{ width: 120 }}
              value={quarter}
              onChange={(q) => set({ quarter: q })}
              options={quarters.map((q) => ({ value: q, label: q }))}
              data-testid="report-quarter"
            />
          </Form.Item>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <SubmissionCard region={region} quarter={quarter} ended={!!data && data.asOf === data.to} />
          {data && data.asOf !== data.to && (
            <Alert type="info" showIcon message={t('report.quarterInProgress', { date: data.asOf })} />
          )}
          <Card
            size="small"
            title={data ? `${data.name} · ${data.quarter}（${data.from} — ${data.asOf}）` : t('report.hub.quarterly')}
            loading={!data}
            extra={
              submission?.submitted && (
                <Segmented
                  size="small"
                  value={view}
                  onChange={(v) => setView(v as typeof view)}
                  options={[
                    { value: 'submitted', label: t('submission.view.submitted') },
                    { value: 'current', label: t('submission.view.current') },
                  ]}
                  data-testid="quarterly-view"
                />
              )
            }
          >
            <ReportForm columns={QUARTERLY_COLUMNS} report={data} testId="quarterly-table" />
          </Card>
          <ChildSubmissions region={region} quarter={quarter} />
          <Card size="small" title={t('report.partB')}>
            <Table
              size="small"
              rowKey="id"
              dataSource={data?.orgs}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('report.partB.empty') }}
              data-testid="quarterly-orgs"
              columns={[
                { title: t('report.col.regionName'), dataIndex: 'regionName' },
                { title: t('report.col.orgName'), dataIndex: 'name' },
                { title: t('report.col.type'), dataIndex: 'typeLabel' },
                { title: t('report.col.formation'), dataIndex: 'formationLabel' },
                {
                  title: t('report.col.enterprises'),
                  dataIndex: 'enterprises',
                  render: (names: string[]) => names.join('、'),
                },
                { title: t('report.col.full'), dataIndex: 'fullMembers', align: 'right' },
                { title: t('report.col.probationary'), dataIndex: 'probationaryMembers', align: 'right' },
                { title: t('report.col.secretary'), dataIndex: 'secretary', render: (s: string | null) => s ?? '—' },
                { title: t('report.col.established'), dataIndex: 'establishedOn' },
                { title: t('report.col.approvedBy'), dataIndex: 'approvedBy', render: (s: string | null) => s ?? '—' },
              ]}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}

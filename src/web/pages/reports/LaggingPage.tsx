import { Card, DatePicker, Flex, Form, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { localDateString } from '../../../domain/calendarDate.ts';
import { percent, ratePercent } from '../../../domain/stats/rate.ts';
import type { LaggingRegion, LaggingReport } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { fromDay, toDay } from '../orgs/dates.ts';
import { listLink } from './FormTable.tsx';
import { ReportParams, ReportTitle, useReport, useReportParams } from './params.tsx';

function ListCard<T extends object>({
  title,
  list,
  extra,
  rowKey,
  columns,
  testId,
}: {
  title: string;
  list: { total: number; rows: T[] };
  extra?: ReactNode;
  rowKey: TableProps<T>['rowKey'];
  columns: TableColumnsType<T>;
  testId?: string;
}) {
  const { t } = useI18n();
  const { total, rows } = list;
  return (
    <Card size="small" title={`${title}（${total}）`} extra={extra}>
      {total > rows.length && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('report.lagging.more', { total, n: rows.length })}
        </Typography.Paragraph>
      )}
      <Table<T>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
      />
    </Card>
  );
}

/** 进展滞后督促清单 (reports.md §4). */
export default function LaggingPage() {
  const { t } = useI18n();
  const { region, scope, params, set } = useReportParams();
  const date = params.get('date') ?? localDateString(new Date());
  const query = useReport<LaggingReport>('lagging', { region, date, scope });
  const data = query.data;
  const enterpriseColumns = [
    { title: t('report.col.regionName'), dataIndex: 'regionName' },
    { title: t('report.lagging.enterprise'), dataIndex: 'name' },
    { title: t('report.lagging.employees'), dataIndex: 'employees', align: 'right' as const },
    { title: t('report.lagging.fullMembers'), dataIndex: 'fullMembers', align: 'right' as const },
    { title: t('report.lagging.responsible'), dataIndex: ['responsible', 'name'] },
  ];
  // Enterprises to press on, with a link to the ledger list of all of them (the card shows the first few).
  const enterpriseCard = (
    title: string,
    list: LaggingReport['shouldForm'],
    all: { category?: 'should_form'; flag?: 'key_watch' },
    testId?: string,
  ) => (
    <ListCard
      title={title}
      list={list}
      extra={data && <Link to={listLink(data.region, data.date, data.scope, all)}>{t('report.lagging.viewAll')}</Link>}
      rowKey="id"
      columns={enterpriseColumns}
      testId={testId}
    />
  );
  return (
    <>
      <ReportTitle name="lagging" query={{ region, date, scope }} ready={!!data} />
      <ReportParams
        period={
          <Form.Item label={t('report.date')}>
            <DatePicker
              value={fromDay(date)}
              allowClear={false}
              inputReadOnly
              disabledDate={(d) => d.isAfter(new Date())}
              onChange={(d) => set({ date: toDay(d) })}
              data-testid="report-date"
            />
          </Form.Item>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small" title={data ? `${data.name} · ${data.date}` : t('report.lagging.regions')} loading={!data}>
            {data && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('report.lagging.rule', {
                  rate: percent(data.orgCoverageRate),
                  points: data.laggingPoints,
                  previous: data.previousDate,
                  quarter: data.quarterly.quarter,
                  due: data.quarterly.dueOn,
                })}
              </Typography.Paragraph>
            )}
            <Table<LaggingRegion>
              size="small"
              bordered
              rowKey="region"
              dataSource={data?.regions}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('report.lagging.none') }}
              data-testid="lagging-regions"
              columns={[
                { title: t('report.regionCol'), dataIndex: 'name', fixed: 'left', width: 120 },
                {
                  title: t('report.lagging.rate'),
                  dataIndex: 'orgCoverageRate',
                  align: 'right',
                  render: (_: number | null, g) =>
                    data ? (
                      <Link to={listLink(g.region, data.date, data.scope, { coverage: 'org' })}>
                        {ratePercent(g.orgCovered, g.inScope)}
                      </Link>
                    ) : (
                      ratePercent(g.orgCovered, g.inScope)
                    ),
                },
                { title: t('report.lagging.previous'), dataIndex: 'previousRate', align: 'right', render: percent },
                { title: t('report.lagging.overdue'), dataIndex: 'overdueReelections', align: 'right' },
                {
                  title: t('report.lagging.reasons'),
                  dataIndex: 'reasons',
                  render: (reasons: LaggingRegion['reasons']) => (
                    <Flex vertical gap={2}>
                      {reasons.map((r) => (
                        <span key={r.code}>
                          <Tag color={r.code === 'missed_quarterly' ? 'orange' : 'red'}>
                            {t(`report.reason.${r.code}` as MessageKey)}
                          </Tag>
                          {r.text}
                        </span>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
          {data && (
            <>
              {enterpriseCard(
                t('report.lagging.shouldForm'),
                data.shouldForm,
                { category: 'should_form' },
                'lagging-should-form',
              )}
              {enterpriseCard(t('report.lagging.keyWatch'), data.keyWatch, { flag: 'key_watch' })}
              <ListCard
                title={t('report.lagging.reelections')}
                list={data.overdueReelections}
                rowKey="id"
                columns={[
                  { title: t('report.col.regionName'), dataIndex: 'regionName' },
                  {
                    title: t('report.lagging.org'),
                    dataIndex: 'name',
                    render: (n: string, o) => <Link to={`/orgs/${o.id}`}>{n}</Link>,
                  },
                  { title: t('report.lagging.termEnds'), dataIndex: 'termEndsOn' },
                  { title: t('report.lagging.daysOverdue'), dataIndex: 'daysOverdue', align: 'right' },
                  { title: t('report.lagging.responsible'), dataIndex: ['responsible', 'name'] },
                ]}
              />
              <ListCard
                title={t('report.lagging.developments')}
                list={data.overdueDevelopments}
                rowKey={(d) => `${d.id}-${d.dueOn}-${d.message}`}
                columns={[
                  { title: t('report.lagging.person'), dataIndex: 'name' },
                  { title: t('report.lagging.org'), dataIndex: 'orgName' },
                  { title: t('report.lagging.dueOn'), dataIndex: 'dueOn' },
                  { title: t('report.lagging.item'), dataIndex: 'message' },
                  { title: t('report.lagging.responsible'), dataIndex: ['responsible', 'name'] },
                ]}
              />
            </>
          )}
        </Flex>
      )}
    </>
  );
}

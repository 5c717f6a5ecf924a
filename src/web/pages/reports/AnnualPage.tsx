import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Form, Select, Typography } from 'antd';
import { ANNUAL_COLUMNS } from '../../../domain/reports/forms.ts';
import type { AnnualReport } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { FormTable } from './FormTable.tsx';
import { DownloadButton, ReportParams, useReportParams } from './params.tsx';

/** 非公有制企业党建工作情况统计表 (reports.md §2). */
export default function AnnualPage() {
  const { t } = useI18n();
  const { region, scope, params, set } = useReportParams();
  const thisYear = new Date().getFullYear();
  const year = params.get('year') ?? String(thisYear - 1);
  const query = useQuery({
    queryKey: ['reports', 'annual', { region, year, scope }],
    queryFn: () => api.get<AnnualReport>('/api/reports/annual', { region, year, ...(scope ? { scope } : {}) }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  return (
    <>
      <PageTitle
        extra={<DownloadButton path="/api/reports/annual.xlsx" query={{ region, year, scope }} disabled={!data} />}
      >
        {t('report.hub.annual')}
      </PageTitle>
      <ReportParams
        period={
          <Form.Item label={t('report.year')}>
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={(y) => set({ year: y })}
              options={Array.from({ length: 8 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }))}
              data-testid="report-year"
            />
          </Form.Item>
        }
      />
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {data?.partial && <Alert type="info" showIcon message={t('report.partial', { date: data.asOf })} />}
          <Card
            size="small"
            title={
              data ? `${data.name} · ${data.year} · ${t('report.asOf', { date: data.asOf })}` : t('report.hub.annual')
            }
            loading={!data}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('report.clickHint')} · {t(`report.scope.${data?.scope ?? 'all'}`)}
            </Typography.Paragraph>
            {data && (
              <FormTable
                columns={ANNUAL_COLUMNS}
                total={data.total}
                rows={data.rows}
                date={data.asOf}
                scope={data.scope}
                testId="annual-table"
              />
            )}
          </Card>
        </Flex>
      )}
    </>
  );
}

import { Alert, Card, Flex, Form, Select } from 'antd';
import { ANNUAL_COLUMNS } from '../../../domain/reports/forms.ts';
import type { AnnualReport } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ReportForm } from './FormTable.tsx';
import { ReportParams, ReportTitle, useReport, useReportParams } from './params.tsx';

/** 非公有制企业党建工作情况统计表 (reports.md §2). */
export default function AnnualPage() {
  const { t } = useI18n();
  const { region, scope, params, set } = useReportParams();
  const thisYear = new Date().getFullYear();
  const year = params.get('year') ?? String(thisYear - 1);
  const query = useReport<AnnualReport>('annual', { region, year, scope });
  const data = query.data;
  return (
    <>
      <ReportTitle name="annual" query={{ region, year, scope }} ready={!!data} />
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
            <ReportForm columns={ANNUAL_COLUMNS} report={data} testId="annual-table" />
          </Card>
        </Flex>
      )}
    </>
  );
}

// 组织生活情况 and 作用发挥情况 on screen: region and year as the annual table takes them, the
// form's two-level headers, 合计 first; a child region's name opens the same report for it
// (drill-down), and the title's button downloads the .xlsx of what is shown.
import { Alert, Button, Card, Flex, Form, Select, Table, type TableColumnsType, Typography } from 'antd';
import type { FormColumn } from '../../../domain/reports/forms.ts';
import { cellText } from '../../../domain/reports/forms.ts';
import type { components } from '../../api/schema.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { ReportParams, ReportTitle, useReport, useReportParams } from './params.tsx';

type Report = components['schemas']['OrglifeReport'] | components['schemas']['AchievementsReport'];
type Row = Report['rows'][number] & { total?: boolean };

/** The form's group names (the server's, in Chinese) to message keys; a group without labels is its column's. */
const GROUP_KEYS: Record<string, MessageKey> = {
  党组织: 'report.act.g.orgs',
  召开会议次数: 'report.act.g.meetings',
  参会情况: 'report.act.g.attendance',
  合理化建议: 'report.act.g.proposals',
  党员承诺: 'report.act.g.pledges',
  创新项目: 'report.act.g.innovations',
  出资人工作: 'report.act.g.owners',
  党组织评定: 'report.act.g.orgAppraisals',
  党员评议: 'report.act.g.memberAppraisals',
};

export function ActivityReportPage({
  name,
  columns,
}: {
  name: 'orglife' | 'achievements';
  columns: FormColumn<string>[];
}) {
  const { t } = useI18n();
  const { user, region, params, set } = useReportParams();
  const thisYear = new Date().getFullYear();
  const year = params.get('year') ?? String(thisYear - 1);
  const query = useReport<Report>(name, { region, year, scope: undefined });
  const data = query.data;
  const label = (c: FormColumn<string>) => t(`report.act.${c.key}` as MessageKey);
  const cell = (c: FormColumn<string>) => ({
    key: c.key,
    dataIndex: c.key,
    align: 'right' as const,
    width: 96,
    render: (_: unknown, r: Row) => (r.total ? <strong>{cellText(r, c)}</strong> : cellText(r, c)),
  });
  const grouped: TableColumnsType<Row> = [];
  for (const c of columns) {
    const group = GROUP_KEYS[c.group];
    if (!c.label || !group) {
      grouped.push({ title: label(c), ...cell(c) });
      continue;
    }
    const last = grouped.at(-1) as { key?: unknown; children?: unknown[] } | undefined;
    if (last?.children && last.key === `g-${c.group}`) last.children.push({ title: label(c), ...cell(c) });
    else grouped.push({ title: t(group), key: `g-${c.group}`, children: [{ title: label(c), ...cell(c) }] });
  }
  const table: TableColumnsType<Row> = [
    {
      title: t('report.regionCol'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 150,
      render: (n: string, r: Row) =>
        r.total ? (
          <strong>{t('report.total')}</strong>
        ) : r.direct ? (
          n
        ) : (
          <Typography.Link onClick={() => set({ region: r.region })} data-testid={`drill-${r.region}`}>
            {n}
          </Typography.Link>
        ),
    },
    ...grouped,
  ];
  return (
    <>
      <ReportTitle name={name} query={{ region, year }} ready={!!data} />
      <ReportParams
        noScope
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
              data ? `${data.name} · ${data.year} · ${t('report.asOf', { date: data.asOf })}` : t(`report.hub.${name}`)
            }
            extra={
              region !== user.regionCode && (
                <Button size="small" onClick={() => set({ region: null })} data-testid="report-up">
                  {t('report.act.up')}
                </Button>
              )
            }
            loading={!data}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('report.act.drillHint')}
            </Typography.Paragraph>
            {data && (
              <Table<Row>
                size="small"
                bordered
                rowKey={(r) => (r.total ? 'total' : `${r.region}${r.direct ? '-direct' : ''}`)}
                columns={table}
                dataSource={[{ ...data.total, total: true } as Row, ...(data.rows as Row[])]}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid={`${name}-table`}
              />
            )}
          </Card>
        </Flex>
      )}
    </>
  );
}

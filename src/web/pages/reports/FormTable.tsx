// A report laid out like its paper form: the region column, two-level headers from the form's
// columns, 合计 first. Enterprise figures open the list of enterprises behind them as of the
// report date (/stats/enterprises).
import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { cellText, type FormColumn, type ListSelection } from '../../../domain/reports/forms.ts';
import type { RemoteStanding, Scope } from '../../api/types.ts';
import { queryString } from '../../api.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { RemoteTag } from './RemoteTag.tsx';

export interface FormRow {
  region: string;
  name: string;
  direct?: boolean;
  total?: boolean;
  /** A child region with its own deployment: its figures come from its package. */
  remote?: RemoteStanding;
}

/** The form's group names (the server's, in Chinese) to message keys. */
const GROUP_KEYS: Record<string, MessageKey> = {
  企业: 'report.ag.enterprise',
  党员: 'report.ag.members',
  已建党组织的企业: 'report.ag.covered',
  党组织: 'report.ag.orgs',
  未建党组织的企业: 'report.ag.uncovered',
  工作覆盖: 'report.ag.work',
  覆盖率: 'report.ag.rates',
  本年情况: 'report.ag.year',
  交叉任职: 'report.ag.crossHolding',
  本季新建党组织数: 'report.group.newOrgs',
  '其中：按组建方式': 'report.group.byFormation',
  '其中：按类别': 'report.group.byType',
  新覆盖企业数: 'report.group.newlyCovered',
  季末党组织覆盖率: 'report.group.rate',
  '较上季变化（百分点）': 'report.group.change',
};

export function listLink(region: string, date: string, scope: string, list: ListSelection): string {
  return `/stats/enterprises${queryString({ region, date, scope, ...list })}`;
}

interface Props<R extends FormRow> {
  columns: FormColumn<string>[];
  total: R;
  rows: R[];
  date: string;
  scope: string;
  testId: string;
}

export function FormTable<R extends FormRow>({ columns, total, rows, date, scope, testId }: Props<R>) {
  const { t } = useI18n();
  const cell = (c: FormColumn<string>) => ({
    dataIndex: c.key,
    align: 'right' as const,
    width: c.kind === 'count' ? 96 : 104,
    render: (v: unknown, r: R) => {
      const text = cellText(r, c);
      const body = r.total ? <strong>{text}</strong> : text;
      // The region's own level has no list of its own: its enterprises are in the total's list.
      if (!c.list || r.direct || typeof v !== 'number') return body;
      return <Link to={listLink(r.region, date, scope, c.list)}>{body}</Link>;
    },
  });
  const grouped: TableColumnsType<R> = [];
  for (const c of columns) {
    const title = t(GROUP_KEYS[c.group] ?? ('report.hub.title' as MessageKey));
    if (!c.label) {
      grouped.push({ title, key: c.key, ...cell(c) });
      continue;
    }
    const last = grouped.at(-1) as { title?: unknown; children?: unknown[] } | undefined;
    const child = { title: t(`report.ac.${c.key}` as MessageKey), key: c.key, ...cell(c) };
    if (last?.children && last.title === title) last.children.push(child);
    else grouped.push({ title, key: `g-${c.key}`, children: [child] });
  }
  const table: TableColumnsType<R> = [
    {
      title: t('report.regionCol'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 140,
      render: (n: string, r: R) =>
        r.total ? (
          <strong>{t('report.total')}</strong>
        ) : (
          <>
            {n}
            <RemoteTag remote={r.remote} region={r.region} />
          </>
        ),
    },
    ...grouped,
  ];
  return (
    <Table<R>
      size="small"
      bordered
      rowKey={(r) => (r.total ? 'total' : `${r.region}${r.direct ? '-direct' : ''}`)}
      columns={table}
      dataSource={[{ ...total, total: true }, ...rows]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}

/**
 * A report's form as its page shows it: the hint (figures open their lists; which enterprises are
 * counted), then the table once the report is there.
 */
export function ReportForm<R extends FormRow>({
  columns,
  report,
  testId,
}: {
  columns: FormColumn<string>[];
  report: { total: R; rows: R[]; asOf: string; scope: Scope } | undefined;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('report.clickHint')} · {t(`report.scope.${report?.scope ?? 'all'}`)}
      </Typography.Paragraph>
      {report && (
        <FormTable
          columns={columns}
          total={report.total}
          rows={report.rows}
          date={report.asOf}
          scope={report.scope}
          testId={testId}
        />
      )}
    </>
  );
}

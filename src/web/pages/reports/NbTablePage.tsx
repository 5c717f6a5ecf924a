// 年报 tables 27, 30 and 43 (docs/annual-tables.md): the region's table laid out as the official
// form (项目, 行号, the lettered columns under their group captions), and below it the child
// regions, each a link that opens its own table (drill-down). The table prints as the form
// (the parameter card and the region list are not printed).
import { Alert, Button, Card, Flex, Form, Select, Table, Tooltip, Typography } from 'antd';
import { NB_LAYOUTS, type NbLayout, type NbTableId } from '../../../domain/reports/nbTables.ts';
import type { Nb27Report, Nb30Report, Nb43Report } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ReportParams, ReportTitle, useReport, useReportParams } from './params.tsx';
import { RemoteTag } from './RemoteTag.tsx';

type Report = Nb27Report | Nb30Report | Nb43Report;
type Cells = Record<string, number>;

const cellStyle = { border: '1px solid #d9d9d9', padding: '4px 6px' } as const;

/** The official grid: three header rows (group, label, 栏号), one line a table row. */
function OfficialTable({ layout, cells }: { layout: NbLayout; cells: Cells }) {
  const { t, lang } = useI18n();
  const zh = lang !== 'en-US';
  const text = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
  const groups: { first: string; label: string; span: number; own: boolean }[] = [];
  for (const c of layout.columns) {
    const last = groups[groups.length - 1];
    const label = c.group ? text(c.group) : text(c);
    if (c.group && last && !last.own && last.label === label) last.span++;
    else groups.push({ first: c.letter, label, span: 1, own: !c.group });
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', fontSize: 13, minWidth: '100%' }} data-testid="nb-table">
        <thead>
          <tr>
            <th rowSpan={2} style={cellStyle}>
              {t('report.nb.item')}
            </th>
            <th rowSpan={2} style={cellStyle}>
              {t('report.nb.rowNo')}
            </th>
            {groups.map((g) => (
              <th key={g.first} colSpan={g.span} rowSpan={g.own ? 2 : 1} style={cellStyle}>
                {g.label}
              </th>
            ))}
          </tr>
          <tr>
            {layout.columns
              .filter((c) => c.group)
              .map((c) => (
                <th key={c.letter} style={cellStyle}>
                  {text(c)}
                </th>
              ))}
          </tr>
          <tr>
            <th colSpan={2} style={cellStyle}>
              {t('report.nb.colNo')}
            </th>
            {layout.columns.map((c) => (
              <th key={c.letter} style={cellStyle}>
                {c.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((r, i) => {
            const opens = r.section && layout.rows[i - 1]?.section?.zh !== r.section.zh;
            return (
              <tr key={r.no}>
                <td style={{ ...cellStyle, paddingInlineStart: 6 + r.indent * 14, whiteSpace: 'nowrap' }}>
                  {opens && r.section ? `${text(r.section)}：` : ''}
                  {text(r)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontSize: 12 }}>
                    （{t(r.unit === 'units' ? 'report.nb.units' : 'report.nb.persons')}）
                  </Typography.Text>
                </td>
                <td style={{ ...cellStyle, textAlign: 'center' }}>{r.no}</td>
                {layout.columns.map((c) => (
                  <td
                    key={c.letter}
                    style={{ ...cellStyle, textAlign: 'right' }}
                    data-testid={`nb-cell-${c.letter}${r.no}`}
                  >
                    {(cells[`${c.letter}${r.no}`] ?? 0).toLocaleString()}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The child regions with the table's 总数 column: a region's name opens its table. */
function ByRegion({ layout, report, open }: { layout: NbLayout; report: Report; open: (code: string) => void }) {
  const { t, lang } = useI18n();
  const zh = lang !== 'en-US';
  return (
    <Table
      size="small"
      rowKey="region"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={report.rows}
      data-testid="nb-regions"
      columns={[
        {
          title: t('report.regionCol'),
          dataIndex: 'name',
          fixed: 'left',
          render: (name: string, row) =>
            row.direct ? (
              name
            ) : (
              <>
                <Button
                  type="link"
                  size="small"
                  onClick={() => open(row.region)}
                  data-testid={`nb-region-${row.region}`}
                >
                  {name}
                </Button>
                <RemoteTag remote={row.remote} region={row.region} />
              </>
            ),
        },
        ...layout.rows.map((r) => ({
          key: r.no,
          title: (
            <Tooltip title={zh ? r.zh : r.en}>
              <span>{`A${r.no}`}</span>
            </Tooltip>
          ),
          align: 'right' as const,
          render: (_: unknown, row: Report['rows'][number]) => ((row.cells as Cells)[`A${r.no}`] ?? 0).toLocaleString(),
        })),
      ]}
    />
  );
}

export function NbTablePage({ table }: { table: NbTableId }) {
  const { t, lang } = useI18n();
  const layout = NB_LAYOUTS[table];
  const { region, params, set } = useReportParams();
  const thisYear = new Date().getFullYear();
  const year = params.get('year') ?? String(thisYear - 1);
  const query = useReport<Report>(table, { region, year, scope: undefined });
  const data = query.data;
  return (
    <>
      <ReportTitle name={table} query={{ region, year }} ready={!!data} />
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
            title={t('report.nb.title', { number: layout.number, title: lang === 'en-US' ? layout.en : layout.zh })}
            extra={data ? `${data.name} · ${data.year} · ${t('report.asOf', { date: data.asOf })}` : null}
            loading={!data}
          >
            {data && <OfficialTable layout={layout} cells={data.total as Cells} />}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t(table === 'nb43' ? 'report.nb.scopeNote43' : 'report.nb.scopeNote')}
            </Typography.Paragraph>
          </Card>
          {data && data.rows.length > 0 && (
            <Card
              size="small"
              title={t('report.nb.byRegion')}
              extra={<Typography.Text type="secondary">{t('report.nb.regionHint')}</Typography.Text>}
              className="dj-no-print"
            >
              <ByRegion layout={layout} report={data} open={(code) => set({ region: code })} />
            </Card>
          )}
        </Flex>
      )}
    </>
  );
}

import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { ratePercent, rateTenths, tenthsText } from '../../../domain/stats/rate.ts';
import type { DashboardChild } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import { CHART_COLORS, type ChartOption } from '../../components/echarts.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type FigureContext, figureHref, type Selection } from './links.ts';

interface Props {
  rows: DashboardChild[];
  ctx: FigureContext;
  /** The dashboard of a child region (drill-down); the 本级 row has none. */
  drillHref: (code: string) => string;
  loading: boolean;
}

/** Rows shown at once in the chart; more scroll inside it. */
const VISIBLE_BARS = 20;

const orgTenths = (c: DashboardChild) => (c.ledger ? rateTenths(c.ledger.orgCovered, c.ledger.inScope) : null);

/**
 * The child regions ranked by their 组建率 as horizontal bars (the ranking a leader reads
 * first); a click anywhere on a region's row of the chart opens its dashboard, as its name
 * in the table does. Rates are printed by the domain from the counts.
 */
function RankingChart({ rows, drillHref }: { rows: DashboardChild[]; drillHref: (code: string) => string }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  // Highest rate first; regions with nothing in scope (“—”) last, in the table's order.
  const ranked = useMemo(
    () =>
      rows
        .map((c, i) => ({ c, i, tenths: orgTenths(c) }))
        .sort((a, b) => (b.tenths ?? -1) - (a.tenths ?? -1) || a.i - b.i),
    [rows],
  );
  const title = `${t('dashboard.byRegion')} · ${t('dashboard.rate.org')}`;
  const option = useMemo((): ChartOption => {
    const scroll = ranked.length > VISIBLE_BARS;
    return {
      color: CHART_COLORS,
      grid: {
        left: 8,
        right: scroll ? 64 : 56,
        top: 28,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: unknown) => {
          const i = (items as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const r = ranked[i];
          if (!r) return '';
          const l = r.c.ledger;
          return [
            `<b>${r.c.name}</b>`,
            `${t('dashboard.rate.org')}&nbsp;&nbsp;<b>${tenthsText(r.tenths)}</b>`,
            `${t('dashboard.col.covered')}&nbsp;&nbsp;${(l?.orgCovered ?? 0).toLocaleString()} / ${(l?.inScope ?? 0).toLocaleString()}`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%', fontSize: 11 },
        splitNumber: isPhone ? 2 : 5,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        triggerEvent: true,
        data: ranked.map((r) => r.c.name),
        axisTick: { show: false },
        axisLabel: { fontSize: 12, width: isPhone ? 84 : 160, overflow: 'truncate' },
      },
      dataZoom: scroll
        ? [
            {
              type: 'inside',
              yAxisIndex: 0,
              startValue: 0,
              endValue: VISIBLE_BARS - 1,
              zoomOnMouseWheel: false,
              moveOnMouseWheel: true,
            },
            {
              type: 'slider',
              yAxisIndex: 0,
              right: 4,
              width: 16,
              startValue: 0,
              endValue: VISIBLE_BARS - 1,
              showDetail: false,
            },
          ]
        : [],
      series: [
        {
          type: 'bar',
          name: t('dashboard.rate.org'),
          data: ranked.map((r) => (r.tenths === null ? null : r.tenths / 10)),
          barMaxWidth: 14,
          showBackground: true,
          backgroundStyle: { color: 'rgba(0,0,0,0.06)', borderRadius: 5 },
          itemStyle: { borderRadius: 5 },
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: unknown) => tenthsText(ranked[(p as { dataIndex: number }).dataIndex]?.tenths ?? null),
          },
        },
      ],
    };
  }, [ranked, t, isPhone]);
  const bars = Math.min(ranked.length, VISIBLE_BARS);
  return (
    <EChart
      option={option}
      title={title}
      testId="region-bars"
      height={Math.max(120, bars * (isPhone ? 30 : 28) + 48)}
      onClick={({ dataIndex }) => {
        const r = ranked[dataIndex];
        if (r && !r.c.direct) navigate(drillHref(r.c.code));
      }}
    />
  );
}

export function RegionBars({ rows, ctx, drillHref, loading }: Props) {
  const { t } = useI18n();
  const count = (c: DashboardChild, n: number, sel: Selection, key: string) => {
    const to = figureHref({ ...ctx, region: c.code, regionOnly: !!c.direct }, sel);
    const text = n.toLocaleString();
    return to ? (
      <Link to={to} data-testid={`child-${c.code}${c.direct ? '-direct' : ''}-${key}`}>
        {text}
      </Link>
    ) : (
      text
    );
  };
  // A rate with its count beside it, the count opening the enterprises it counts.
  const rateColumn = (
    coverage: 'standalone' | 'work',
    title: string,
    field: 'standalone' | 'workCovered',
  ): TableColumnsType<DashboardChild>[number] => ({
    title,
    key: coverage,
    align: 'right',
    render: (_, c) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {ratePercent(c.ledger?.[field] ?? 0, c.ledger?.inScope ?? 0)} (
        {count(c, c.ledger?.[field] ?? 0, { coverage }, field)})
      </span>
    ),
  });
  const columns: TableColumnsType<DashboardChild> = [
    {
      title: t('region.col.name'),
      key: 'name',
      render: (_, c) =>
        c.direct ? (
          <Typography.Text>{c.name}</Typography.Text>
        ) : (
          <Link to={drillHref(c.code)} data-testid={`drill-${c.code}`}>
            {c.name}
          </Link>
        ),
    },
    {
      title: t('dashboard.rate.org'),
      key: 'rate',
      align: 'right',
      render: (_, c) => {
        const text = tenthsText(orgTenths(c));
        return c.direct ? text : <Link to={drillHref(c.code)}>{text}</Link>;
      },
    },
    {
      title: t('dashboard.col.covered'),
      key: 'covered',
      align: 'right',
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {count(c, c.ledger?.orgCovered ?? 0, { coverage: 'org' }, 'orgCovered')}
          {' / '}
          {count(c, c.ledger?.inScope ?? 0, { status: 'in_scope' }, 'inScope')}
        </span>
      ),
    },
    rateColumn('standalone', t('rate.standaloneRate'), 'standalone'),
    rateColumn('work', t('rate.workCoverageRate'), 'workCovered'),
    {
      title: t('category.should_form'),
      key: 'should_form',
      align: 'right',
      render: (_, c) => count(c, c.ledger?.categories.should_form ?? 0, { category: 'should_form' }, 'should_form'),
    },
    {
      title: t('flag.key_watch'),
      key: 'key_watch',
      align: 'right',
      render: (_, c) => count(c, c.ledger?.keyWatch ?? 0, { flag: 'key_watch' }, 'keyWatch'),
    },
  ];
  return (
    <Card title={t('dashboard.byRegion')} size="small" style={{ marginBottom: 12 }}>
      {rows.length > 0 && <RankingChart rows={rows} drillHref={drillHref} />}
      <Table<DashboardChild>
        rowKey={(c) => `${c.code}${c.direct ? '-direct' : ''}`}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('dashboard.noChildren') }}
      />
    </Card>
  );
}

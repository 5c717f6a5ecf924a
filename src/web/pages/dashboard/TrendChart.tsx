import { useQuery } from '@tanstack/react-query';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { fractionTenths, rateTenths, tenthsText } from '../../../domain/stats/rate.ts';
import type { Scope, TrendPoint } from '../../api/types.ts';
import { api } from '../../api.ts';
import { EChart } from '../../components/EChart.tsx';
import { CHART_COLORS, type ChartOption } from '../../components/echarts.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type Segment, segmentQuery } from './segment.ts';

/** The point's three rates in tenths of a percent, printed by the domain; null where nothing was in scope. */
function tenthsOf(p: TrendPoint) {
  return {
    // The org rate from its counts; the others reach the page only as fractions.
    orgCoverageRate: rateTenths(p.orgCovered, p.inScope),
    standaloneRate: fractionTenths(p.standaloneRate),
    workCoverageRate: fractionTenths(p.workCoverageRate),
  };
}

// The org rate thickest and underneath, work coverage dashed on top: where two rates are
// equal (the covered enterprises are the ones with an instructor) both lines still show.
const LINES = [
  { key: 'orgCoverageRate', label: 'dashboard.rate.org', width: 3, type: 'solid', z: 2 },
  { key: 'standaloneRate', label: 'rate.standaloneRate', width: 2, type: 'solid', z: 3 },
  { key: 'workCoverageRate', label: 'rate.workCoverageRate', width: 2, type: 'dashed', z: 4 },
] as const;

/** The three rates at each of the last quarter ends (this quarter up to the date), as ECharts lines. */
export function TrendChart({
  region,
  date,
  scope,
  segment,
}: {
  region: string;
  date: string;
  scope: Scope;
  segment: Segment;
}) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const query = useQuery({
    queryKey: ['stats', 'trend', region, date, scope, segment],
    queryFn: () =>
      api.get<TrendPoint[]>('/api/stats/trend', { region, date, scope, quarters: 6, ...segmentQuery(segment) }),
  });
  const title = t('dashboard.trend');
  const option = useMemo((): ChartOption => {
    const points = query.data ?? [];
    const tenths = points.map(tenthsOf);
    const names = LINES.map((l) => t(l.label));
    // The top of the scale: the highest rate rounded up to 10 points, at least 10 %.
    const highest = Math.max(0, ...tenths.flatMap((x) => LINES.map((l) => x[l.key] ?? 0)));
    const top = Math.min(100, Math.max(10, Math.ceil(highest / 100) * 10));
    // Short legend names on a phone: the part before the bracket (组建率, not its long form).
    const short = (s: string) => (isPhone ? s.replace(/[（(].*$/, '').trim() : s);
    return {
      color: CHART_COLORS,
      grid: {
        left: 8,
        right: 16,
        top: 36,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      // Top left, clear of the toolbox at the top right; a click on an entry hides its line.
      legend: { top: 0, left: 0, right: 40, type: 'scroll', textStyle: { fontSize: isPhone ? 11 : 12 } },
      tooltip: {
        trigger: 'axis',
        formatter: (items: unknown) => {
          const list = items as { dataIndex: number; seriesIndex: number; marker: string; seriesName: string }[];
          const i = list[0]?.dataIndex ?? 0;
          const p = points[i];
          if (!p) return '';
          const rows = list.map((it) => {
            const line = LINES[it.seriesIndex] as (typeof LINES)[number];
            return `${it.marker}${it.seriesName}&nbsp;&nbsp;<b>${tenthsText(tenths[i]?.[line.key] ?? null)}</b>`;
          });
          return [`${p.quarter}（${p.date}）`, ...rows].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: points.map((p) => p.quarter),
        // On a phone the year's century goes (26Q3): six quarters fit side by side.
        axisLabel: { fontSize: 11, hideOverlap: true, formatter: (q: string) => (isPhone ? q.slice(2) : q) },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: top,
        // Five steps of whole percents: no crowded tick under the top (10 % over 9 %).
        interval: top / 5,
        axisLabel: { formatter: '{value}%', fontSize: 11 },
      },
      series: LINES.map((l, s) => ({
        type: 'line',
        name: short(names[s] as string),
        // Percent with the domain's one decimal; a quarter with nothing in scope breaks the line.
        data: tenths.map((x) => (x[l.key] === null ? null : (x[l.key] as number) / 10)),
        connectNulls: false,
        symbolSize: 6,
        z: l.z,
        lineStyle: { width: l.width, type: l.type },
      })),
    };
  }, [query.data, t, isPhone]);
  return (
    <Card title={title} size="small" loading={query.isPending} style={{ height: '100%' }}>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (query.data ?? []).length === 0 ? (
        <Empty />
      ) : (
        <EChart option={option} title={title} height={isPhone ? 260 : 280} testId="trend" />
      )}
    </Card>
  );
}

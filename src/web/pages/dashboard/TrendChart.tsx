import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Typography } from 'antd';
import type { Scope, TrendPoint } from '../../api/types.ts';
import { api } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatRate } from './rate.ts';
import { type Segment, segmentQuery } from './segment.ts';

const LINES = [
  { key: 'orgCoverageRate', color: '#c41d1d', label: 'dashboard.rate.org' },
  { key: 'standaloneRate', color: '#d48806', label: 'rate.standaloneRate' },
  { key: 'workCoverageRate', color: '#1677ff', label: 'rate.workCoverageRate' },
] as const;

const W = 600;
const H = 220;
const PAD = { left: 40, right: 16, top: 12, bottom: 28 };

/** The three rates at each of the last quarter ends (this quarter up to the date): plain SVG lines. */
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
  const query = useQuery({
    queryKey: ['stats', 'trend', region, date, scope, segment],
    queryFn: () =>
      api.get<TrendPoint[]>('/api/stats/trend', { region, date, scope, quarters: 6, ...segmentQuery(segment) }),
  });
  const points = query.data ?? [];
  // The top of the scale: the highest rate rounded up to 10 points, at least 10 %.
  const top = Math.max(
    0.1,
    Math.ceil(Math.max(0, ...points.flatMap((p) => LINES.map((l) => p[l.key] ?? 0))) * 10) / 10,
  );
  const x = (i: number) => PAD.left + (points.length < 2 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (r: number) => PAD.top + (1 - r / top) * (H - PAD.top - PAD.bottom);
  const ticks = [0, top / 2, top];
  return (
    <Card title={t('dashboard.trend')} size="small" loading={query.isPending} style={{ height: '100%' }}>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : points.length === 0 ? (
        <Empty />
      ) : (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('dashboard.trend')} data-testid="trend">
            {ticks.map((v) => (
              <g key={v}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="rgba(0,0,0,0.08)" />
                <text x={PAD.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="rgba(0,0,0,0.45)">
                  {Math.round(v * 100)}%
                </text>
              </g>
            ))}
            {points.map((p, i) => (
              <text key={p.quarter} x={x(i)} y={H - 8} fontSize={11} textAnchor="middle" fill="rgba(0,0,0,0.45)">
                {p.quarter}
              </text>
            ))}
            {LINES.map((l) => {
              // A quarter with nothing in scope has no rate: the line breaks there.
              const segments = points.map((p, i) => (p[l.key] === null ? null : `${x(i)},${y(p[l.key] as number)}`));
              return (
                <g key={l.key}>
                  <polyline fill="none" stroke={l.color} strokeWidth={2} points={segments.filter(Boolean).join(' ')} />
                  {points.map((p, i) =>
                    p[l.key] === null ? null : (
                      <circle key={p.quarter} cx={x(i)} cy={y(p[l.key] as number)} r={3} fill={l.color}>
                        <title>{`${p.quarter} ${t(l.label)} ${formatRate(p[l.key])}`}</title>
                      </circle>
                    ),
                  )}
                </g>
              );
            })}
          </svg>
          <Flex wrap gap="4px 16px" justify="center">
            {LINES.map((l) => (
              <Typography.Text key={l.key} type="secondary" style={{ fontSize: 12 }}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 12,
                    height: 3,
                    background: l.color,
                    marginInlineEnd: 4,
                    verticalAlign: 'middle',
                  }}
                />
                {t(l.label)} {formatRate(points.at(-1)?.[l.key] ?? null)}
              </Typography.Text>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, DatePicker, Flex, Row, Segmented, Statistic } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { localDateString } from '../../../domain/calendarDate.ts';
import type { DashboardData, Scope } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { CoverageFigures } from './CoverageFigures.tsx';
import { LaggingPanel } from './LaggingPanel.tsx';
import { dashboardHref } from './links.ts';
import { PromptCounts } from './PromptCounts.tsx';
import { RegionBars } from './RegionBars.tsx';
import { RegionTable } from './RegionTable.tsx';
import { SegmentBar } from './SegmentBar.tsx';
import { isWhole, readSegment, SEGMENT_KEYS, type Segment, segmentQuery } from './segment.ts';
import { TrendChart } from './TrendChart.tsx';

type Figure = keyof DashboardData['figures'];

// Region counts by level (1 province … 5 village), then users; a level at or above the
// region's own is always zero and is left out, and so are villages while none are loaded.
const FIGURES: { key: Figure; level?: number }[] = [
  { key: 'provinces', level: 1 },
  { key: 'cities', level: 2 },
  { key: 'counties', level: 3 },
  { key: 'towns', level: 4 },
  { key: 'villages', level: 5 },
  { key: 'users' },
  { key: 'activeUsers' },
];

/**
 * The dashboard of a region (the user's own, or any below it: ?region=CODE) as of a date
 * (?date=, today by default) in a survey scope (?scope=): coverage rates, the child regions
 * as bars to drill into, the quarterly trend, the categories and flags, the work prompts and
 * the lagging regions. Every figure opens the list of the enterprises it counts.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const today = localDateString(new Date());
  const region = params.get('region') ?? user.regionCode;
  const date = params.get('date') ?? today;
  const scopeParam = params.get('scope');
  const askedScope: Scope | null = scopeParam === 'survey' || scopeParam === 'all' ? scopeParam : null;
  const segment = readSegment(params);

  const query = useQuery({
    queryKey: ['dashboard', region, date, askedScope, segment],
    queryFn: () =>
      api.get<DashboardData>('/api/dashboard', {
        region,
        ...(date !== today ? { date } : {}),
        ...(askedScope ? { scope: askedScope } : {}),
        ...segmentQuery(segment),
      }),
    placeholderData: keepPreviousData,
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const data = query.data;
  const ledger = data?.ledger ?? null;
  // The scope the figures were counted in: the deployment's default unless one was asked.
  const scope: Scope = data?.scope ?? askedScope ?? 'all';
  const drillHref = (code: string) => dashboardHref(params, code);
  const ctx = { region, date, today, scope, segment };

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const setSegment = (next: Segment) => {
    const q = new URLSearchParams(params);
    for (const k of SEGMENT_KEYS) q.delete(k);
    for (const [k, v] of Object.entries(next)) for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
    setParams(q);
  };

  const controls = ledger !== null && (
    <Flex wrap gap={8} align="center">
      <Segmented<Scope>
        value={scope}
        onChange={(v) => set({ scope: v })}
        options={[
          { value: 'all', label: <span data-testid="scope-all">{t('dashboard.scope.all')}</span> },
          { value: 'survey', label: <span data-testid="scope-survey">{t('dashboard.scope.survey')}</span> },
        ]}
      />
      <DatePicker
        allowClear={false}
        value={dayjs(date)}
        maxDate={dayjs(today)}
        aria-label={t('dashboard.asOf')}
        prefix={t('dashboard.asOf')}
        onChange={(d) => set({ date: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : null })}
        data-testid="as-of"
      />
    </Flex>
  );

  return (
    <>
      <PageTitle extra={controls}>
        {data ? t('dashboard.title', { region: data.region.name }) : t('nav.dashboard')}
      </PageTitle>
      {data && data.path.length > 1 && (
        <Breadcrumb
          style={{ marginTop: -8, marginBottom: 12 }}
          items={data.path.map((p, i) => ({
            key: p.code,
            title:
              i < data.path.length - 1 ? (
                <Link to={drillHref(p.code)} data-testid={`crumb-${p.code}`}>
                  {p.name}
                </Link>
              ) : (
                p.name
              ),
          }))}
        />
      )}
      {ledger && data && (
        <>
          <SegmentBar segment={segment} onChange={setSegment} />
          <CoverageFigures ledger={ledger} missing={data.missing} massOrgOnly={data.massOrgOnly} ctx={ctx} />
          <RegionBars rows={data.children} ctx={ctx} drillHref={drillHref} loading={query.isFetching} />
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} xl={12}>
              <TrendChart region={region} date={date} scope={scope} segment={segment} />
            </Col>
            {can('prompt.read') && (
              <Col xs={24} md={12} xl={6}>
                <PromptCounts />
              </Col>
            )}
            {/* Lagging is judged on a region's whole ledger, not on a part of it; it is a report. */}
            {isWhole(segment) && can('report.read') && (
              <Col xs={24} md={12} xl={6}>
                <LaggingPanel region={region} date={date} scope={scope} drillHref={drillHref} />
              </Col>
            )}
          </Row>
        </>
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {FIGURES.filter(
          (f) =>
            !data ||
            f.level === undefined ||
            (f.level > data.region.level && !(f.key === 'villages' && data.figures.villages === 0)),
        ).map((f) => (
          <Col key={f.key} flex="1 1 140px">
            <Card size="small" loading={query.isPending} style={{ height: '100%' }}>
              <Statistic title={t(`figure.${f.key}`)} value={data?.figures[f.key] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      {!ledger && data && <RegionTable rows={data.children} drillHref={drillHref} />}
    </>
  );
}

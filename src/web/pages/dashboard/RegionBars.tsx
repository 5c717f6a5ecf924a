import { Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { DashboardChild } from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type FigureContext, figureHref, type Selection } from './links.ts';
import { formatRate } from './rate.ts';

interface Props {
  rows: DashboardChild[];
  ctx: FigureContext;
  /** The dashboard of a child region (drill-down); the 本级 row has none. */
  drillHref: (code: string) => string;
  loading: boolean;
}

/** A CSS bar of a rate: the share of the track filled, none for “—”. */
function Bar({ rate }: { rate: number | null }) {
  return (
    <div
      role="img"
      aria-label={formatRate(rate)}
      style={{ flex: '1 1 80px', minWidth: 60, height: 10, background: 'rgba(0,0,0,0.06)', borderRadius: 5 }}
    >
      {rate !== null && (
        <div
          style={{ width: `${Math.min(100, rate * 100)}%`, height: '100%', background: '#c41d1d', borderRadius: 5 }}
        />
      )}
    </div>
  );
}

/**
 * The child regions as bars of their 组建率, with each count beside; a region's name and bar
 * open its own dashboard (drill-down down to towns and villages), each count its list.
 */
export function RegionBars({ rows, ctx, drillHref, loading }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
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
      key: 'bar',
      width: isPhone ? 150 : 320,
      render: (_, c) => {
        const bar = (
          <Flex align="center" gap={8}>
            <Bar rate={c.ledger?.orgCoverageRate ?? null} />
            <span style={{ minWidth: 48, textAlign: 'right' }}>{formatRate(c.ledger?.orgCoverageRate ?? null)}</span>
          </Flex>
        );
        return c.direct ? bar : <Link to={drillHref(c.code)}>{bar}</Link>;
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
    {
      title: t('rate.standaloneRate'),
      key: 'standalone',
      align: 'right',
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatRate(c.ledger?.standaloneRate ?? null)} (
          {count(c, c.ledger?.standalone ?? 0, { coverage: 'standalone' }, 'standalone')})
        </span>
      ),
    },
    {
      title: t('rate.workCoverageRate'),
      key: 'work',
      align: 'right',
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatRate(c.ledger?.workCoverageRate ?? null)} (
          {count(c, c.ledger?.workCovered ?? 0, { coverage: 'work' }, 'workCovered')})
        </span>
      ),
    },
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

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import type { ApiResponse, Comparison, SideFacts, SnapshotState, TransitionRow } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

const PAGE_SIZE = 20;
/** A category while in scope, out of scope (closed), or not in the snapshot at all (absent). */
const STATES: SnapshotState[] = [...LEDGER_CATEGORIES, 'closed', 'absent'];
const isState = (s: string | null): s is SnapshotState => STATES.includes(s as SnapshotState);

/**
 * Two snapshots compared enterprise by enterprise: the matrix of how many went from each state
 * (rows, the earlier snapshot) to each other (columns, the later one); a cell opens the
 * enterprises it counts, as many as it says.
 */
export default function ComparePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const cellFrom = params.get('fromState');
  const cellTo = params.get('toState');
  const page = Number(params.get('page')) || 1;
  const state = (s: string) => t(`snapshots.state.${s}` as MessageKey);

  const compare = useQuery({
    queryKey: ['snapshots', 'compare', from, to],
    queryFn: () => api.get<Comparison>('/api/snapshots/compare', { from: from ?? '', to: to ?? '' }),
    enabled: !!from && !!to,
  });
  const cell = isState(cellFrom) && isState(cellTo) ? { from: cellFrom, to: cellTo } : null;
  const list = useQuery({
    queryKey: ['snapshots', 'transition', from, to, cell, page],
    queryFn: () =>
      api.get<ApiResponse<'/api/snapshots/compare/enterprises'>>('/api/snapshots/compare/enterprises', {
        from: from ?? '',
        to: to ?? '',
        fromState: cell?.from ?? '',
        toState: cell?.to ?? '',
        page,
        pageSize: PAGE_SIZE,
      }),
    enabled: !!cell,
    placeholderData: keepPreviousData,
  });
  if (compare.isError) return <QueryError error={compare.error} retry={() => void compare.refetch()} />;
  const data = compare.data;
  const n = (f: SnapshotState, x: SnapshotState) => data?.transitions.find((c) => c.from === f && c.to === x)?.n ?? 0;
  // Only the states that occur, so the matrix stays small on a phone.
  const used = STATES.filter((s) => data?.transitions.some((c) => c.from === s || c.to === s));
  const open = (f: SnapshotState, x: SnapshotState) => {
    const next = new URLSearchParams(params);
    next.set('fromState', f);
    next.set('toState', x);
    next.delete('page');
    setParams(next);
  };

  const matrixColumns: TableColumnsType<{ from: SnapshotState }> = [
    {
      title: t('snapshots.matrixCorner'),
      key: 'from',
      fixed: 'left',
      render: (_, r) => <Typography.Text strong>{state(r.from)}</Typography.Text>,
    },
    ...used.map((x) => ({
      title: state(x),
      key: x,
      align: 'right' as const,
      render: (_: unknown, r: { from: SnapshotState }) => {
        const v = n(r.from, x);
        if (v === 0) return <Typography.Text type="secondary">0</Typography.Text>;
        const selected = cell?.from === r.from && cell?.to === x;
        return (
          <Link
            to={`?${new URLSearchParams({ from: from ?? '', to: to ?? '', fromState: r.from, toState: x })}`}
            onClick={(e) => {
              e.preventDefault();
              open(r.from, x);
            }}
            data-testid={`cell-${r.from}-${x}`}
            style={{ fontWeight: r.from === x ? 'normal' : 'bold', textDecoration: selected ? 'underline' : undefined }}
          >
            {v.toLocaleString()}
          </Link>
        );
      },
    })),
  ];

  const side = (s: SideFacts | null) =>
    s === null
      ? state('absent')
      : `${state(s.inScope ? s.category : 'closed')} · ${t('ledger.members', { members: s.memberCount, full: s.fullMemberCount })} · ${t('snapshots.employees', { n: s.employees })}`;
  const listColumns: TableColumnsType<TransitionRow> = [
    {
      title: t('ledger.col.name'),
      key: 'name',
      render: (_, r) =>
        r.name ? (
          <Flex vertical>
            <Link to={`/ledger/${r.enterpriseId}`}>{r.name}</Link>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {r.uscc}
            </Typography.Text>
          </Flex>
        ) : (
          t('snapshots.outOfScope', { id: r.enterpriseId })
        ),
    },
    { title: data?.from.label ?? t('snapshots.from'), key: 'from', render: (_, r) => side(r.from) },
    { title: data?.to.label ?? t('snapshots.to'), key: 'to', render: (_, r) => side(r.to) },
  ];

  return (
    <>
      <PageTitle>
        <Link to="/snapshots">{t('snapshots.title')}</Link> / {t('snapshots.compare')}
      </PageTitle>
      <Card size="small" loading={compare.isPending} style={{ marginBottom: 12 }}>
        {data && (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'from',
                  label: t('snapshots.from'),
                  children: `${data.from.takenOn} ${data.from.label}（${data.from.enterpriseCount}）`,
                },
                {
                  key: 'to',
                  label: t('snapshots.to'),
                  children: `${data.to.takenOn} ${data.to.label}（${data.to.enterpriseCount}）`,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" data-testid="compare-totals">
              {t('snapshots.totals', {
                entered: data.totals.entered,
                left: data.totals.left,
                changed: data.totals.changed,
                unchanged: data.totals.unchanged,
              })}
            </Typography.Paragraph>
            <Table<{ from: SnapshotState }>
              rowKey="from"
              size="small"
              bordered
              columns={matrixColumns}
              dataSource={used.map((s) => ({ from: s }))}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('snapshots.matrixHint')}
            </Typography.Text>
          </>
        )}
      </Card>
      {cell && (
        <Card size="small" title={t('snapshots.transition', { from: state(cell.from), to: state(cell.to) })}>
          {list.isError ? (
            <QueryError error={list.error} retry={() => void list.refetch()} />
          ) : (
            <>
              <Typography.Text strong data-testid="transition-total" style={{ display: 'block', marginBottom: 12 }}>
                {t('ledger.total', { total: (list.data?.total ?? 0).toLocaleString() })}
              </Typography.Text>
              <Table<TransitionRow>
                rowKey="enterpriseId"
                size="small"
                columns={listColumns}
                dataSource={list.data?.rows}
                loading={list.isFetching}
                scroll={{ x: 'max-content' }}
                onChange={(p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p.current ?? 1));
                  setParams(next);
                }}
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  showSizeChanger: false,
                }}
              />
            </>
          )}
        </Card>
      )}
    </>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Col, Empty, Flex, Pagination, Row, Segmented, Spin, Switch, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { RequestStatus } from '../../../domain/casework/requests.ts';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { REQUEST_STATUSES, STATUS_COLORS, statusKey } from './labels.ts';
import { RequestCard } from './RequestCard.tsx';

const FILTERS = ['open', 'all', ...REQUEST_STATUSES] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 50;

/** 企业诉求: a list with status filters, or a board with a column per status. */
export default function RequestsPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter: Filter = FILTERS.includes(raw as Filter) ? (raw as Filter) : 'all';
  const silent = params.get('silent') === 'true';
  const board = !isPhone && params.get('view') === 'board';
  const page = Number(params.get('page')) || 1;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const status = filter === 'all' || filter === 'open' || board ? undefined : filter;
  const query = useQuery({
    queryKey: ['casework', 'requests', { filter, silent, page, board }],
    queryFn: () =>
      api.get<ApiResponse<'/api/casework/requests'>>('/api/casework/requests', {
        status,
        open: (!board && filter === 'open') || undefined,
        silent: silent || undefined,
        page: board ? 1 : page,
        pageSize: board ? 200 : PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];

  return (
    <>
      <PageTitle
        extra={
          !isPhone && (
            <Segmented
              value={board ? 'board' : 'list'}
              onChange={(v) => set('view', v === 'board' ? 'board' : null)}
              options={[
                { value: 'list', label: t('request.view.list') },
                { value: 'board', label: t('request.view.board') },
              ]}
            />
          )
        }
      >
        {t('request.title')}
      </PageTitle>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        {!board && (
          <Segmented<Filter>
            value={filter}
            onChange={(v) => set('status', v === 'all' ? null : v)}
            options={FILTERS.map((f) => ({ value: f, label: t(`request.status.${f}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        )}
        <Flex gap={8} align="center">
          <Switch
            checked={silent}
            onChange={(v) => set('silent', v ? 'true' : null)}
            aria-label={t('request.onlySilent')}
          />
          <Typography.Text>{t('request.onlySilent')}</Typography.Text>
        </Flex>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : !query.data ? (
        <Spin />
      ) : board ? (
        <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }}>
          {REQUEST_STATUSES.map((s) => {
            const column = items.filter((r) => r.status === s);
            return (
              <Col key={s} flex="1 0 260px" data-testid={`board-${s}`}>
                <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
                  <Tag color={STATUS_COLORS[s as RequestStatus]}>{t(statusKey(s))}</Tag>
                  <Typography.Text type="secondary">{column.length}</Typography.Text>
                </Flex>
                <Flex vertical gap={8}>
                  {column.map((r) => (
                    <RequestCard key={r.id} r={r} silentDays={query.data.silentDays} showStatus={false} />
                  ))}
                </Flex>
              </Col>
            );
          })}
        </Row>
      ) : items.length === 0 ? (
        <Empty description={t('request.empty')} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {items.map((r) => (
              <Col key={r.id} xs={24} md={12} xl={8}>
                <RequestCard r={r} silentDays={query.data.silentDays} />
              </Col>
            ))}
          </Row>
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={query.data.total}
              hideOnSinglePage
              showSizeChanger={false}
              onChange={(p) => set('page', String(p))}
            />
          </Flex>
        </>
      )}
    </>
  );
}

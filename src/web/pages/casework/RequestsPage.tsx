import { Col, Empty, Flex, Pagination, Row, Segmented, Spin, Tag, Typography } from 'antd';
import type { RequestStatus } from '../../../domain/casework/requests.ts';
import type { ApiResponse } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LabelledSwitch } from '../../components/LabelledSwitch.tsx';
import { flag, oneOf } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { REQUEST_STATUSES, STATUS_COLORS, statusKey } from './labels.ts';
import { RequestCard } from './RequestCard.tsx';

const FILTERS = ['open', 'all', ...REQUEST_STATUSES] as const;
type Filter = (typeof FILTERS)[number];
const REQUEST_LIST = { status: oneOf(FILTERS, 'all'), silent: flag(), view: oneOf(['board'] as const) };

/** 企业诉求: a list with status filters, or a board with a column per status. */
export default function RequestsPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const list = useListState(REQUEST_LIST, { pageSize: 50 });
  const { status: filter, silent } = list.filter;
  const board = !isPhone && list.filter.view === 'board';
  const { page } = list;
  const set = (patch: Parameters<typeof list.set>[0], p?: number) => list.set(patch, { page: p, replace: true });
  const status = filter === 'all' || filter === 'open' || board ? undefined : filter;
  // The board shows every open request at once, in a column a status.
  const filters = { status, open: (!board && filter === 'open') || undefined, silent: silent || undefined };
  const query = usePagedQuery<ApiResponse<'/api/casework/requests'>>(
    ['casework', 'requests'],
    '/api/casework/requests',
    filters,
    board ? { page: 1, pageSize: 200 } : list,
  );
  const items = query.data?.items ?? [];

  return (
    <>
      <PageTitle
        extra={
          <Flex wrap gap={8}>
            <ExportButton list="requests" filter={filters} />
            {!isPhone && (
              <Segmented
                value={board ? 'board' : 'list'}
                onChange={(v) => set({ view: v === 'board' ? 'board' : undefined })}
                options={[
                  { value: 'list', label: t('request.view.list') },
                  { value: 'board', label: t('request.view.board') },
                ]}
              />
            )}
          </Flex>
        }
      >
        {t('request.title')}
      </PageTitle>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        {!board && (
          <Segmented<Filter>
            value={filter}
            onChange={(v) => set({ status: v })}
            options={FILTERS.map((f) => ({ value: f, label: t(`request.status.${f}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        )}
        <LabelledSwitch label={t('request.onlySilent')} checked={silent} onChange={(v) => set({ silent: v })} />
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
              pageSize={list.pageSize}
              total={query.data.total}
              hideOnSinglePage
              showSizeChanger={false}
              onChange={(p) => set({}, p)}
            />
          </Flex>
        </>
      )}
    </>
  );
}

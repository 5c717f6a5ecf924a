import { Card, Flex, Segmented, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { CreateButton } from '../../components/list/CreateButton.tsx';
import { Mono, NameLink } from '../../components/list/cells.tsx';
import { FilterBar, FilterSelect, qSearch, RegionFilter } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { oneOf, text } from '../../components/list/params.ts';
import { CREATE_FORM, useCreateForm } from '../../components/list/useCreateForm.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { PoolCountsCard } from './PoolCountsCard.tsx';
import { PoolFormDrawer } from './PoolFormDrawer.tsx';
import { ORIGIN_CODES, type PoolSecretary, STATUS_CODES, STATUS_COLORS } from './types.ts';

const POOL_LIST = {
  origin: text(),
  regionCode: text(),
  q: text(),
  status: oneOf(STATUS_CODES, 'in_pool'),
  ...CREATE_FORM,
};

/** 下派书记库: who is ready to be sent, who serves where, counted by region. */
export default function PoolListPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const list = useListState(POOL_LIST);
  const { new: _form, ...filter } = list.filter;
  const create = useCreateForm(list, can('pool.manage'));
  const query = usePagedQuery<ApiResponse<'/api/secretary-pool'>>(
    ['secretary-pool', 'list'],
    '/api/secretary-pool',
    filter,
    list,
  );

  const name = (p: PoolSecretary) => (
    <NameLink to={`/secretary-pool/${p.id}`} name={p.name}>
      <Tag color={STATUS_COLORS[p.status]}>{t(`pool.status.${p.status}`)}</Tag>
    </NameLink>
  );
  const serving = (p: PoolSecretary) =>
    p.current ? <Link to={`/orgs/${p.current.orgId}`}>{p.current.orgName}</Link> : '—';
  const columns: TableColumnsType<PoolSecretary> = [
    { title: t('pool.col.name'), key: 'name', render: (_, p) => name(p) },
    { title: t('pool.col.origin'), key: 'origin', render: (_, p) => t(`pool.origin.${p.origin}`) },
    { title: t('pool.col.originUnit'), dataIndex: 'originUnit' },
    { title: t('pool.col.region'), dataIndex: 'regionName' },
    { title: t('pool.col.serving'), key: 'serving', render: (_, p) => serving(p) },
    {
      title: t('pool.col.phone'),
      key: 'phone',
      render: (_, p) => <Mono>{p.phone}</Mono>,
    },
  ];
  return (
    <>
      <PageTitle extra={<CreateButton form={create}>{t('pool.create')}</CreateButton>}>{t('pool.title')}</PageTitle>
      <PoolCountsCard />
      <Card size="small">
        <FilterBar
          before={
            <Segmented
              value={filter.status}
              onChange={(v) => list.set({ status: v as (typeof STATUS_CODES)[number] })}
              options={STATUS_CODES.map((s) => ({ value: s, label: t(`pool.status.${s}`) }))}
              style={isPhone ? { maxWidth: '100%', overflowX: 'auto' } : undefined}
            />
          }
          search={qSearch(list, { placeholder: t('pool.filter.qPlaceholder'), label: t('pool.filter.q'), width: 200 })}
        >
          <FilterSelect<string>
            label={t('pool.filter.origin')}
            placeholder={t('pool.filter.allOrigins')}
            value={filter.origin}
            onChange={(v?: string) => list.set({ origin: v })}
            options={ORIGIN_CODES.map((o) => ({ value: o, label: t(`pool.origin.${o}`) }))}
            width={160}
          />
          <RegionFilter
            value={filter.regionCode}
            onChange={(code) => list.set({ regionCode: code })}
            placeholder={t('pool.filter.allRegions')}
          />
        </FilterBar>
        <ListView<PoolSecretary>
          query={query}
          columns={columns}
          empty={t('pool.empty')}
          paging={list}
          totalText={(total) => t('pool.total', { total })}
          totalTestId="pool-total"
          cardTestId="pool-card"
          card={(p) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              {name(p)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[t(`pool.origin.${p.origin}`), p.originUnit, p.regionName].filter(Boolean).join(' · ')}
              </Typography.Text>
              {p.current && <span>{serving(p)}</span>}
            </Flex>
          )}
        />
      </Card>
      {create.open && (
        <PoolFormDrawer onClose={() => create.setOpen(false)} onCreated={(id) => navigate(`/secretary-pool/${id}`)} />
      )}
    </>
  );
}

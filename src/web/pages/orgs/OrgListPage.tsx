import { Card, Descriptions, Flex, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ApiResponse, OrgSummary } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { CreateButton } from '../../components/list/CreateButton.tsx';
import { FilterBar, qSearch } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { countSet, unset } from '../../components/list/params.ts';
import { CREATE_FORM, useCreateForm } from '../../components/list/useCreateForm.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { useLedgerLabels } from '../ledger/labels.ts';
import { ORG_FILTERS, type OrgFilter } from './filter.ts';
import { OrgCreateDrawer } from './OrgCreateDrawer.tsx';
import { OrgFilters } from './OrgFilters.tsx';
import { DissolvedTag, FindingTags, MemberCounts, TermEnd } from './OrgTags.tsx';
import { useRegionNames } from './useRegionNames.ts';

const ORG_LIST = { ...ORG_FILTERS, ...CREATE_FORM };

/** 党组织: the orgs of the user's scope with their figures, terms and what the rules say; 新建 for org.manage. */
export default function OrgListPage() {
  const { t } = useI18n();
  const can = useCan();
  const labels = useLedgerLabels();
  const list = useListState(ORG_LIST);
  const { new: _form, ...filter } = list.filter;
  const create = useCreateForm(list, can('org.manage'), { replace: true });
  const query = usePagedQuery<ApiResponse<'/api/orgs'>>(['orgs', 'list'], '/api/orgs', filter, list);
  const regionName = useRegionNames((query.data?.items ?? []).map((o) => o.regionCode));
  const applyFilter = (f: OrgFilter) => list.set((c) => ({ ...f, q: c.q }));

  const name = (o: OrgSummary) => (
    <Flex wrap gap={4} align="center">
      <Link to={`/orgs/${o.id}`}>{o.name}</Link>
      <DissolvedTag dissolvedOn={o.dissolvedOn} />
    </Flex>
  );

  const columns: TableColumnsType<OrgSummary> = [
    { title: t('org.col.name'), key: 'name', render: (_, o) => name(o) },
    {
      title: t('org.col.type'),
      key: 'type',
      render: (_, o) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{labels.code('orgType', o.type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {labels.code('formation', o.formation)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('org.col.region'), key: 'region', render: (_, o) => regionName(o.regionCode) },
    { title: t('org.col.units'), dataIndex: 'units', align: 'right' },
    { title: t('org.col.members'), key: 'members', align: 'right', render: (_, o) => <MemberCounts facts={o} /> },
    {
      title: t('org.col.secretary'),
      dataIndex: 'secretaryName',
      render: (s: string | null) => s ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('org.col.termEnd'), key: 'term', render: (_, o) => <TermEnd facts={o} findings={o.findings} /> },
    { title: t('org.col.findings'), key: 'findings', render: (_, o) => <FindingTags findings={o.findings} /> },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <ExportButton list="orgs" filter={filter} />
            <CreateButton form={create}>{t('org.create')}</CreateButton>
          </Space>
        }
      >
        {t('org.title')}
      </PageTitle>
      <Card size="small">
        <FilterBar
          search={qSearch(list, { placeholder: t('org.filter.qPlaceholder'), label: t('org.filter.q') })}
          count={countSet(filter, ['regionCode', 'type', 'formation', 'status'])}
          filters={
            <OrgFilters
              key={JSON.stringify(filter)}
              filter={filter}
              onApply={applyFilter}
              onReset={() => list.set(unset(ORG_FILTERS))}
            />
          }
        />
        <ListView<OrgSummary>
          query={query}
          columns={columns}
          empty={t('org.empty')}
          paging={list}
          totalText={(total) => t('org.total', { total })}
          totalTestId="org-total"
          cardTestId="org-card"
          card={(o) => (
            <Flex vertical gap={6}>
              <Typography.Text strong>{name(o)}</Typography.Text>
              <Space size={4} wrap>
                <Tag style={{ marginInlineEnd: 0 }}>{labels.code('orgType', o.type)}</Tag>
                <Tag style={{ marginInlineEnd: 0 }}>{labels.code('formation', o.formation)}</Tag>
                <Typography.Text type="secondary">{regionName(o.regionCode)}</Typography.Text>
              </Space>
              <Descriptions
                size="small"
                column={2}
                styles={{ label: { whiteSpace: 'nowrap' } }}
                items={[
                  { key: 'units', label: t('org.col.units'), children: o.units },
                  { key: 'members', label: t('org.col.membersShort'), children: <MemberCounts facts={o} /> },
                  { key: 'secretary', label: t('org.col.secretary'), children: o.secretaryName ?? '—' },
                  { key: 'term', label: t('org.col.termEnd'), children: <TermEnd facts={o} findings={o.findings} /> },
                ]}
              />
              {o.findings.length > 0 && <FindingTags findings={o.findings} />}
            </Flex>
          )}
        />
      </Card>
      {create.open && <OrgCreateDrawer onClose={() => create.setOpen(false)} />}
    </>
  );
}

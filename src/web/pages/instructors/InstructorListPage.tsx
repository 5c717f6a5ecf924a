import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ApiResponse, Instructor } from '../../api/types.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { CreateButton } from '../../components/list/CreateButton.tsx';
import { Mono, NameLink } from '../../components/list/cells.tsx';
import { FilterBar, FilterSelect, qSearch, RegionFilter } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { id, oneOf, text } from '../../components/list/params.ts';
import { CREATE_FORM, useCreateForm } from '../../components/list/useCreateForm.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { InstructorFormDrawer } from './InstructorFormDrawer.tsx';
import { KIND_CODES } from './labels.ts';
import { useDepartments } from './useDepartments.ts';

const STATUSES = ['serving', 'left', 'all'] as const;
type Status = (typeof STATUSES)[number];
const INSTRUCTOR_LIST = {
  sourceDepartmentId: id(),
  kind: text(),
  regionCode: text(),
  q: text(),
  status: oneOf(STATUSES, 'serving'),
  ...CREATE_FORM,
};

/** 党建指导员和联络员: filtered by department, kind, region and name; each with how many enterprises they serve today. */
export default function InstructorListPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const departments = useDepartments();
  const list = useListState(INSTRUCTOR_LIST);
  const { new: _form, ...filter } = list.filter;
  const create = useCreateForm(list, can('instructor.manage'));
  const query = usePagedQuery<ApiResponse<'/api/instructors'>>(
    ['instructors', 'list'],
    '/api/instructors',
    filter,
    list,
  );

  const name = (i: Instructor) => (
    <NameLink to={`/instructors/${i.id}`} name={i.name}>
      {i.kind === 'liaison' && <Tag color="blue">{t('instructors.kind.liaison')}</Tag>}
      {i.leftOn && <Tag>{t('instructors.leftOn', { date: i.leftOn })}</Tag>}
    </NameLink>
  );
  const load = (i: Instructor) => (
    <Typography.Text strong={i.load > 0} type={i.load === 0 ? 'secondary' : undefined} data-testid="instructor-load">
      {t('instructors.load', { load: i.load })}
    </Typography.Text>
  );
  const columns: TableColumnsType<Instructor> = [
    { title: t('instructors.col.name'), key: 'name', render: (_, i) => name(i) },
    { title: t('instructors.col.department'), dataIndex: 'sourceDepartmentName' },
    { title: t('instructors.col.post'), dataIndex: 'post', render: (p: string | null) => p ?? '—' },
    {
      title: t('instructors.col.fullTime'),
      key: 'fullTime',
      render: (_, i) => t(i.fullTime ? 'instructors.fullTime' : 'instructors.partTime'),
    },
    { title: t('instructors.col.region'), dataIndex: 'regionName' },
    {
      title: t('instructors.col.phone'),
      key: 'phone',
      render: (_, i) => <Mono>{i.phone}</Mono>,
    },
    { title: t('instructors.col.load'), key: 'load', align: 'right', render: (_, i) => load(i) },
  ];
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <ExportButton list="instructors" filter={filter} />
            <Button icon={<ApartmentOutlined />} onClick={() => navigate('/instructors/departments')}>
              {t('instructors.departments')}
            </Button>
            <CreateButton form={create}>{t('instructors.create')}</CreateButton>
          </Space>
        }
      >
        {t('instructors.title')}
      </PageTitle>
      <Card size="small">
        <FilterBar
          before={
            <Segmented<Status>
              value={filter.status}
              onChange={(v) => list.set({ status: v })}
              options={STATUSES.map((s) => ({ value: s, label: t(`instructors.status.${s}`) }))}
            />
          }
          search={qSearch(list, {
            placeholder: t('instructors.filter.qPlaceholder'),
            label: t('instructors.filter.q'),
            width: 240,
          })}
        >
          <FilterSelect<number>
            label={t('instructors.filter.department')}
            placeholder={t('instructors.filter.allDepartments')}
            value={filter.sourceDepartmentId}
            onChange={(v?: number) => list.set({ sourceDepartmentId: v })}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            width={200}
            wide
            data-testid="filter-department"
          />
          <FilterSelect<string>
            label={t('instructors.filter.kind')}
            placeholder={t('instructors.filter.allKinds')}
            value={filter.kind}
            onChange={(v?: string) => list.set({ kind: v })}
            options={KIND_CODES.map((k) => ({ value: k, label: t(`instructors.kind.${k}`) }))}
          />
          <RegionFilter
            value={filter.regionCode}
            onChange={(code) => list.set({ regionCode: code })}
            placeholder={t('instructors.filter.allRegions')}
          />
        </FilterBar>
        <ListView<Instructor>
          query={query}
          columns={columns}
          empty={t('instructors.empty')}
          paging={list}
          totalText={(total) => t('instructors.total', { total })}
          totalTestId="instructor-total"
          table={{ rowClassName: (i) => (i.leftOn ? 'dj-row-past' : '') }}
          cardTestId="instructor-card"
          card={(i) => (
            <Flex justify="space-between" align="start" gap={8}>
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                {name(i)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[i.sourceDepartmentName, i.post, i.regionName].filter(Boolean).join(' · ')}
                </Typography.Text>
                {i.phone && <Mono>{i.phone}</Mono>}
              </Flex>
              <Flex vertical align="end" style={{ flex: 'none' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('instructors.col.load')}
                </Typography.Text>
                {load(i)}
              </Flex>
            </Flex>
          )}
        />
      </Card>
      {create.open && (
        <InstructorFormDrawer
          onClose={() => create.setOpen(false)}
          onCreated={(id) => navigate(`/instructors/${id}`)}
        />
      )}
    </>
  );
}

import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ApiResponse, Instructor } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { InstructorFormDrawer } from './InstructorFormDrawer.tsx';
import { KIND_CODES } from './labels.ts';
import { useDepartments } from './useDepartments.ts';

const PAGE_SIZE = 20;
const STATUSES = ['serving', 'left', 'all'] as const;
type Status = (typeof STATUSES)[number];
const mono = { fontFamily: 'monospace', whiteSpace: 'nowrap' } as const;

/** 党建指导员和联络员: filtered by department, kind, region and name; each with how many enterprises they serve today. */
export default function InstructorListPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const departments = useDepartments();
  const [params, setParams] = useSearchParams();
  const filter = {
    sourceDepartmentId: params.get('sourceDepartmentId') ?? undefined,
    kind: params.get('kind') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    q: params.get('q') ?? undefined,
    status: (STATUSES as readonly string[]).includes(params.get('status') ?? '')
      ? (params.get('status') as Status)
      : 'serving',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const creating = params.get('new') === '1' && can('instructor.manage');

  const query = useQuery({
    queryKey: ['instructors', 'list', filter, page],
    queryFn: () =>
      api.get<ApiResponse<'/api/instructors'>>('/api/instructors', { ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const name = (i: Instructor) => (
    <Flex wrap gap={4} align="center">
      <Link to={`/instructors/${i.id}`} style={{ whiteSpace: 'nowrap' }}>
        {i.name}
      </Link>
      {i.kind === 'liaison' && <Tag color="blue">{t('instructors.kind.liaison')}</Tag>}
      {i.leftOn && <Tag>{t('instructors.leftOn', { date: i.leftOn })}</Tag>}
    </Flex>
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
      render: (_, i) => (i.phone ? <span style={mono}>{i.phone}</span> : '—'),
    },
    { title: t('instructors.col.load'), key: 'load', align: 'right', render: (_, i) => load(i) },
  ];
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: query.data?.total ?? 0,
    showSizeChanger: false,
    onChange: (p: number) => set({ page: String(p) }),
  };

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<ApartmentOutlined />} onClick={() => navigate('/instructors/departments')}>
              {t('instructors.departments')}
            </Button>
            {can('instructor.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => set({ new: '1' })}>
                {t('instructors.create')}
              </Button>
            )}
          </Space>
        }
      >
        {t('instructors.title')}
      </PageTitle>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Segmented<Status>
            value={filter.status}
            onChange={(v) => set({ status: v === 'serving' ? undefined : v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`instructors.status.${s}`) }))}
          />
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            allowClear
            enterButton
            placeholder={t('instructors.filter.qPlaceholder')}
            aria-label={t('instructors.filter.q')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ maxWidth: isPhone ? undefined : 240, flex: isPhone ? '1 1 100%' : undefined }}
          />
          <Select
            allowClear
            aria-label={t('instructors.filter.department')}
            placeholder={t('instructors.filter.allDepartments')}
            value={filter.sourceDepartmentId ? Number(filter.sourceDepartmentId) : undefined}
            onChange={(v?: number) => set({ sourceDepartmentId: v === undefined ? undefined : String(v) })}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            style={{ minWidth: 200, flex: isPhone ? '1 1 100%' : undefined }}
            data-testid="filter-department"
          />
          <Select
            allowClear
            aria-label={t('instructors.filter.kind')}
            placeholder={t('instructors.filter.allKinds')}
            value={filter.kind}
            onChange={(v?: string) => set({ kind: v })}
            options={KIND_CODES.map((k) => ({ value: k, label: t(`instructors.kind.${k}`) }))}
            style={{ minWidth: 140, flex: isPhone ? '1 1 45%' : undefined }}
          />
          <div style={{ minWidth: 200, flex: isPhone ? '1 1 45%' : undefined }}>
            <RegionTreeSelect
              root={{ code: user.regionCode, name: user.regionName }}
              value={filter.regionCode}
              onChange={(code) => set({ regionCode: code })}
              allowClear
              placeholder={t('instructors.filter.allRegions')}
            />
          </div>
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : isPhone ? (
          <>
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }} data-testid="instructor-total">
              {t('instructors.total', { total: query.data?.total ?? 0 })}
            </Typography.Text>
            <List<Instructor>
              loading={query.isFetching}
              dataSource={query.data?.items}
              locale={{ emptyText: <Empty description={t('instructors.empty')} /> }}
              renderItem={(i) => (
                <Card size="small" style={{ marginBottom: 8 }} data-testid="instructor-card">
                  <Flex justify="space-between" align="start" gap={8}>
                    <Flex vertical gap={4} style={{ minWidth: 0 }}>
                      {name(i)}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[i.sourceDepartmentName, i.post, i.regionName].filter(Boolean).join(' · ')}
                      </Typography.Text>
                      {i.phone && <span style={mono}>{i.phone}</span>}
                    </Flex>
                    <Flex vertical align="end" style={{ flex: 'none' }}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('instructors.col.load')}
                      </Typography.Text>
                      {load(i)}
                    </Flex>
                  </Flex>
                </Card>
              )}
            />
            <Flex justify="center">
              <Pagination {...pagination} size="small" hideOnSinglePage />
            </Flex>
          </>
        ) : (
          <Table<Instructor>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('instructors.empty') }}
            rowClassName={(i) => (i.leftOn ? 'dj-row-past' : '')}
            pagination={{ ...pagination, showTotal: (total) => t('instructors.total', { total }) }}
          />
        )}
      </Card>
      {creating && (
        <InstructorFormDrawer
          onClose={() => set({ new: undefined })}
          onCreated={(id) => navigate(`/instructors/${id}`)}
        />
      )}
    </>
  );
}

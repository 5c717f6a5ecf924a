import { DownloadOutlined, FilterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ApiResponse, AuditItem, AuditResult } from '../../api/types.ts';
import { api, queryString } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { ACTION_GROUPS, ACTIONS, actionLabel, entityLabel } from './actions.ts';

const PAGE_SIZE = 50;
const RESULT_COLORS: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };
const FILTERS = ['from', 'to', 'actor', 'action', 'result'] as const;
type Filter = Partial<Record<(typeof FILTERS)[number], string>>;

interface FormValues {
  dates?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  result?: AuditResult;
}

export default function AuditPage() {
  const { t, has } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  // On a phone the filters fold away behind a button, so the log itself starts on screen.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const filter: Filter = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
  );
  const page = Number(params.get('page')) || 1;

  const query = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => api.get<ApiResponse<'/api/audit'>>('/api/audit', { ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const apply = (next: Filter, nextPage = 1) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) search.set(k, v);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };

  const onFinish = (v: FormValues) =>
    apply({
      from: v.dates?.[0]?.format('YYYY-MM-DD'),
      to: v.dates?.[1]?.format('YYYY-MM-DD'),
      actor: v.actor?.trim(),
      action: v.action,
      result: v.result,
    });

  const initial: FormValues = {
    dates:
      filter.from || filter.to ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] : null,
    actor: filter.actor,
    action: filter.action,
    result: filter.result as AuditResult | undefined,
  };

  // What happened, by whom, when and how it ended first; on a phone the sequence number
  // and IP address move into the expanded row.
  const columns: TableColumnsType<AuditItem> = [
    { title: t('audit.col.seq'), dataIndex: 'seq', responsive: ['md'] },
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      render: (at: string) => dayjs(at).format(isPhone ? 'MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.col.actor'), dataIndex: 'actorName' },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      render: (code: string) => <span title={code}>{actionLabel(code, t, has)}</span>,
    },
    {
      title: t('audit.col.result'),
      dataIndex: 'result',
      render: (result: AuditResult) => <Tag color={RESULT_COLORS[result]}>{t(`audit.result.${result}`)}</Tag>,
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      render: (_, r) => (r.entity ? `${entityLabel(r.entity, t, has)}${r.entityId ? ` #${r.entityId}` : ''}` : ''),
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', responsive: ['md'] },
  ];

  const actionOptions = [
    ...ACTION_GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) })),
    ...ACTIONS.map((a) => ({ value: a, label: actionLabel(a, t, has) })),
  ];

  return (
    <>
      <PageTitle
        extra={
          can('audit.export') && (
            <Button icon={<DownloadOutlined />} href={`/api/audit/export${queryString(filter)}`} download>
              {t('audit.export')}
            </Button>
          )
        }
      >
        {t('audit.title')}
      </PageTitle>
      <Card size="small">
        {isPhone && (
          <Badge count={Object.keys(filter).length} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)} style={{ marginBottom: 12 }}>
              {t('audit.filters')}
            </Button>
          </Badge>
        )}
        {(!isPhone || filtersOpen) && (
          <Form<FormValues>
            key={params.toString()}
            layout={isPhone ? 'vertical' : 'inline'}
            initialValues={initial}
            onFinish={onFinish}
            style={{ rowGap: 12, marginBottom: 12 }}
          >
            <Form.Item name="dates" label={t('audit.filter.dates')} style={{ marginBottom: isPhone ? 8 : undefined }}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: isPhone ? '100%' : undefined }} />
            </Form.Item>
            <Form.Item name="actor" label={t('audit.filter.actor')} style={{ marginBottom: isPhone ? 8 : undefined }}>
              <Input allowClear style={{ width: isPhone ? '100%' : 140 }} />
            </Form.Item>
            <Form.Item name="action" label={t('audit.filter.action')} style={{ marginBottom: isPhone ? 8 : undefined }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={actionOptions}
                style={{ width: isPhone ? '100%' : 200 }}
              />
            </Form.Item>
            <Form.Item name="result" label={t('audit.filter.result')}>
              <Select
                allowClear
                style={{ width: isPhone ? '100%' : 110 }}
                options={(['success', 'failure', 'denied'] as const).map((r) => ({
                  value: r,
                  label: t(`audit.result.${r}`),
                }))}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
              <Button onClick={() => apply({})}>{t('common.reset')}</Button>
            </Space>
          </Form>
        )}
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : (
          <Table<AuditItem>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            expandable={{
              rowExpandable: (r) => isPhone || (r.diff !== null && r.diff !== undefined),
              expandedRowRender: (r) => (
                <>
                  {isPhone && (
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                      {t('audit.col.seq')} {r.seq} · {t('audit.col.ip')} {r.ip ?? '-'}
                    </Typography.Paragraph>
                  )}
                  {r.diff !== null && r.diff !== undefined && (
                    <>
                      <Typography.Text type="secondary">{t('audit.diff')}</Typography.Text>
                      <pre className="dj-pre">{JSON.stringify(r.diff, null, 2)}</pre>
                    </>
                  )}
                </>
              ),
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p) => apply(filter, p),
            }}
          />
        )}
      </Card>
    </>
  );
}

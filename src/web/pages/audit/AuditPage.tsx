import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiResponse, AuditItem, AuditResult } from '../../api/types.ts';
import { queryString } from '../../api.ts';
import { FilterBar, FilterButtons } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { countSet, oneOf, text, unset } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { AuditDetails } from './AuditDetails.tsx';
import { AuditObject } from './AuditObject.tsx';
import { actionLabel, actionOptions } from './actions.ts';

const RESULTS = ['success', 'failure', 'denied'] as const satisfies readonly AuditResult[];
const RESULT_COLORS: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };
const AUDIT_FILTERS = { from: text(), to: text(), actor: text(), action: text(), result: oneOf(RESULTS) };

interface FormValues {
  dates?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  result?: AuditResult;
}

export default function AuditPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const list = useListState(AUDIT_FILTERS, { pageSize: 50 });
  const { filter } = list;
  const query = usePagedQuery<ApiResponse<'/api/audit'>>(['audit'], '/api/audit', filter, list);
  const apply = list.set;

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
    result: filter.result,
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
      render: (code: string) => actionLabel(code, lang),
    },
    {
      title: t('audit.col.result'),
      dataIndex: 'result',
      render: (result: AuditResult) => <Tag color={RESULT_COLORS[result]}>{t(`audit.result.${result}`)}</Tag>,
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      render: (_, r) => <AuditObject row={r} />,
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', responsive: ['md'] },
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
        <FilterBar
          filtersLabel={t('audit.filters')}
          count={countSet(filter, Object.keys(AUDIT_FILTERS) as (keyof typeof filter)[])}
          filters={
            <Form<FormValues>
              key={JSON.stringify(filter)}
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
              <Form.Item
                name="action"
                label={t('audit.filter.action')}
                style={{ marginBottom: isPhone ? 8 : undefined }}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={actionOptions(lang, t)}
                  style={{ width: isPhone ? '100%' : 240 }}
                />
              </Form.Item>
              <Form.Item name="result" label={t('audit.filter.result')}>
                <Select
                  allowClear
                  style={{ width: isPhone ? '100%' : 110 }}
                  options={RESULTS.map((r) => ({
                    value: r,
                    label: t(`audit.result.${r}`),
                  }))}
                />
              </Form.Item>
              <FilterButtons onReset={() => apply(unset(AUDIT_FILTERS))} />
            </Form>
          }
        />
        <ListView<AuditItem>
          query={query}
          rowKey="seq"
          columns={columns}
          paging={list}
          totalText={(total) => t('common.total', { total })}
          table={{
            expandable: {
              rowExpandable: (r) => isPhone || (r.diff !== null && r.diff !== undefined),
              expandedRowRender: (r) => (
                <>
                  {isPhone && (
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                      {t('audit.col.seq')} {r.seq} · {t('audit.col.ip')} {r.ip ?? '-'}
                    </Typography.Paragraph>
                  )}
                  {r.diff !== null && r.diff !== undefined && <AuditDetails diff={r.diff} entity={r.entity} />}
                </>
              ),
            },
          }}
        />
      </Card>
    </>
  );
}

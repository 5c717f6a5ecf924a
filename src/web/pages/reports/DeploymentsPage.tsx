// The parent's page of child deployments' packages (issue #17 item 5): for a period, where each
// registered child deployment stands — 未报 / 已报 / 退回 with the reason — its history, and 退回.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { UpwardChildPackages } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

type Child = UpwardChildPackages['children'][number];

const COLOR: Record<Child['status'], string> = { none: 'default', received: 'green', returned: 'orange' };

/** The last three years and their quarters, newest first: the periods a package can be for. */
function periods(now = new Date()): string[] {
  const year = now.getFullYear();
  const out: string[] = [];
  for (let y = year; y > year - 3; y--) {
    out.push(String(y));
    for (let q = 4; q >= 1; q--) out.push(`${y}Q${q}`);
  }
  return out;
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

function ReturnModal({ child, period, onClose }: { child: Child; period: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ reason: string }, { id: number }>
      title={t('upward.returnTitle', { name: child.name })}
      intro={<p>{t('upward.returnIntro', { name: child.name })}</p>}
      okText={t('upward.return')}
      danger
      name="upward-return"
      onClose={onClose}
      submit={(v) =>
        api.post<{ id: number }>('/api/deployments/packages/return', { region: child.region, period, reason: v.reason })
      }
      saved={t('upward.returned')}
      refresh={['deployments', 'reports']}
    >
      <Form.Item
        name="reason"
        label={t('upward.returnReason')}
        rules={[{ required: true, whitespace: true, message: t('upward.returnReason') }]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="upward-reason" />
      </Form.Item>
    </FormModal>
  );
}

export default function DeploymentsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? String(new Date().getFullYear() - 1);
  const [returning, setReturning] = useState<Child | null>(null);
  const query = useQuery({
    queryKey: ['deployments', 'packages', { period }],
    queryFn: () => api.get<UpwardChildPackages>('/api/deployments/packages', { period }),
  });
  const data = query.data;
  return (
    <>
      <PageTitle>{t('upward.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('upward.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <span>{t('upward.period')}</span>
        <Select
          value={period}
          style={{ width: 140 }}
          options={periods().map((p) => ({ value: p, label: p }))}
          onChange={(p) => setParams({ period: p })}
          data-testid="upward-period"
        />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : data && data.children.length === 0 ? (
        <Alert type="info" title={t('upward.empty')} />
      ) : (
        <Card size="small" loading={!data}>
          <Table<Child>
            size="small"
            rowKey="region"
            pagination={false}
            dataSource={data?.children}
            scroll={{ x: 'max-content' }}
            data-testid="upward-children"
            columns={[
              { title: t('upward.col.region'), dataIndex: 'name', fixed: 'left' },
              {
                title: t('upward.col.status'),
                dataIndex: 'status',
                render: (s: Child['status'], c) => (
                  <>
                    <Tag color={COLOR[s]} data-testid={`upward-status-${c.region}`}>
                      {t(`upward.status.${s}` as MessageKey)}
                    </Tag>
                    {c.returnReason && <div style={{ fontSize: 12 }}>{c.returnReason}</div>}
                  </>
                ),
              },
              { title: t('upward.col.receivedAt'), dataIndex: 'receivedAt', render: when },
              { title: t('upward.col.sequence'), dataIndex: 'sequence', align: 'right', render: (n) => n ?? '—' },
              {
                title: t('upward.col.history'),
                key: 'history',
                render: (_, c) => (
                  <div style={{ fontSize: 12 }}>
                    {c.history.map((h) => (
                      <div key={h.id}>
                        {when(h.at)}{' '}
                        {h.action === 'receive'
                          ? t('upward.history.receive', { sequence: String(h.sequence) })
                          : t('upward.history.return', { reason: h.reason ?? '' })}
                      </div>
                    ))}
                  </div>
                ),
              },
              {
                title: t('upward.col.fingerprint'),
                dataIndex: 'fingerprint',
                render: (f: string) => <Typography.Text code>{f.slice(0, 19)}</Typography.Text>,
              },
              {
                title: t('upward.col.actions'),
                key: 'actions',
                render: (_, c) =>
                  c.canReturn && (
                    <Button
                      size="small"
                      danger
                      onClick={() => setReturning(c)}
                      data-testid={`upward-return-${c.region}`}
                    >
                      {t('upward.return')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {returning && <ReturnModal child={returning} period={period} onClose={() => setReturning(null)} />}
    </>
  );
}

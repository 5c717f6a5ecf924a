import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ApiResponse, Appraiser, BallotEnterprise } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { toDay } from '../orgs/dates.ts';
import { type IssuedLink, LinksModal } from './LinksModal.tsx';

/** Who holds a democratic-appraisal ballot, in the order of the table's columns. */
const APPRAISERS: Appraiser[] = ['owner', 'secretary', 'member'];

type Mode = 'issue' | 'reissue';

/** Democratic appraisal: per enterprise with an instructor this period, its ballots by appraiser kind. */
export function BallotsTab({ period }: { period: string }) {
  const { t } = useI18n();
  const can = useCan();
  const query = useQuery({
    queryKey: ['assessments', 'ballots', period],
    queryFn: () => api.get<BallotEnterprise[]>('/api/assessments/ballots', { period }),
  });
  const [target, setTarget] = useState<{ row: BallotEnterprise; mode: Mode } | null>(null);
  const [issued, setIssued] = useState<{ title: string; links: IssuedLink[] } | null>(null);
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <Alert type="info" showIcon title={t('ballots.hint')} style={{ marginBottom: 12 }} />
      <Table<BallotEnterprise>
        rowKey="enterpriseId"
        size="middle"
        loading={query.isPending}
        dataSource={query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ballots.empty') }}
        columns={[
          { title: t('ballots.enterprise'), dataIndex: 'name', fixed: 'left', width: 180 },
          {
            title: t('ballots.instructors'),
            key: 'instructors',
            render: (_, r) => r.instructors.map((i) => i.name).join(t('common.listSeparator')),
          },
          ...APPRAISERS.map((a) => ({
            title: t(`ballots.appraiser.${a}` as MessageKey),
            key: a,
            render: (_: unknown, r: BallotEnterprise) => {
              const b = r.ballots.find((x) => x.appraiser === a);
              if (!b || b.limit === 0) return <Typography.Text type="secondary">{t('ballots.none')}</Typography.Text>;
              return t('ballots.state', { used: b.used, issued: b.issued, limit: b.limit });
            },
          })),
          ...(can('assessment.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: BallotEnterprise) => (
                    <Space size={4} wrap>
                      <Button size="small" type="primary" onClick={() => setTarget({ row: r, mode: 'issue' })}>
                        {t('ballots.issue')}
                      </Button>
                      <Button size="small" onClick={() => setTarget({ row: r, mode: 'reissue' })}>
                        {t('ballots.reissue')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {target && (
        <IssueModal
          period={period}
          row={target.row}
          mode={target.mode}
          onClose={() => setTarget(null)}
          onIssued={(links) => {
            setTarget(null);
            setIssued(links);
          }}
        />
      )}
      {issued && <LinksModal title={issued.title} links={issued.links} onClose={() => setIssued(null)} />}
    </>
  );
}

interface Values {
  appraiser: Appraiser;
  count: number;
  expiresOn: Dayjs;
}

function IssueModal({
  period,
  row,
  mode,
  onClose,
  onIssued,
}: {
  period: string;
  row: BallotEnterprise;
  mode: Mode;
  onClose: () => void;
  onIssued: (issued: { title: string; links: IssuedLink[] }) => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const appraiser = Form.useWatch('appraiser', form);
  const kinds = row.ballots.filter((b) => (mode === 'issue' ? b.issued < b.limit : b.issued > b.used));
  const room = row.ballots.find((b) => b.appraiser === appraiser);
  return (
    <FormModal<Values, ApiResponse<'/api/assessments/ballots', 'post'>>
      title={t(mode === 'issue' ? 'ballots.issueTitle' : 'ballots.reissueTitle', { name: row.name })}
      okText={t('common.confirm')}
      onClose={onClose}
      form={form}
      intro={
        mode === 'reissue' && (
          <Alert type="warning" showIcon title={t('ballots.reissueHint')} style={{ marginBottom: 12 }} />
        )
      }
      initialValues={{ appraiser: kinds[0]?.appraiser, count: 1, expiresOn: dayjs().add(30, 'day') }}
      submit={(v) =>
        api.post(mode === 'issue' ? '/api/assessments/ballots' : '/api/assessments/ballots/reissue', {
          period,
          enterpriseId: row.enterpriseId,
          appraiser: v.appraiser,
          count: v.count,
          expiresOn: toDay(v.expiresOn),
        })
      }
      onDone={(res, v) => {
        void client.invalidateQueries({ queryKey: ['assessments', 'ballots', period] });
        const kind = t(`ballots.appraiser.${v.appraiser}` as MessageKey);
        onIssued({
          title: `${res.enterpriseName} · ${kind}`,
          links: res.links.map((l, k) => ({ label: `${res.enterpriseName} · ${kind} ${k + 1}`, path: l.path })),
        });
      }}
    >
      <Form.Item name="appraiser" label={t('ballots.kind')} rules={[{ required: true, message: t('daily.required') }]}>
        <Select
          options={kinds.map((b) => ({
            value: b.appraiser,
            label: `${t(`ballots.appraiser.${b.appraiser}` as MessageKey)}（${t('ballots.state', b)}）`,
          }))}
        />
      </Form.Item>
      {mode === 'issue' && (
        <Form.Item name="count" label={t('ballots.number')} rules={[{ required: true, type: 'number', min: 1 }]}>
          <InputNumber min={1} max={room ? Math.max(1, room.limit - room.issued) : 1} precision={0} />
        </Form.Item>
      )}
      <Form.Item
        name="expiresOn"
        label={t('ballots.expiresOn')}
        rules={[{ required: true, message: t('daily.required') }]}
      >
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(180, 'day'), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isOwnerSurveyPeriod } from '../../../domain/assessment/period.ts';
import type { ApiResponse, OwnerSurveySummary } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { periodName, recentHalfYears } from './period.ts';

/** The owner satisfaction surveys of the region: one per region and period. */
export default function OwnerSurveysPage() {
  const { t } = useI18n();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['ownerSurveys'],
    queryFn: () => api.get<OwnerSurveySummary[]>('/api/owner-surveys'),
  });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <PageTitle
        extra={
          can('assessment.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('ownerSurveys.new')}
            </Button>
          )
        }
      >
        {t('ownerSurveys.title')}
      </PageTitle>
      <Table<OwnerSurveySummary>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ownerSurveys.empty') }}
        columns={[
          {
            title: t('ownerSurveys.titleField'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/assessments/owner-surveys/${r.id}`}>{title}</Link>,
          },
          { title: t('ownerSurveys.region'), dataIndex: 'regionName' },
          { title: t('ownerSurveys.period'), dataIndex: 'period', render: (p: string) => periodName(t, p) },
          { title: t('ownerSurveys.issued'), dataIndex: 'issued', align: 'right' },
          { title: t('ownerSurveys.responses'), dataIndex: 'responses', align: 'right' },
          {
            title: t('ownerSurveys.status'),
            dataIndex: 'closed',
            render: (closed: boolean) =>
              closed ? <Tag>{t('ownerSurveys.closed')}</Tag> : <Tag color="green">{t('ownerSurveys.open')}</Tag>,
          },
        ]}
      />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </>
  );
}

interface Values {
  regionCode: string;
  period: string;
  title: string;
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <FormModal<Values, ApiResponse<'/api/owner-surveys', 'post'>>
      okText={t('common.confirm')}
      title={t('ownerSurveys.new')}
      onClose={onClose}
      initialValues={{
        regionCode: user.regionCode,
        period: recentHalfYears()[0],
        title: t('ownerSurveys.defaultTitle'),
      }}
      submit={(v) => api.post('/api/owner-surveys', v)}
      onDone={({ id }) => {
        void client.invalidateQueries({ queryKey: ['ownerSurveys'] });
        navigate(`/assessments/owner-surveys/${id}`);
      }}
    >
      <Form.Item
        name="regionCode"
        label={t('ownerSurveys.region')}
        rules={[{ required: true, message: t('daily.required') }]}
      >
        <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('ownerSurveys.period')}
        extra={t('ownerSurveys.periodHint')}
        rules={[
          {
            required: true,
            validator: async (_, v: string) =>
              isOwnerSurveyPeriod(v ?? '') ? undefined : Promise.reject(new Error(t('ownerSurveys.periodHint'))),
          },
        ]}
      >
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('ownerSurveys.titleField')}
        rules={[{ required: true, message: t('daily.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

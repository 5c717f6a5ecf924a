import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isSurveyPeriod } from '../../../domain/assessment/period.ts';
import type { ApiResponse, SurveySummary } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { periodName, recentHalfYears } from './period.ts';

/** The owner satisfaction surveys of the region: one per region and period. */
export default function SurveysPage() {
  const { t } = useI18n();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: ['surveys'], queryFn: () => api.get<SurveySummary[]>('/api/surveys') });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <PageTitle
        extra={
          can('assessment.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('surveys.new')}
            </Button>
          )
        }
      >
        {t('surveys.title')}
      </PageTitle>
      <Table<SurveySummary>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('surveys.empty') }}
        columns={[
          {
            title: t('surveys.titleField'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/assessments/surveys/${r.id}`}>{title}</Link>,
          },
          { title: t('surveys.region'), dataIndex: 'regionName' },
          { title: t('surveys.period'), dataIndex: 'period', render: (p: string) => periodName(t, p) },
          { title: t('surveys.issued'), dataIndex: 'issued', align: 'right' },
          { title: t('surveys.responses'), dataIndex: 'responses', align: 'right' },
          {
            title: t('surveys.status'),
            dataIndex: 'closed',
            render: (closed: boolean) =>
              closed ? <Tag>{t('surveys.closed')}</Tag> : <Tag color="green">{t('surveys.open')}</Tag>,
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
    <FormModal<Values, ApiResponse<'/api/surveys', 'post'>>
      okText={t('common.confirm')}
      title={t('surveys.new')}
      onClose={onClose}
      initialValues={{ regionCode: user.regionCode, period: recentHalfYears()[0], title: t('surveys.defaultTitle') }}
      submit={(v) => api.post('/api/surveys', v)}
      onDone={({ id }) => {
        void client.invalidateQueries({ queryKey: ['surveys'] });
        navigate(`/assessments/surveys/${id}`);
      }}
    >
      <Form.Item
        name="regionCode"
        label={t('surveys.region')}
        rules={[{ required: true, message: t('daily.required') }]}
      >
        <RegionTreeSelect root={{ code: user.regionCode, name: user.regionName }} />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('surveys.period')}
        extra={t('surveys.periodHint')}
        rules={[
          {
            required: true,
            validator: async (_, v: string) =>
              isSurveyPeriod(v ?? '') ? undefined : Promise.reject(new Error(t('surveys.periodHint'))),
          },
        ]}
      >
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('surveys.titleField')}
        rules={[{ required: true, message: t('daily.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isSurveyPeriod } from '../../../domain/assessment/period.ts';
import type { ApiResponse, SurveySummary } from '../../api/types.ts';
import { api } from '../../api.ts';
import { coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
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
const FIELDS = ['regionCode', 'period', 'title'];

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) => api.post<ApiResponse<'/api/surveys', 'post'>>('/api/surveys', v),
    onSuccess: ({ id }) => {
      void client.invalidateQueries({ queryKey: ['surveys'] });
      navigate(`/assessments/surveys/${id}`);
    },
    onError: (error) => showFieldErrors(form, error, FIELDS),
  });
  return (
    <Modal
      open
      title={t('surveys.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      {create.isError && !coversFields(create.error, FIELDS) && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: user.regionCode, period: recentHalfYears()[0], title: t('surveys.defaultTitle') }}
        onFinish={(v) => create.mutate(v)}
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
      </Form>
    </Modal>
  );
}

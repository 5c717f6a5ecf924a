import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import type { ContactKind } from '../../../domain/casework/contacts.ts';
import type { RequestCategory } from '../../../domain/casework/requests.ts';
import type { ApiResponse } from '../../api/types.ts';
import { ApiError, api } from '../../api.ts';
import { clearChangedErrors } from '../../components/formErrors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { toDay } from '../orgs/dates.ts';
import { ContactFields } from './ContactFields.tsx';
import { useAssignments } from './labels.ts';
import { RequestFields } from './RequestFields.tsx';

interface Values {
  assignmentId: number;
  onDate: Dayjs;
  kind: ContactKind;
  withWhom: string;
  notes?: string;
  requests?: { category: RequestCategory; description: string; departmentIds?: number[] }[];
}

/** Fields whose messages show under them; a request's fields are named requests.N.field. */
const FIELDS = ['assignmentId', 'onDate', 'kind', 'withWhom', 'notes'];
const shownInForm = (error: unknown) =>
  error instanceof ApiError &&
  error.details.length > 0 &&
  error.details.every((d) => FIELDS.includes(d.field) || d.field.startsWith('requests.'));

/**
 * The quick contact form (走访/沟通), phone first: which enterprise, when, how, with whom, what
 * was said, and the requests raised — saved together, all or nothing.
 */
export default function ContactPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const preset = Number(params.get('assignment')) || undefined;
  const assignments = useAssignments();
  const [form] = Form.useForm<Values>();

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      api.post<ApiResponse<'/api/casework/contacts', 'post'>>('/api/casework/contacts', {
        assignmentId: v.assignmentId,
        onDate: toDay(v.onDate),
        kind: v.kind,
        withWhom: v.withWhom,
        notes: v.notes ?? null,
        requests: (v.requests ?? []).map((r) => ({ ...r, departmentIds: r.departmentIds ?? [] })),
      }),
    onSuccess: (r, v) => {
      void message.success(
        r.requestIds.length ? t('contact.savedWithRequests', { n: r.requestIds.length }) : t('contact.saved'),
      );
      void client.invalidateQueries({ queryKey: ['casework'] });
      navigate(`/casework/assignments/${v.assignmentId}`);
    },
    onError: (error) => {
      // Field names as the API writes them: requests.0.description → ['requests', 0, 'description'].
      if (!(error instanceof ApiError)) return;
      form.setFields(
        error.details.map((d) => ({
          name: d.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
          errors: [d.message],
        })),
      );
    },
  });

  return (
    <div style={{ maxWidth: 640 }}>
      <PageTitle>{t('contact.title')}</PageTitle>
      {mutation.isError && !shownInForm(mutation.error) && (
        <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ assignmentId: preset, onDate: dayjs(), kind: 'visit', requests: [] }}
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={clearChangedErrors(form)}
        disabled={mutation.isPending}
      >
        <Form.Item name="assignmentId" label={t('contact.assignment')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('contact.assignmentPlaceholder')}
            loading={assignments.isLoading}
            options={assignments.data?.items.map((a) => ({
              value: a.id,
              label: `${a.enterpriseName}（${a.instructorName}）`,
            }))}
            aria-label={t('contact.assignment')}
          />
        </Form.Item>
        <ContactFields />
        <Typography.Title level={5}>{t('contact.requests')}</Typography.Title>
        <Form.List name="requests">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12} style={{ marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('contact.requestN', { n: i + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('contact.removeRequest')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <RequestFields name={field.name} />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ departmentIds: [] })} block>
                {t('contact.addRequest')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={12}>
          <Button onClick={() => navigate(-1)} style={{ flex: 1 }}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} style={{ flex: 2 }}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { SUGGESTIONS_MAX, SURVEY_QUESTIONS } from '../../../domain/assessment/survey.ts';
import { api } from '../../api.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.ts';
import { isRefusal, LinkProblem, linkToken, Opening, PublicShell, Thanks } from './PublicShell.tsx';
import { periodName } from './period.ts';

interface OpenSurvey {
  title: string;
  period: string;
  enterpriseName: string;
}

/** The owner satisfaction questionnaire opened from its one-time link: one response per enterprise. */
export default function SurveyFormPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [token] = useState(linkToken);
  const session = useSession();
  const survey = useQuery({
    queryKey: ['link', 'survey', token],
    queryFn: () => api.post<OpenSurvey>('/api/links/survey/open', { token }),
    enabled: session.isSuccess,
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (answers: Record<string, string | undefined>) =>
      api.post('/api/links/survey', {
        token,
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v)),
      }),
  });

  const body = () => {
    if (submit.isSuccess) return <Thanks />;
    if (submit.isError && isRefusal(submit.error)) return <LinkProblem error={submit.error} />;
    if (survey.isError || session.isError) return <LinkProblem error={survey.error ?? session.error} />;
    if (!survey.data) return <Opening />;
    return (
      <>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {survey.data.title}
        </Typography.Title>
        <Typography.Paragraph strong>
          {t('public.survey.intro', {
            enterprise: survey.data.enterpriseName,
            period: periodName(t, survey.data.period),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('public.survey.note')}</Typography.Paragraph>
        {submit.isError && <Alert type="error" showIcon title={errorText(submit.error)} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(v) => submit.mutate(v)}>
          {SURVEY_QUESTIONS.map((q) =>
            'choices' in q ? (
              <Form.Item
                key={q.key}
                name={q.key}
                label={t(`q.${q.key}` as MessageKey)}
                rules={[{ required: q.required, message: t('public.choose') }]}
              >
                <Radio.Group>
                  <Space orientation="vertical" size={10}>
                    {q.choices.map((c) => (
                      <Radio key={c} value={c}>
                        {t(`q.${q.key}.${c}` as MessageKey)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            ) : (
              <Form.Item key={q.key} name={q.key} label={t(`q.${q.key}` as MessageKey)}>
                <Input.TextArea rows={3} maxLength={SUGGESTIONS_MAX} showCount />
              </Form.Item>
            ),
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
            {t('public.submit')}
          </Button>
        </Form>
      </>
    );
  };
  return <PublicShell title={t('surveys.title')}>{body()}</PublicShell>;
}

import { Alert, Form, Input, Radio, Space, Typography } from 'antd';
import { SUGGESTIONS_MAX, SURVEY_QUESTIONS } from '../../../domain/assessment/survey.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { PublicShell } from './PublicShell.tsx';
import { periodName } from './period.ts';
import { LinkForm, useOneTimeLink } from './useOneTimeLink.tsx';

interface OpenSurvey {
  title: string;
  period: string;
  enterpriseName: string;
}

/** The owner satisfaction questionnaire opened from its one-time link: one response per enterprise. */
export default function SurveyFormPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const {
    data: survey,
    submit,
    instead,
  } = useOneTimeLink<OpenSurvey, Record<string, string | undefined>>('survey', (answers) => ({
    answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v)),
  }));

  const body = () => {
    if (instead || !survey) return instead;
    return (
      <>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {survey.title}
        </Typography.Title>
        <Typography.Paragraph strong>
          {t('public.survey.intro', {
            enterprise: survey.enterpriseName,
            period: periodName(t, survey.period),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('public.survey.note')}</Typography.Paragraph>
        {submit.isError && <Alert type="error" showIcon title={errorText(submit.error)} style={{ marginBottom: 16 }} />}
        <LinkForm submit={submit}>
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
        </LinkForm>
      </>
    );
  };
  return <PublicShell title={t('surveys.title')}>{body()}</PublicShell>;
}

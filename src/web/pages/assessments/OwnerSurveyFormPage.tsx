import { Alert, Form, Input, Radio, Space, Typography } from 'antd';
import { OWNER_SURVEY_QUESTIONS, SUGGESTIONS_MAX } from '../../../domain/assessment/ownerSurvey.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { PublicShell } from './PublicShell.tsx';
import { periodName } from './period.ts';
import { LinkForm, useOneTimeLink } from './useOneTimeLink.tsx';

interface OpenedOwnerSurvey {
  title: string;
  period: string;
  enterpriseName: string;
}

/** The owner satisfaction questionnaire opened from its one-time link: one response per enterprise. */
export default function OwnerSurveyFormPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const {
    data: ownerSurvey,
    submit,
    instead,
  } = useOneTimeLink<OpenedOwnerSurvey, Record<string, string | undefined>>('owner-survey', (answers) => ({
    answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v)),
  }));

  const body = () => {
    if (instead || !ownerSurvey) return instead;
    return (
      <>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {ownerSurvey.title}
        </Typography.Title>
        <Typography.Paragraph strong>
          {t('public.ownerSurvey.intro', {
            enterprise: ownerSurvey.enterpriseName,
            period: periodName(t, ownerSurvey.period),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('public.ownerSurvey.note')}</Typography.Paragraph>
        {submit.isError && <Alert type="error" showIcon title={errorText(submit.error)} style={{ marginBottom: 16 }} />}
        <LinkForm submit={submit}>
          {OWNER_SURVEY_QUESTIONS.map((q) =>
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
  return <PublicShell title={t('ownerSurveys.title')}>{body()}</PublicShell>;
}

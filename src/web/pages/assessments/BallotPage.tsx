import { Alert, Form, InputNumber, Typography } from 'antd';
import type { Appraiser } from '../../api/types.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { PublicShell } from './PublicShell.tsx';
import { periodName } from './period.ts';
import { LinkForm, useOneTimeLink } from './useOneTimeLink.tsx';

interface Ballot {
  enterpriseName: string;
  period: string;
  appraiser: Appraiser;
  instructors: { id: number; name: string; department: string }[];
}

/** A democratic-appraisal ballot opened from its one-time link: one score per listed instructor, once. */
export default function BallotPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const {
    data: b,
    submit,
    instead,
  } = useOneTimeLink<Ballot, Record<string, number>>('ballot', (scores) => ({
    scores: Object.entries(scores).map(([id, score]) => ({ instructorId: Number(id), score })),
  }));

  const body = () => {
    if (instead || !b) return instead;
    return (
      <>
        <Typography.Paragraph strong>
          {t('public.ballot.intro', {
            enterprise: b.enterpriseName,
            period: periodName(t, b.period),
            appraiser: t(`ballots.appraiser.${b.appraiser}` as MessageKey),
          })}
        </Typography.Paragraph>
        <Alert type="info" showIcon title={t('public.ballot.anonymous')} style={{ marginBottom: 16 }} />
        {submit.isError && <Alert type="error" showIcon title={errorText(submit.error)} style={{ marginBottom: 16 }} />}
        {b.instructors.length === 0 && <Typography.Paragraph>{t('public.ballot.none')}</Typography.Paragraph>}
        <LinkForm submit={submit}>
          {b.instructors.map((i) => (
            <Form.Item
              key={i.id}
              name={String(i.id)}
              label={`${i.name}（${i.department}）`}
              rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('public.ballot.scoreRequired') }]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={2}
                inputMode="decimal"
                placeholder={t('public.ballot.scoreLabel')}
                style={{ width: '100%' }}
                size="large"
              />
            </Form.Item>
          ))}
        </LinkForm>
      </>
    );
  };
  return <PublicShell title={t('public.ballot.title')}>{body()}</PublicShell>;
}

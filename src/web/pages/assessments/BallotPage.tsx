import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { Appraiser } from '../../api/types.ts';
import { api } from '../../api.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.ts';
import { isRefusal, LinkProblem, linkToken, Opening, PublicShell, Thanks } from './PublicShell.tsx';
import { periodName } from './period.ts';

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
  const [token] = useState(linkToken);
  // The session answer carries the CSRF token every POST needs, account or not.
  const session = useSession();
  const ballot = useQuery({
    queryKey: ['link', 'ballot', token],
    queryFn: () => api.post<Ballot>('/api/links/ballot/open', { token }),
    enabled: session.isSuccess,
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (scores: Record<string, number>) =>
      api.post('/api/links/ballot', {
        token,
        scores: Object.entries(scores).map(([id, score]) => ({ instructorId: Number(id), score })),
      }),
  });

  const body = () => {
    if (submit.isSuccess) return <Thanks />;
    if (submit.isError && isRefusal(submit.error)) return <LinkProblem error={submit.error} />;
    if (ballot.isError || session.isError) return <LinkProblem error={ballot.error ?? session.error} />;
    if (!ballot.data) return <Opening />;
    const b = ballot.data;
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
        <Form<Record<string, number>> layout="vertical" onFinish={(v) => submit.mutate(v)}>
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
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
            {t('public.submit')}
          </Button>
        </Form>
      </>
    );
  };
  return <PublicShell title={t('public.ballot.title')}>{body()}</PublicShell>;
}

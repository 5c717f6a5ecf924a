import { type UseMutationResult, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.ts';
import { isRefusal, LinkProblem, linkToken, Opening, Thanks } from './PublicShell.tsx';

/**
 * A page opened from a one-time link (a ballot, a questionnaire): what the link opens, the one
 * submission it takes, and what to show instead of the form — thanks, a refused or used link,
 * or the link still opening.
 */
export function useOneTimeLink<T, V>(kind: 'ballot' | 'owner-survey', body: (values: V) => Record<string, unknown>) {
  const [token] = useState(linkToken);
  // The session answer carries the CSRF token every POST needs, account or not.
  const session = useSession();
  const opened = useQuery({
    queryKey: ['link', kind, token],
    queryFn: () => api.post<T>(`/api/links/${kind}/open`, { token }),
    enabled: session.isSuccess,
    retry: false,
  });
  const submit = useMutation({ mutationFn: (values: V) => api.post(`/api/links/${kind}`, { token, ...body(values) }) });
  let instead: ReactNode = null;
  if (submit.isSuccess) instead = <Thanks />;
  else if (submit.isError && isRefusal(submit.error)) instead = <LinkProblem error={submit.error} />;
  else if (opened.isError || session.isError) instead = <LinkProblem error={opened.error ?? session.error} />;
  else if (!opened.data) instead = <Opening />;
  return { data: opened.data, submit, instead };
}

/** The link's one form: its fields, then the submit button, busy while the submission is on its way. */
export function LinkForm<V>({
  submit,
  children,
}: {
  submit: UseMutationResult<unknown, Error, V>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form<V> layout="vertical" onFinish={(v) => submit.mutate(v)}>
      {children}
      <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
        {t('public.submit')}
      </Button>
    </Form>
  );
}

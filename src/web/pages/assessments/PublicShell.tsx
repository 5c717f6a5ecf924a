import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';

/** The frame of a page opened from a one-time link: phone first, no menu, no account. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '12px 12px 32px', background: '#f5f5f5' }}>
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 560, marginBottom: 12 }}>
        <Typography.Text strong style={{ color: '#c8161d' }}>
          {t('app.title')}
        </Typography.Text>
        <LanguageSwitch compact />
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: 560 }} styles={{ body: { padding: 16 } }}>
        {children}
      </Card>
    </Flex>
  );
}

const REFUSALS = ['link_used', 'link_expired', 'link_invalid', 'owner_survey_closed'];

/** Whether the server refused the link itself (used, expired, unknown, owner survey closed): nothing more can be done with it. */
export const isRefusal = (error: unknown) => error instanceof ApiError && REFUSALS.includes(error.code);

/** A refused link, or a failed load: what happened in the reader's language, and the server's own words. */
export function LinkProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const code = error instanceof ApiError ? error.code : '';
  const title = REFUSALS.includes(code) ? t(`public.refused.${code}` as MessageKey) : errorText(error);
  return (
    <Result
      status="warning"
      title={title}
      subTitle={
        REFUSALS.includes(code) ? (
          <>
            <div>{(error as ApiError).message}</div>
            <div>{t('public.refused.hint')}</div>
          </>
        ) : undefined
      }
      data-testid="link-refused"
    />
  );
}

export function Thanks() {
  const { t } = useI18n();
  return (
    <Result
      icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
      title={t('public.thanks')}
      subTitle={t('public.thanksHint')}
      data-testid="link-thanks"
    />
  );
}

export function Opening() {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" gap={12} style={{ padding: 32 }}>
      <Spin />
      <Typography.Text type="secondary">{t('public.loading')}</Typography.Text>
    </Flex>
  );
}

/** The token of the link this page was opened from: it travels in the fragment, which is never sent to a server. */
export function linkToken(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSignOut } from './useSignOut.ts';

/**
 * The frame of the login steps: the system's name, the language switch and one card. A step after
 * the password (`halfway`) ends with 返回登录, which abandons the half-done login.
 */
export function AuthCard({
  title,
  children,
  wide = false,
  halfway = false,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
  halfway?: boolean;
}) {
  const { t } = useI18n();
  const signOut = useSignOut();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '16px 12px 32px' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Typography.Title level={3} style={{ textAlign: 'center', margin: '24px 0', color: '#c8161d' }}>
        {t('app.title')}
      </Typography.Title>
      <Card title={title} style={{ width: '100%', maxWidth: wide ? 560 : 400 }}>
        {children}
        {halfway && (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => signOut.mutate()}>
            {t('login.backToLogin')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}

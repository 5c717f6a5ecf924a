// Route guards: each page is reached only in the session state it belongs to.

import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../domain/roles.ts';
import { useI18n } from '../i18n/index.tsx';
import { homePath, isSignedOut, LOGIN_PATH, nextStep, resetSession, useSession, useUser } from '../session.ts';
import { FullPageSpin } from './FullPageSpin.tsx';

interface FromState {
  from?: string;
}

function SessionFailed({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t('error.network')}
      extra={
        <Button type="primary" onClick={retry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** Pages of a signed-in user: anyone else goes to the login step they owe, and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <SessionFailed retry={() => void session.refetch()} />;
  const step = nextStep(session.data);
  if (step) {
    const from: FromState | null = isSignedOut(session.data) ? null : { from: location.pathname + location.search };
    return <Navigate to={step} replace state={from} />;
  }
  return children;
}

/** One step of signing in (`path`); a session at another step is sent there, a finished one onwards. */
export function LoginStep({ path, page }: { path: string; page: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const client = useQueryClient();
  // Just logged out: now that the signed-in pages are gone, forget their data and get a
  // fresh anonymous session (and with it the CSRF token the login form needs).
  const signedOut = isSignedOut(session.data);
  useEffect(() => {
    if (signedOut) void resetSession(client);
  }, [signedOut, client]);
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <SessionFailed retry={() => void session.refetch()} />;
  const step = nextStep(session.data);
  const state = location.state as FromState | null;
  if (step === null && session.data.user) {
    const from = state?.from;
    const target = from && !from.startsWith(LOGIN_PATH) ? from : homePath(session.data.user);
    return <Navigate to={target} replace />;
  }
  if (step !== path) return <Navigate to={step ?? LOGIN_PATH} replace state={state} />;
  return <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;
}

export function HomeRedirect() {
  return <Navigate to={homePath(useUser())} replace />;
}

export function RequirePermission({ permission, page }: { permission: Permission; page: ReactNode }) {
  const user = useUser();
  const { t } = useI18n();
  if (!user.permissions.includes(permission)) {
    return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} />;
  }
  return page;
}

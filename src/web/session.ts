// Who is signed in, which login step they still owe, and what they may do.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Permission } from '../domain/roles.ts';
import type { SessionInfo, SessionUser } from './api/types.ts';
import { api } from './api.ts';

export const SESSION_KEY = ['session'] as const;

const fetchSession = () => api.get<SessionInfo>('/api/session');

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** Drops every cached answer but the session's: they were fetched for whoever was signed in before. */
function forgetUserData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

/** Takes the session the server just answered with (login, a login step done). */
export function useAdoptSession(): (session: SessionInfo) => void {
  const client = useQueryClient();
  return useCallback(
    (session: SessionInfo) => {
      client.setQueryData(SESSION_KEY, session);
      forgetUserData(client);
    },
    [client],
  );
}

/** Forgets every cached answer and reloads the session (after logout). */
export function resetSession(client: QueryClient): Promise<void> {
  forgetUserData(client);
  return client.invalidateQueries({ queryKey: SESSION_KEY });
}

export const LOGIN_PATH = '/login';

/**
 * The session right after the user logged out, until the login page asks the server for
 * a fresh anonymous one: the guards send the user to the login page without remembering
 * where they were, and nothing reloads while the signed-in pages unmount. Recognised by its
 * empty CSRF token (the cache copies the object, so not by identity); the server's
 * sessions always carry one.
 */
const SIGNED_OUT: SessionInfo = { csrfToken: '', user: null, state: null };

export const isSignedOut = (session: SessionInfo | undefined) => session?.csrfToken === '';

export function signOutLocally(client: QueryClient): void {
  void client.cancelQueries();
  client.setQueryData(SESSION_KEY, SIGNED_OUT);
}

/** The login step page a session must see next, or null when it is fully signed in. */
export function nextStep(session: SessionInfo): string | null {
  if (!session.user || !session.state) return LOGIN_PATH;
  if (session.state.mfaRequired) return `${LOGIN_PATH}/totp`;
  if (session.state.mustChangePassword) return `${LOGIN_PATH}/password`;
  if (session.state.mustEnrolTotp) return `${LOGIN_PATH}/enrol`;
  if (session.state.mustChooseRegion) return `${LOGIN_PATH}/region`;
  return null;
}

/**
 * The user's home page, by role: the region dashboard for the committee and the leaders, the
 * instructor's enterprises or the secretary's branch (/home), and the administrators' own
 * pages (三员分立: they keep no business data, so the dashboard is not theirs to start on).
 */
export function homePath(user: SessionUser): string {
  const has = (r: SessionUser['roles'][number]) => user.roles.includes(r);
  if (has('committee') || has('leader')) return '/dashboard';
  if (has('secretary') || has('instructor')) return '/home';
  const can = (p: Permission) => user.permissions.includes(p);
  if (can('user.read')) return '/users';
  if (can('audit.read')) return '/audit';
  if (can('policy.write')) return '/security';
  return '/account';
}

/** The last signed-in user a page rendered for (see useUser). */
let lastUser: SessionUser | null = null;

/**
 * The signed-in user; only for components under the session guard. Right after a logout a
 * signed-in page can still render once before the guard takes it away (a render React
 * interrupted and resumes after the session changed, seen under load in the browser tests):
 * it renders as the user it was rendering for, instead of failing the whole page.
 */
export function useUser(): SessionUser {
  const { data } = useSession();
  if (data?.user) {
    lastUser = data.user;
    return data.user;
  }
  if (isSignedOut(data) && lastUser) return lastUser;
  throw new Error('useUser outside a signed-in page');
}

export function useCan(): (permission: Permission) => boolean {
  const user = useUser();
  return useCallback((permission: Permission) => user.permissions.includes(permission), [user]);
}

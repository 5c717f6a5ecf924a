import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiResponse } from '../api/types.ts';
import { api } from '../api.ts';
import { signOutLocally } from '../session.ts';

/** Logs out (or abandons a half-done login); the guards then show the login page. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ApiResponse<'/api/auth/logout', 'post'>>('/api/auth/logout'),
    // Whether or not the server still knew the session, this browser is signed out.
    onSettled: () => signOutLocally(client),
  });
}

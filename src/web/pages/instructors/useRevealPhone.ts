import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useErrorText } from '../../i18n/index.tsx';

/**
 * An instructor's full phone number, asked for by the user (POST …/reveal, audited by the
 * server). Held in this component's state only, never in the query cache, so it is gone once
 * the page is left.
 */
export function useRevealPhone(instructorId: number) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [phone, setPhone] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const reveal = useCallback(async () => {
    setLoading(true);
    try {
      setPhone(
        (await api.post<ApiResponse<'/api/instructors/{id}/reveal', 'post'>>(`/api/instructors/${instructorId}/reveal`))
          .phone,
      );
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoading(false);
    }
  }, [instructorId, message, errorText]);
  return { phone, revealed: phone !== undefined, loading, reveal, hide: () => setPhone(undefined) };
}

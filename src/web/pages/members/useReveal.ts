import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevealedNumbers } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useErrorText } from '../../i18n/index.tsx';

/**
 * The full ID and phone number of one member, asked for by the user (POST …/reveal, audited
 * by the server). Held in this component's state only — never in the query cache, the
 * mutation cache or storage — so they are gone once the page is left.
 */
export function useReveal(memberId: number) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [numbers, setNumbers] = useState<RevealedNumbers | null>(null);
  const [loading, setLoading] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const reveal = useCallback(async () => {
    setLoading(true);
    try {
      const shown = await api.post<RevealedNumbers>(`/api/members/${memberId}/reveal`);
      if (mounted.current) setNumbers(shown);
    } catch (error) {
      if (mounted.current) void message.error(errorText(error));
    } finally {
      if (mounted.current) setLoading(false);
    }
  }, [memberId, message, errorText]);
  const hide = useCallback(() => setNumbers(null), []);
  return { numbers, loading, reveal, hide };
}

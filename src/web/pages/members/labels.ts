// The coded values of members, transfers and development in the user's language
// (the codes: src/domain/org/codes.ts, development.ts; the close reasons: server developments/write.ts).
import { useCallback, useMemo } from 'react';
import { CULTIVATION_TAGS, EDUCATIONS, LEAVE_REASONS, MEMBER_STATUSES } from '../../../domain/org/codes.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

export const STATUS_CODES = MEMBER_STATUSES.map((s) => s.code);
export const EDUCATION_CODES = EDUCATIONS.map((e) => e.code);
export const CULTIVATION_CODES = CULTIVATION_TAGS.map((c) => c.code);
/** A transfer out leaves the roster by its return receipt, not by this form. */
export const LEAVE_CODES = LEAVE_REASONS.map((r) => r.code).filter((c) => c !== 'transfer_out');
export const SEX_CODES = ['male', 'female'] as const;

export const STATUS_COLOR: Record<string, string> = { full: 'default', probationary: 'orange' };
export const TRANSFER_COLOR: Record<string, string> = { pending: 'processing', expired: 'error', received: 'success' };

export interface CodeLabels {
  /** A code's label under `prefix` (e.g. 'member.education'); an unknown code shows as it is, none as “—”. */
  label: (prefix: string, code: string | null | undefined) => string;
  /** Select / radio options for `codes` under `prefix`. */
  options: (prefix: string, codes: readonly string[]) => { value: string; label: string }[];
}

export function useCodeLabels(): CodeLabels {
  const { t, has } = useI18n();
  const label = useCallback(
    (prefix: string, code: string | null | undefined) => {
      if (code == null || code === '') return '—';
      const key = `${prefix}.${code}`;
      return has(key) ? t(key) : code;
    },
    [t, has],
  );
  const options = useCallback(
    (prefix: string, codes: readonly string[]) =>
      codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) })),
    [t],
  );
  return useMemo(() => ({ label, options }), [label, options]);
}

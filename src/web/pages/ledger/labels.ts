// The ledger's codes in the user's language: kinds, statuses, categories, flags, fields and
// the values of a field as a history entry or an import diff shows them.
import { useCallback, useMemo } from 'react';
import { MASS_ORG_PROMPT_MIN_EMPLOYEES } from '../../../domain/enterprise/categories.ts';
import type { Enterprise } from '../../api/types.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { Flag } from './filter.ts';

/** Fields whose values are codes, and the dictionary prefix of their labels. */
const CODED: Record<string, string> = {
  kind: 'kind',
  registrationStatus: 'regStatus',
  ownerPoliticalStatus: 'political',
  reportedFormation: 'formation',
  orgCoverage: 'coverage',
  ownership: 'ownership',
  intermediaryKind: 'intermediary',
};

export interface LedgerLabels {
  /** A coded value under `prefix` (e.g. 'kind', 'regStatus'); an unknown code is shown as it is. */
  code: (prefix: string, code: string | null | undefined) => string;
  /** A field's name (an import column or 'fullMemberEstimated'). */
  field: (key: string) => string;
  /** A field's value as the user reads it: labels for codes, 是/否 for flags, （空） for nothing. */
  value: (field: string, value: unknown) => string;
  /** The same for a profile, where nothing is “—”. */
  shown: (field: string, value: unknown) => string;
}

export function useLedgerLabels(): LedgerLabels {
  const { t, has } = useI18n();
  const code = useCallback(
    (prefix: string, c: string | null | undefined) => {
      if (c == null) return t('common.empty');
      const key = `${prefix}.${c}`;
      return has(key) ? t(key) : c;
    },
    [t, has],
  );
  const field = useCallback(
    (key: string) => {
      const k = `enterprise.field.${key}`;
      return has(k) ? t(k) : key;
    },
    [t, has],
  );
  const value = useCallback(
    (f: string, v: unknown) => {
      if (v === null || v === undefined || v === '') return t('common.empty');
      if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
      if (CODED[f] && typeof v === 'string') return code(CODED[f], v);
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
    },
    [t, code],
  );
  const shown = useCallback(
    (f: string, v: unknown) => (v === null || v === undefined || v === '' ? '—' : value(f, v)),
    [value],
  );
  return useMemo(() => ({ code, field, value, shown }), [code, field, value, shown]);
}

/**
 * The flags an enterprise carries, as the list's filters define them (src/server/enterprises/ledger/filters.ts),
 * 重点盯住 under the deployment's threshold (none while it is not yet known).
 */
export function enterpriseFlags(e: Enterprise, keyWatchEmployees: number | null): Flag[] {
  const flags: Flag[] = [];
  const uncovered = Boolean(e.inScope) && e.orgCoverage === null;
  if (uncovered && keyWatchEmployees !== null && e.employees >= keyWatchEmployees) flags.push('key_watch');
  if (uncovered && !e.hasInstructor) flags.push('needs_instructor');
  if (e.missingSinceBatchId !== null) flags.push('missing');
  if (e.fullMemberEstimated) flags.push('estimated');
  if (uncovered && (e.hasUnion || e.hasLeague)) flags.push('mass_org_only');
  if (e.employees >= MASS_ORG_PROMPT_MIN_EMPLOYEES && !e.hasUnion && !e.hasLeague) flags.push('no_mass_org');
  return flags;
}

export const FLAG_COLORS: Record<Flag, string> = {
  key_watch: 'red',
  needs_instructor: 'orange',
  missing: 'purple',
  estimated: 'default',
  mass_org_only: 'blue',
  no_mass_org: 'default',
};

export const CATEGORY_COLORS: Record<string, string> = {
  standalone: 'green',
  joint: 'cyan',
  should_form: 'red',
  joint_candidate: 'gold',
  no_member: 'default',
};

export const flagKey = (f: Flag): MessageKey => `flag.${f}`;

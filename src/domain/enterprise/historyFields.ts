import { COLUMN_KEYS } from './columns.ts';

/**
 * Every field an enterprise's history (enterprise_history.field) can name: the import
 * file's columns, and what the server derives and keeps in step — the estimate flag of the
 * full-member count, the org coverage (orgs/coverage.ts), whether an instructor is assigned
 * (instructors/coverage.ts) — and `created`, the record's first entry. Each has a label in
 * both languages (historyLabels.test.ts).
 */
export const HISTORY_FIELDS = [
  ...COLUMN_KEYS,
  'fullMemberEstimated',
  'orgCoverage',
  'hasInstructor',
  'created',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

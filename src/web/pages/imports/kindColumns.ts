// How an org or member row's diff reads: each field by its column header in the file, each
// coded value by the word the file uses (党支部, 正式党员, 是), lists joined. The file's headers
// and words are Chinese in every language, as are the errors that name its columns.
import { YES_NO } from '../../../domain/enterprise/codes.ts';
import type { ImportColumnDef } from '../../../domain/org/importColumns.ts';
import { MEMBER_COLUMNS } from '../../../domain/org/memberColumns.ts';
import { ORG_COLUMNS } from '../../../domain/org/orgColumns.ts';
import { ACHIEVEMENT_COLUMNS, MEETING_COLUMNS } from '../../../domain/orglife/importColumns.ts';
import type { ImportKind } from './kinds.ts';

const COLUMNS: Record<Exclude<ImportKind, 'enterprises'>, readonly ImportColumnDef<string>[]> = {
  orgs: ORG_COLUMNS,
  members: MEMBER_COLUMNS,
  meetings: MEETING_COLUMNS,
  achievements: ACHIEVEMENT_COLUMNS,
};

const columnOf = (kind: ImportKind, key: string) =>
  kind === 'enterprises' ? undefined : COLUMNS[kind].find((c) => c.key === key);

/** The column's header, or the key itself for a field the file has no column for. */
export function kindFieldLabel(kind: ImportKind, key: string): string {
  return columnOf(kind, key)?.header ?? key;
}

/** A value as the file would write it; null for nothing (the caller says “（空）” in the user's language). */
export function kindFieldValue(kind: ImportKind, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join('；') : null;
  const choices = columnOf(kind, key)?.choices ?? (typeof value === 'boolean' ? YES_NO : undefined);
  const choice = choices?.find((c) => c.code === value);
  if (choice) return choice.label;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

import type { ColumnKey } from '../../domain/enterprise/columns.ts';

/**
 * How each import column lands in the enterprises table: its column and SQL type. The
 * reconciliation and the apply step build their SQL from this one list, so a field added
 * here is compared, written and recorded in history everywhere at once.
 */
export interface LedgerField {
  key: ColumnKey;
  column: string;
  type: 'text' | 'int' | 'bool' | 'date';
  /** Other keys the parser derives from this column (正式党员数 defaults from 党员数). */
  derived?: ColumnKey[];
}

export const LEDGER_FIELDS: readonly LedgerField[] = [
  { key: 'name', column: 'name', type: 'text' },
  { key: 'kind', column: 'kind', type: 'text' },
  { key: 'regionCode', column: 'region_code', type: 'text' },
  { key: 'industryCode', column: 'industry_code', type: 'text' },
  { key: 'employees', column: 'employees', type: 'int' },
  { key: 'memberCount', column: 'member_count', type: 'int' },
  { key: 'fullMemberCount', column: 'full_member_count', type: 'int' },
  { key: 'ownerName', column: 'owner_name', type: 'text' },
  { key: 'ownerPoliticalStatus', column: 'owner_political_status', type: 'text' },
  { key: 'aboveScale', column: 'above_scale', type: 'bool' },
  { key: 'cluster', column: 'cluster', type: 'text' },
  { key: 'foundedOn', column: 'founded_on', type: 'date' },
  { key: 'registrationStatus', column: 'registration_status', type: 'text' },
  { key: 'reportedHasOrg', column: 'reported_has_org', type: 'bool' },
  { key: 'reportedFormation', column: 'reported_formation', type: 'text' },
  { key: 'hasUnion', column: 'has_union', type: 'bool' },
  { key: 'hasLeague', column: 'has_league', type: 'bool' },
  { key: 'legalPerson', column: 'legal_person', type: 'bool' },
  { key: 'staffOnPost', column: 'staff_on_post', type: 'int' },
  { key: 'ownership', column: 'ownership', type: 'text' },
  { key: 'intermediaryKind', column: 'intermediary_kind', type: 'text' },
];

/** The SQL expression reading field `f` out of the staged row's jsonb `data`. */
export function stagedValue(f: LedgerField, alias = 'r'): string {
  const text = `(${alias}.data->>'${f.key}')`;
  return f.type === 'text' ? text : `${text}::${f.type === 'int' ? 'integer' : f.type === 'bool' ? 'boolean' : 'date'}`;
}

/** The fields a file with these columns speaks for; a column it left out changes nothing. */
export function fieldsOf(columns: readonly string[]): LedgerField[] {
  const present = new Set(columns);
  return LEDGER_FIELDS.filter((f) => present.has(f.key) || (f.key === 'fullMemberCount' && present.has('memberCount')));
}

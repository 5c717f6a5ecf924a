// What one valid import row becomes, and what is said about an invalid one.
import type {
  EnterpriseKind,
  Formation,
  IntermediaryKind,
  Ownership,
  PoliticalStatus,
  RegistrationStatus,
} from './codes.ts';

/**
 * One enterprise as the import file describes it. Optional columns left empty are `null`
 * rather than missing, so that every record has the same fields and the server's
 * field-by-field comparison with the ledger (reconciliation, “unchanged” on re-import)
 * sees “not given” explicitly.
 */
export interface EnterpriseInput {
  uscc: string;
  name: string;
  kind: EnterpriseKind;
  /** Format checked only; whether the division exists is the server's check (see `regionNotFoundMessage`). */
  regionCode: string;
  /** A two-digit division (“13”), or a section letter (“C”) when the file gave only the section. */
  industryCode: string | null;
  employees: number;
  /** Full and probationary members working there. */
  memberCount: number;
  fullMemberCount: number;
  /** True when the file had no 正式党员数 and `fullMemberCount` was taken from `memberCount`. */
  fullMemberEstimated: boolean;
  ownerName: string | null;
  ownerPoliticalStatus: PoliticalStatus | null;
  aboveScale: boolean;
  /** Normalised so that equal text means the same cluster. */
  cluster: string | null;
  /** YYYY-MM-DD. */
  foundedOn: string | null;
  registrationStatus: RegistrationStatus;
  phone: string | null;
  reportedHasOrg: boolean | null;
  reportedFormation: Formation | null;
  hasUnion: boolean | null;
  hasLeague: boolean | null;
  /** 法人单位标识; null: taken from the kind (an individual business is no legal person). */
  legalPerson: boolean | null;
  /** 在岗职工数, at most `employees`. */
  staffOnPost: number | null;
  ownership: Ownership | null;
  intermediaryKind: IntermediaryKind | null;
}

export interface RowIssue {
  /** The row number as the user sees it in the file (the header is row 1). */
  row: number;
  /** The zh-CN header of the column concerned. */
  column: string;
  message: string;
}

export interface RowResult {
  /** Present exactly when `errors` is empty. */
  value?: EnterpriseInput;
  errors: RowIssue[];
  warnings: RowIssue[];
}

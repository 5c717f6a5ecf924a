// What planning one row of the party-organization file produces, and what each check is given.
import type { OrgColumnKey } from '../../../domain/org/orgColumns.ts';
import type { OrgInput } from '../../../domain/org/orgRow.ts';
import type { partyOrgs } from '../../db/schema.ts';
import type { EnterpriseRef, Entry, OrgRow, Ref } from './orgFacts.ts';
import type { Issue, RowOutcome } from './stage.ts';

export type Diff = Record<string, { before: unknown; after: unknown }>;

export interface TermPlan {
  electedOn: string;
  endsOn: string;
  termYears: number;
  /** For an org already recorded: a new election, or the end of the one recorded on that day. */
  update: number | null;
}

export interface OrgPlan {
  index: number;
  row: number;
  v: OrgInput;
  existing: OrgRow | null;
  enterprises: EnterpriseRef[];
  /** undefined: the file says nothing (no such column) or the reference is in error. */
  parent?: Ref | null;
  managing?: Ref | null;
  /** The columns of party_orgs an existing org changes. */
  profile: Partial<typeof partyOrgs.$inferInsert>;
  coverageAdd: number[];
  coverageEnd: { id: number; enterpriseId: number }[];
  dissolve: boolean;
  term: TermPlan | null;
  secretary: { personName: string; endOfficer: number | null } | null;
  /** Rows this row needs written first; in partial mode their errors become this row's. */
  deps: { index: number; column: OrgColumnKey; message: string }[];
  errors: Issue[];
  warnings: Issue[];
  diff: Diff;
  outcome: RowOutcome['outcome'];
}

/** One row under check: its plan, and how a check records an error or a warning on a column. */
export interface RowContext {
  entry: Entry & { v: OrgInput };
  v: OrgInput;
  existing: OrgRow | null;
  plan: OrgPlan;
  /** The columns the file has. */
  columns: ReadonlySet<string>;
  err: (key: OrgColumnKey, message: string) => void;
  warn: (key: OrgColumnKey, message: string) => void;
  /** Whether a check already found an error in that column. */
  flagged: (key: OrgColumnKey) => boolean;
}

// The answers of the snapshot API, as the pages read them.
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';

export interface Snapshot {
  id: number;
  takenOn: string;
  regionCode: string;
  regionName: string;
  label: string;
  enterpriseCount: number;
  actorName: string;
  createdAt: string;
}

/** A category while in scope, out of scope (closed), or not in the snapshot at all (absent). */
export const STATES = [...LEDGER_CATEGORIES, 'closed', 'absent'] as const;
export type SnapshotState = (typeof STATES)[number];

export interface Comparison {
  from: Snapshot;
  to: Snapshot;
  transitions: { from: SnapshotState; to: SnapshotState; n: number }[];
  totals: { entered: number; left: number; changed: number; unchanged: number };
}

export interface SideFacts {
  regionCode: string;
  inScope: boolean;
  category: string;
  orgCoverage: string | null;
  employees: number;
  memberCount: number;
  fullMemberCount: number;
  keyWatch: boolean;
}

export interface TransitionRow {
  enterpriseId: number;
  name: string | null;
  uscc: string | null;
  from: SideFacts | null;
  to: SideFacts | null;
}

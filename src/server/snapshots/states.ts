// The states an enterprise can be in when two snapshots are compared: its ledger category
// while in scope, `closed` while in the ledger but out of scope (吊销, 注销, 迁出), and
// `absent` when the snapshot does not hold it at all (entered or left the ledger).
import { LEDGER_CATEGORIES } from '../../domain/enterprise/categories.ts';

export const SNAPSHOT_STATES = [...LEDGER_CATEGORIES, 'closed', 'absent'] as const;
export type SnapshotState = (typeof SNAPSHOT_STATES)[number];

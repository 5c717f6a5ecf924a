// A child region that runs its own deployment has no ledger here: its rows in this deployment's
// reports are the figures of its package in force (the latest received), read-only, with where
// the package stands. Drilling into that region shows the package's own rows (its towns).
import { sql } from 'drizzle-orm';
import type { PackageStatus } from '../../domain/upward/package.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { PackedReport, Payload } from './format.ts';

/** Where a child deployment's package of the period stands, shown beside its row. */
export interface RemoteStanding {
  status: PackageStatus;
  /** When the package in force was received. */
  receivedAt: string | null;
  /** The reason of the return, while it is returned. */
  reason: string | null;
}

export interface RemotePackage {
  standing: RemoteStanding;
  payload: Payload | null;
}

/** The regions among `codes` that run their own deployment, with the package in force for the period (null: 未报). */
export async function remotePackages(tx: Tx, codes: string[], period: string): Promise<Map<string, RemotePackage>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{
    region: string;
    figures: Payload | null;
    receivedAt: string | Date | null;
    lastAction: 'receive' | 'return' | null;
    lastReason: string | null;
  }>(
    tx,
    sql`select t.region_code as region, rc.figures, rc.at as "receivedAt", ev.action as "lastAction", ev.reason as "lastReason"
        from trusted_deployments t
        left join lateral (
          select figures, at from upward_package_events e
          where e.region_code = t.region_code and e.period = ${period} and e.action = 'receive'
          order by e.at desc, e.id desc limit 1
        ) rc on true
        left join lateral (
          select action, reason from upward_package_events e
          where e.region_code = t.region_code and e.period = ${period}
          order by e.at desc, e.id desc limit 1
        ) ev on true
        where t.region_code = any(${`{${codes.join(',')}}`}::text[])`,
  );
  return new Map(
    rows.map((r) => [
      r.region,
      {
        payload: r.figures,
        standing: {
          status: r.lastAction === null ? 'none' : r.lastAction === 'return' ? 'returned' : 'received',
          receivedAt: r.receivedAt ? new Date(r.receivedAt).toISOString() : null,
          reason: r.lastAction === 'return' ? r.lastReason : null,
        },
      },
    ]),
  );
}

/** The package's report of a kind, when one is in force. */
export const packed = (p: RemotePackage | undefined, kind: keyof Payload['reports']): PackedReport | undefined =>
  p?.payload?.reports[kind];

/** A row's counts for `keys` from a packed row (0 where absent: 未报). */
export function countsFrom<K extends string>(
  keys: readonly K[],
  row: Record<string, unknown> | undefined,
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, Number(row?.[k] ?? 0) || 0])) as Record<K, number>;
}

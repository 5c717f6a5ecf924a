import { sql } from 'drizzle-orm';
import type { SubmissionAction, SubmissionEvent } from '../../domain/reports/submission.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

export interface StoredEvent extends SubmissionEvent {
  id: number;
  regionCode: string;
  actorName: string;
}

/** The submission events of the regions' reports of a quarter, each region's in the order they happened. */
export async function eventsOf(tx: Tx, codes: string[], quarter: string): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>(codes.map((c) => [c, []]));
  if (codes.length === 0) return out;
  const rows = await queryRows<Omit<StoredEvent, 'at'> & { at: string | Date }>(
    tx,
    sql`select id, region_code as "regionCode", action, reason, actor_name as "actorName", at
        from quarterly_submissions
        where quarter = ${quarter} and region_code = any(${`{${codes.join(',')}}`}::text[])
        order by at, id`,
  );
  for (const r of rows) {
    out.get(r.regionCode)?.push({ ...r, action: r.action as SubmissionAction, at: new Date(r.at) });
  }
  return out;
}

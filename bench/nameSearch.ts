/**
 * Name search under row-level security (issue #14 item 8, #18 item 1), on the ledger the page
 * benchmark loaded: the ids matching a name fragment within a scope, three ways, alternating,
 * in the same run —
 *  - `function`: what the app runs, as the app's role with the policies on: the ids from
 *    `dangjian_enterprise_name_search` (0028), which the trigram index serves;
 *  - `ilike`: the plain ILIKE under the same policies (what the app ran before 0028);
 *  - `direct`: the same ILIKE with the scope written out, as the owner: the indexed SQL.
 * A one- or two-character fragment has no trigram: all three read the scope, and are listed for that.
 */
import type pg from 'pg';
import { regionPrefix } from '../src/domain/regionCode.ts';
import { containing } from '../src/server/db/like.ts';
import { cityRegions } from './data.ts';
import { round, type Summary, summarize, timed } from './stats.ts';

export interface NameSearchFigure {
  fragment: string;
  region: string;
  matches: number;
  function: Summary;
  ilike: Summary;
  direct: Summary;
  /** p50 of the app's search over the direct SQL's; and of the plain ILIKE under the policies. */
  functionRatio: number;
  ilikeRatio: number;
}

const FRAGMENTS = ['宜昌华泰', '鑫源恒通', '建筑工程', '科技'];

export async function measureNameSearch(
  c: pg.Client,
  repeat: number,
  log: (s: string) => void,
): Promise<NameSearchFigure[]> {
  const regions = ['420500', cityRegions().counties[0]];
  // Each way in the same transaction as the app's (role, scope, the query, the end), so that
  // the round trips, which weigh on a busy machine, are the same and the queries are compared.
  const inTransaction = async (role: 'dangjian_app' | 'none', prefix: string, text: string, values: unknown[]) => {
    await c.query('begin');
    try {
      await c.query(`set local role ${role}`);
      await c.query(`select set_config('dangjian.scope_prefix', $1, true)`, [prefix]);
      return (await c.query(text, values)).rowCount ?? 0;
    } finally {
      await c.query('rollback');
    }
  };
  const ways = {
    function: (prefix: string, pattern: string) =>
      inTransaction('dangjian_app', prefix, 'select dangjian_enterprise_name_search($1, null) as id', [pattern]),
    ilike: (prefix: string, pattern: string) =>
      inTransaction('dangjian_app', prefix, 'select id from enterprises where name ilike $1', [pattern]),
    direct: (prefix: string, pattern: string) =>
      inTransaction('none', prefix, 'select id from enterprises where region_code like $1 and name ilike $2', [
        `${prefix}%`,
        pattern,
      ]),
  };
  const out: NameSearchFigure[] = [];
  for (const region of regions) {
    const prefix = regionPrefix(region);
    for (const fragment of FRAGMENTS) {
      const pattern = containing(fragment);
      const ms: Record<keyof typeof ways, number[]> = { function: [], ilike: [], direct: [] };
      const counted = new Set<number>();
      const order = Object.keys(ways) as (keyof typeof ways)[];
      for (let i = 0; i <= repeat; i++) {
        // Each way first in turn; the first round only warms the cache.
        for (const way of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
          const t = await timed(() => ways[way](prefix, pattern));
          counted.add(t.value);
          if (i > 0) ms[way].push(t.ms);
        }
      }
      if (counted.size !== 1) throw new Error(`${fragment} in ${region}: the three ways found ${[...counted]}`);
      const [f, l, d] = [summarize(ms.function), summarize(ms.ilike), summarize(ms.direct)];
      out.push({
        fragment,
        region,
        matches: [...counted][0],
        function: f,
        ilike: l,
        direct: d,
        functionRatio: f.p50 / d.p50,
        ilikeRatio: l.p50 / d.p50,
      });
      log(
        `name search ${fragment} in ${region}: ${[...counted][0]} found; p50 function ${round(f.p50)}, ILIKE under RLS ${round(l.p50)}, direct ${round(d.p50)} ms`,
      );
    }
  }
  return out;
}

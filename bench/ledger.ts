/**
 * The ledger page benchmark: a filtered, sorted page of 50 with its total, asked 200 times
 * with varied filters through the whole app (session cookie, middleware, validation,
 * transaction with row-level security, presenter, JSON), against the same two statements —
 * the count and the page query, built by the same `ledgerWhere` — run directly with pg.
 */
import { asc, count, desc, eq } from 'drizzle-orm';
import { pick, type Rand, seeded } from '../src/domain/random.ts';
import { DEFAULT_COVERAGE_SETTINGS } from '../src/domain/stats/coverage.ts';
import type { Actor } from '../src/server/actor.ts';
import { createApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { enterprises as e, regions } from '../src/server/db/schema.ts';
import { LedgerFilter, ledgerWhere, nameSearchDirect } from '../src/server/enterprises/ledger/filters.ts';
import { type LedgerSort, SORTS } from '../src/server/enterprises/ledger/list.ts';
import { keysFrom } from '../src/server/keys.ts';
import { TestClient } from '../src/server/testing/client.ts';
import { signIn } from '../src/server/testing/fixture.ts';
import { cityRegions } from './data.ts';
import { BENCH_PASSWORD, type BenchDatabase, emptyLedger } from './db.ts';
import { loadLedger } from './ledgerData.ts';
import { measureNameSearch, type NameSearchFigure } from './nameSearch.ts';
import { type Summary, summarize, timed } from './stats.ts';

export interface LedgerFigures {
  rows: number;
  loadMs: number;
  requests: number;
  direct: Summary;
  http: Summary;
  p95Ratio: number;
  p50Ratio: number;
  /** Each request as asked, with both times, for a closer look at the slow ones. */
  samples: { query: string; directMs: number; httpMs: number; total: number }[];
  nameSearch: NameSearchFigure[];
}

interface Ask {
  query: Record<string, string | string[]>;
  sort: LedgerSort;
  order: 'asc' | 'desc';
  page: number;
}

const PAGE_SIZE = 50;
const NAMES = ['科技', '科技', '商贸', '物流', '宜昌华泰', '三峡'];

/** Varied filters: a region (county or town) or the whole city, a category, kinds, a partial name, a sort. */
export function asks(n: number, rand: Rand): Ask[] {
  const { counties, towns } = cityRegions();
  const out: Ask[] = [];
  for (let i = 0; i < n; i++) {
    const query: Record<string, string | string[]> = {};
    const r = rand();
    if (r < 0.4) query.region = pick(rand, counties);
    else if (r < 0.7) query.region = pick(rand, towns);
    if (rand() < 0.4)
      query.category = pick(rand, ['standalone', 'joint', 'should_form', 'joint_candidate', 'no_member']);
    const k = rand();
    if (k < 0.2) query.kind = 'private';
    else if (k < 0.3) query.kind = ['individual', 'private'];
    if (rand() < 0.3) query.q = pick(rand, NAMES);
    const s = rand();
    const [sort, order]: [LedgerSort, 'asc' | 'desc'] =
      s < 0.5 ? ['employees', 'desc'] : s < 0.75 ? ['name', 'asc'] : ['updatedAt', 'desc'];
    out.push({ query, sort, order, page: rand() < 0.8 ? 1 : 2 + Math.floor(rand() * 4) });
  }
  return out;
}

export function queryString(a: Ask): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(a.query)) for (const x of [v].flat()) p.append(k, x);
  p.set('sort', a.sort);
  p.set('order', a.order);
  p.set('page', String(a.page));
  p.set('pageSize', String(PAGE_SIZE));
  return p.toString();
}

/** The count and the page query the list runs, as SQL text and parameters. */
function statements(db: BenchDatabase, actor: Actor, a: Ask) {
  const filter = LedgerFilter.parse(a.query);
  const where = ledgerWhere(actor, filter, DEFAULT_COVERAGE_SETTINGS, nameSearchDirect);
  const column = SORTS[a.sort];
  const total = db.database.db.select({ total: count() }).from(e).where(where).toSQL();
  const page = db.database.db
    .select({ e, regionName: regions.name })
    .from(e)
    .leftJoin(regions, eq(regions.code, e.regionCode))
    .where(where)
    .orderBy(a.order === 'asc' ? asc(column) : desc(column), asc(e.id))
    .limit(PAGE_SIZE)
    .offset((a.page - 1) * PAGE_SIZE)
    .toSQL();
  return [total, page];
}

export async function ledgerBenchmark(
  db: BenchDatabase,
  committee: { actor: Actor; username: string },
  opts: { rows: number; requests?: number; log: (s: string) => void },
): Promise<LedgerFigures> {
  await emptyLedger(db.pg);
  const load = await timed(() => loadLedger(db.pg, opts.rows, opts.log));
  const nameSearch = await measureNameSearch(db.pg, 10, opts.log);
  const measured = await measureLedgerPages(db, committee, opts.requests ?? 200, opts.log);
  return { rows: opts.rows, loadMs: load.ms, ...measured, nameSearch };
}

/** Asks `n` varied pages both ways, alternating, after a warm-up. */
export async function measureLedgerPages(
  db: BenchDatabase,
  committee: { actor: Actor; username: string },
  n: number,
  log: (s: string) => void,
) {
  const keys = keysFrom(Buffer.alloc(32, 7));
  const app = createApp({ database: db.database, keys, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
  const client = new TestClient(app, '10.42.0.5');
  await signIn(client, committee.username, BENCH_PASSWORD);

  const direct = async (a: Ask) => {
    const [total, page] = statements(db, committee.actor, a);
    const counted = await db.pg.query({ text: total.sql, values: total.params });
    await db.pg.query({ text: page.sql, values: page.params });
    return Number(Object.values(counted.rows[0])[0]);
  };
  const http = async (a: Ask) => {
    const res = await client.get(`/api/enterprises?${queryString(a)}`);
    if (res.status !== 200) throw new Error(`GET /api/enterprises ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { total: number };
  };

  const all = asks(n, seeded(4205));
  const warm = asks(20, seeded(99));
  log(`warming up (${warm.length} requests each way)…`);
  for (const a of warm) {
    await direct(a);
    await http(a);
  }
  log(`${n} requests each way…`);
  const directMs: number[] = [];
  const httpMs: number[] = [];
  const totals: number[] = [];
  for (const [i, a] of all.entries()) {
    // Alternate which goes first, so neither always finds the other's pages in the cache.
    const first = i % 2 === 0 ? 'http' : 'direct';
    let counted = 0;
    for (const way of first === 'http' ? ['http', 'direct'] : ['direct', 'http']) {
      if (way === 'direct') {
        const d = await timed(() => direct(a));
        directMs.push(d.ms);
        counted = d.value;
      } else {
        const h = await timed(() => http(a));
        httpMs.push(h.ms);
        totals.push(h.value.total);
      }
    }
    if (counted !== totals[i]) throw new Error(`${queryString(a)}: the app says ${totals[i]}, the SQL ${counted}`);
  }
  const d = summarize(directMs);
  const h = summarize(httpMs);
  return {
    requests: n,
    direct: d,
    http: h,
    p95Ratio: h.p95 / d.p95,
    p50Ratio: h.p50 / d.p50,
    samples: all.map((a, i) => ({ query: queryString(a), directMs: directMs[i], httpMs: httpMs[i], total: totals[i] })),
  };
}

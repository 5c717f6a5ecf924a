import { sql } from 'drizzle-orm';
import type { Tx } from './client.ts';

/**
 * Turns off PostgreSQL's JIT compilation for the rest of the transaction. Under row-level
 * security the planner costs a page's queries in the millions (each policy's hashed subplan
 * is costed per outer row), far past `jit_above_cost`, and compiling then took longer than
 * running: 0.56 s of a county's 0.84 s org facts at 1,000,000 enterprises (bench/README.md,
 * "Every call of the page"). The dashboard's calls read indexes and kept counts, where JIT
 * never pays. Without JIT support (PGlite) the setting is accepted and changes nothing.
 */
export async function withoutJit(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('jit', 'off', true)`);
}

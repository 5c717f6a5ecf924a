/**
 * What keys the audit chain and where its head is anchored, bound to one database handle.
 *
 * The key is derived from the master key (keys.ts) and never stored in the database, so the
 * table's owner cannot recompute a row's hash after changing it. The anchor is a file under
 * the data directory holding the last checkpointed sequence number and hash, so removing the
 * last rows of the table shows as the table ending before the anchor.
 */
import type { Db, Tx } from '../db/client.ts';
import type { Keys } from '../keys.ts';

export interface AuditChain {
  mac(body: string): string;
  /** Where the head is anchored; null keeps no anchor (an in-memory test database). */
  anchorFile: string | null;
}

interface Bound extends AuditChain {
  db: Db;
  timer: NodeJS.Timeout | null;
  /** The checkpoint running now, so a second one waits for it instead of racing its rename. */
  running: Promise<void> | null;
}

// A drizzle database and every transaction opened from it share one dialect object, and the
// writers of the chain get only a transaction: this is how they find the chain's key.
const chains = new WeakMap<object, Bound>();

function handleOf(db: Db | Tx): object {
  return (db as unknown as { dialect: object }).dialect;
}

export function auditChainFor(keys: Keys, anchorFile: string | null): AuditChain {
  return { mac: (body) => keys.auditMac(body), anchorFile };
}

/** Every process that writes or verifies audit rows binds its database to the chain first. */
export function bindAuditChain(db: Db, chain: AuditChain): void {
  chains.set(handleOf(db), { ...chain, db, timer: null, running: null });
}

export function boundChain(db: Db | Tx): Bound {
  const chain = chains.get(handleOf(db));
  // Fail closed: an unkeyed row written by a forgotten caller would be indistinguishable from forgery.
  if (!chain) throw new Error('审计链密钥未加载：打开数据库后须先绑定审计链（bindAuditChain）');
  return chain;
}

// Soon after a write, once its transaction has most likely committed; the server's periodic
// and closing checkpoints catch a row whose transaction ran longer.
const CHECKPOINT_DELAY_MS = 1000;

/** Called by each audit write: anchors the new head shortly, outside the writer's transaction. */
export function scheduleCheckpoint(tx: Tx, run: (db: Db) => Promise<unknown>): void {
  const chain = boundChain(tx);
  if (!chain.anchorFile || chain.timer) return;
  chain.timer = setTimeout(() => {
    chain.timer = null;
    run(chain.db).catch((err) => console.error(`审计链锚点写入失败：${(err as Error).message}`));
  }, CHECKPOINT_DELAY_MS);
  chain.timer.unref();
}

export async function runExclusive(chain: Bound, run: (db: Db) => Promise<unknown>): Promise<void> {
  while (chain.running) await chain.running.catch(() => undefined);
  const current = run(chain.db).then(() => undefined);
  chain.running = current;
  try {
    await current;
  } finally {
    if (chain.running === current) chain.running = null;
  }
}

/** Stops the pending checkpoint timer (the caller checkpoints once more itself before closing). */
export function cancelScheduled(db: Db): void {
  const chain = chains.get(handleOf(db));
  if (chain?.timer) {
    clearTimeout(chain.timer);
    chain.timer = null;
  }
}

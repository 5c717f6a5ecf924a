import type { Db } from '../db/client.ts';

/**
 * How many transactions the app opens on `db` while `work` runs (savepoints inside one are
 * not counted): the check that a request does its work in one transaction.
 */
export async function transactionsDuring(db: Db, work: () => Promise<unknown>): Promise<number> {
  const original = db.transaction;
  let opened = 0;
  db.transaction = ((...args: Parameters<Db['transaction']>) => {
    opened++;
    return original.apply(db, args);
  }) as Db['transaction'];
  try {
    await work();
  } finally {
    db.transaction = original;
  }
  return opened;
}

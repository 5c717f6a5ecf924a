// A process that opens a data directory's embedded database, for the tests that must cross the
// process boundary (the directory lock, the file modes under the umask it was started with).
// `hold`: prints `held` and keeps it open until killed; `once`: opens, queries and closes.
// Prints `busy` and exits 3 when another process has it open.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { DataDirBusy } from '../db/dataDir.ts';

const [mode, pgliteDir] = process.argv.slice(2);
try {
  const database = await openDatabase({ pgliteDir });
  await database.db.execute(sql`select 1`);
  if (mode === 'once') {
    await database.close();
    console.log('done');
  } else {
    console.log('held');
    setInterval(() => {}, 60_000);
  }
} catch (err) {
  if (!(err instanceof DataDirBusy)) throw err;
  console.log('busy');
  process.exit(3);
}

// How the CLI writes an export (a report's .xlsx): never half a file under the name asked for.
// The bytes go to a hidden part file beside it, named after this process, and are renamed into
// place only once whole; a part file left by a process that was killed is removed by the next
// export into the same directory.
import fs from 'node:fs';
import path from 'node:path';
import { alive } from '../server/db/dataDir.ts';

const PART = /^\..+\.(\d+)\.part$/;

/** Part files of processes that are gone. */
function removeDeadParts(dir: string) {
  for (const name of fs.readdirSync(dir)) {
    const pid = PART.exec(name)?.[1];
    if (pid && !alive(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Calls `produce` with the part file to write, then puts it in place as `out`. When `produce`
 * throws (its transaction rolled back, say), the part file is removed and `out` is untouched.
 */
export async function writeExport<T>(out: string, produce: (part: string) => Promise<T>): Promise<T> {
  const dir = path.dirname(path.resolve(out));
  removeDeadParts(dir);
  const part = path.join(dir, `.${path.basename(out)}.${process.pid}.part`);
  try {
    const result = await produce(part);
    fs.renameSync(part, out);
    return result;
  } catch (err) {
    fs.rmSync(part, { force: true });
    throw err;
  }
}

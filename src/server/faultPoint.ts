/**
 * Named points where the fault tests (src/server/imports/fault-cli.test.ts, fault-server.test.ts)
 * kill a process: with `DANGJIAN_FAULT_PAUSE` set to a point's name, the process says so on
 * stderr when it gets there and waits, its work half done, until it is killed. Nothing else waits here: unset, a
 * point costs one comparison. The test needs it because from outside a process the moments
 * that matter (inside the confirmation's transaction, before a commit) cannot be told apart.
 */
export type FaultPoint = 'import-read' | 'import-stage' | 'import-apply' | 'export' | 'export-write';

export const FAULT_PAUSED = '[fault] paused at ';

export async function faultPoint(name: FaultPoint): Promise<void> {
  if (process.env.DANGJIAN_FAULT_PAUSE !== name) return;
  process.stderr.write(`${FAULT_PAUSED}${name}\n`);
  // A timer keeps the process alive: a bare pending promise would let it end by itself.
  await new Promise(() => setInterval(() => {}, 60_000));
}

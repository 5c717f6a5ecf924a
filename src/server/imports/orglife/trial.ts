// The rules of a meeting or achievement live in their write paths (src/server/orglife,
// src/server/achievements): the quorum, the roster on the date, dates against the org, what
// each kind carries. The import does not restate them: it runs each row through the write path
// inside savepoints and undoes everything (audit rows included), as the bulk preview does
// (src/server/bulk/batch.ts); a refusal becomes the row's error, in the column of its field.
import type { Tx } from '../../db/client.ts';
import { HttpError } from '../../errors.ts';

class TrialDone extends Error {}

export interface Refusal {
  field: string | null;
  message: string;
}

/** A refusal of a write path, or null for anything else (rethrown: a fault, not the row's). */
export function refusalOf(err: unknown): Refusal | null {
  if (!(err instanceof HttpError) || (err.status !== 400 && err.status !== 409 && err.status !== 404)) return null;
  const details = Array.isArray(err.details) ? (err.details as { field?: string; message?: string }[]) : [];
  const first = details.find((d) => typeof d.field === 'string');
  return { field: first?.field ?? null, message: first?.message ?? err.message };
}

/**
 * Runs `rows` in order inside one savepoint, each in a savepoint of its own (a refused row
 * leaves nothing, later rows see the earlier ones), then rolls everything back. Returns each
 * row's refusal or null.
 */
export async function trialRun<R>(
  tx: Tx,
  rows: readonly R[],
  write: (sp: Tx, row: R) => Promise<unknown>,
): Promise<(Refusal | null)[]> {
  const out: (Refusal | null)[] = [];
  try {
    await tx.transaction(async (outer) => {
      for (const row of rows) {
        try {
          await (outer as Tx).transaction((sp) => write(sp as Tx, row));
          out.push(null);
        } catch (err) {
          const refusal = refusalOf(err);
          if (!refusal) throw err;
          out.push(refusal);
        }
      }
      throw new TrialDone();
    });
  } catch (err) {
    if (!(err instanceof TrialDone)) throw err;
  }
  return out;
}

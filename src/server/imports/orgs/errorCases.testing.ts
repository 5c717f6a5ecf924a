// What the error-path suites of the org and member files share: a file of one valid row and the
// case must be rejected with exactly the expected issues, leaving the org ledger as it was.
import { expect, it } from 'vitest';
import { orgLedger } from '../../../../test/fixtures/orgImport/files.ts';
import type { Database } from '../../db/client.ts';
import type { runImport } from '../pipeline.ts';

export type Issue = { row: number; column: string; message: string };
type Result = Awaited<ReturnType<typeof runImport>>;
type Expect<V> = (rows: V[], errors: Issue[], warnings?: Issue[]) => Promise<void>;

/** An issue on row 3: row 2 of every case file is the valid one. */
export const at = (column: string, message: string, row = 3): Issue => ({ row, column, message });

/** Runs the file; it must be rejected with exactly `errors` and `warnings`, writing nothing. */
export async function expectRejectedRun(
  database: Database,
  run: () => Promise<Result>,
  errors: Issue[],
  warnings: Issue[],
): Promise<Result> {
  const before = await orgLedger(database.db);
  const result = await run();
  expect(result.errors).toEqual(errors);
  expect(result.warnings).toEqual(warnings);
  expect(result.status).toBe('rejected');
  expect(await orgLedger(database.db)).toEqual(before);
  return result;
}

/** One test a case of a cell that breaks its column's rule: the valid row with `values` over it. */
export function rejectedCells<V>(
  cases: [string, V, Issue[], Issue[]?][],
  rowOf: (values: V) => V | Promise<V>,
  expectRejected: Expect<V>,
) {
  it.each(cases)('%s', async (_name, values, errors, warnings = []) => {
    await expectRejected([await rowOf(values)], errors, warnings);
  });
}

/** One test a case of rows the database or the rest of the file refuses, built when the test runs. */
export function rejectedRows<V>(
  cases: [string, () => Promise<{ rows: V[]; errors: Issue[]; warnings?: Issue[] }>][],
  expectRejected: Expect<V>,
) {
  it.each(cases)('%s', async (_name, build) => {
    const { rows, errors, warnings } = await build();
    await expectRejected(rows, errors, warnings);
  });
}

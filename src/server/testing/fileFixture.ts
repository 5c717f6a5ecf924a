// Most test files share one fixture among all their tests: opened as the file loads, closed
// after its last test. Kept apart from fixture.ts, which the benchmarks use outside vitest.
import { afterAll } from 'vitest';
import { makeFixture } from './fixture.ts';

/** Closes what the test file opened once the file's tests are done. */
export function closedAfterAll<T extends { close(): unknown }>(opened: T): T {
  afterAll(() => opened.close());
  return opened;
}

/** The test file's fixture, closed once the file's tests are done. */
export async function fileFixture(...options: Parameters<typeof makeFixture>) {
  return closedAfterAll(await makeFixture(...options));
}

// The labels a batch is filed under (src/server/imports/adapters/enterprises.ts: checkBatchLabels).

/** 2026Q4, 2026-10 or 2026. */
export const PERIOD = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The quarter a date falls in, as a period label: 2026-11-22 → 2026Q4. */
export function quarterOf(date: Date): string {
  return `${date.getFullYear()}Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/**
 * The usual sources. They are data, not interface text: batches of the same source are
 * compared with each other, so the words must be the same whatever language the user reads.
 */
export const SOURCE_SUGGESTIONS = ['市场监管局年报', '市场监管局登记数据'] as const;

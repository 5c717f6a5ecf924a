// The signed package a child deployment sends its parent (issue #17 item 5, docs/upward-reports.md).
// An envelope `{ format, version, payload, signature }` whose payload is the base64 of the JSON
// below, signed with the child's Ed25519 key. The payload carries figures only — counts by
// region — never a person's or an enterprise's record: the parent's reports need the counts,
// and the county keeps its ledger.
export const PACKAGE_FORMAT = 'dangjian-upward-package';
export const PACKAGE_VERSION = 1;
/** Far above a real county's package (tens of kilobytes), and the API's JSON body limit: a larger one is refused unread. */
export const MAX_PACKAGE_BYTES = 1024 * 1024;

/** A period of a package: a year (the annual tables) or a quarter (the quarterly report). */
export const PERIOD_PATTERN = /^\d{4}(Q[1-4])?$/;
export const isQuarterPeriod = (period: string) => period.includes('Q');

export const PACKAGE_STATUS_LABEL = { none: '未报', received: '已报', returned: '退回' } as const;
export type PackageStatus = keyof typeof PACKAGE_STATUS_LABEL;

/** Which reports a package of the period must carry. */
export const reportsOf = (period: string) =>
  isQuarterPeriod(period) ? (['quarterly'] as const) : (['annual', 'nb27', 'nb30'] as const);
